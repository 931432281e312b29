import Foundation
import Testing

@testable import CMECredentials

@Suite("Random (version 4) credential ids")
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
}
