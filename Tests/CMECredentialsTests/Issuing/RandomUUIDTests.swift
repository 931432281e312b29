import Foundation
import Testing

@testable import CMECredentials

@Suite("Random (version 4) and time-ordered (version 7) credential ids")
struct RandomUUIDTests {
    @Test("fixed bits give the RFC 9562 layout, version 4 and variant 10")
    func layout() {
        #expect(
            RandomUUID.lowercase(high: 0x0123_4567_89AB_CDEF, low: 0xFEDC_BA98_7654_3210)
                == "01234567-89ab-4def-bedc-ba9876543210")
        #expect(RandomUUID.lowercase(high: 0, low: 0) == "00000000-0000-4000-8000-000000000000")
        #expect(RandomUUID.lowercase(high: .max, low: .max) == "ffffffff-ffff-4fff-bfff-ffffffffffff")
    }

    @Test("drawn ids parse as UUIDs, keep their version and variant, and differ")
    func drawn() {
        var seen = Set<String>()
        for _ in 0..<1_000 {
            let id = RandomUUID.lowercase()
            let parsed = UUID(uuidString: id)
            #expect(parsed?.uuidString.lowercased() == id)
            let bytes = parsed?.uuid
            #expect(bytes.map { $0.6 >> 4 } == 4)
            #expect(bytes.map { $0.8 >> 6 } == 0b10)
            seen.insert(id)
        }
        #expect(seen.count == 1_000)
    }

    @Test("version 7: the milliseconds in the first 48 bits, version 7 and variant 10")
    func timeOrderedLayout() {
        #expect(
            RandomUUID.timeOrdered(milliseconds: 0x0189_7A2B_3C4D, random: 0xABCD, low: 0xFEDC_BA98_7654_3210)
                == "01897a2b-3c4d-7bcd-bedc-ba9876543210")
        #expect(
            RandomUUID.timeOrdered(milliseconds: 0, random: 0, low: 0) == "00000000-0000-7000-8000-000000000000")
        // RFC 9562 appendix A.6: 2022-02-22 19:22:22 UTC is 0x017F22E279B0 milliseconds.
        let date = Date(timeIntervalSince1970: 1_645_557_742)
        #expect(RandomUUID.timeOrdered(at: date).hasPrefix("017f22e2-79b0-7"))
    }

    @Test("drawn version 7 ids parse, keep version and variant, differ, and sort by time")
    func timeOrderedDrawn() {
        var seen = Set<String>()
        var previous = ""
        for step in 0..<1_000 {
            let id = RandomUUID.timeOrdered(at: Date(timeIntervalSince1970: 1_780_000_000 + Double(step) / 100))
            let bytes = UUID(uuidString: id)?.uuid
            #expect(bytes.map { $0.6 >> 4 } == 7)
            #expect(bytes.map { $0.8 >> 6 } == 0b10)
            // Ids of later milliseconds sort after earlier ones, as text too.
            if step % 2 == 0 { #expect(previous < id) }
            if step % 2 == 1 { previous = id }
            seen.insert(id)
        }
        #expect(seen.count == 1_000)
    }
}
