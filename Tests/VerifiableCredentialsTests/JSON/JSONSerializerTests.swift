import Foundation
import Testing

@testable import VerifiableCredentials

@Suite("JSON serializer")
struct JSONSerializerTests {
    /// The byte-at-a-time rule the word-at-a-time scan must agree with.
    static func naiveNeedsEscaping(_ bytes: [UInt8]) -> Bool {
        bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }

    @Test("the word-at-a-time escape scan agrees with a byte-at-a-time one, at every position and length")
    func escapeScan() {
        var generator = SystemRandomNumberGenerator()
        // Bytes around every boundary the scan tests: control characters, quote, backslash, their
        // neighbours, and bytes with the high bit set (UTF-8 continuation and lead bytes).
        let interesting: [UInt8] = [
            0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF,
        ]
        for length in 0...40 {
            for _ in 0..<200 {
                let bytes = (0..<length).map { _ in
                    Bool.random(using: &generator)
                        ? interesting.randomElement(using: &generator) ?? 0x41
                        : UInt8.random(in: 0x23...0x7E, using: &generator)
                }
                let scanned = bytes.withUnsafeBytes { JSONSerializer.needsEscaping($0) }
                #expect(scanned == Self.naiveNeedsEscaping(bytes), "\(bytes)")
            }
        }
        // One byte to escape at each position of a long clean run.
        for position in 0..<24 {
            for special: UInt8 in [0x00, 0x1F, 0x22, 0x5C] {
                var bytes = [UInt8](repeating: 0xC3, count: 24)
                bytes[position] = special
                #expect(bytes.withUnsafeBytes { JSONSerializer.needsEscaping($0) })
            }
        }
    }

    @Test("strings with and without characters to escape serialize as RFC 8785 says")
    func strings() {
        #expect(
            JSONSerializer.string(.string("plain text, long enough for words é ✓"))
                == "\"plain text, long enough for words é ✓\"")
        #expect(
            JSONSerializer.string(.string("tab\there and a \"quote\" at the end\\"))
                == #""tab\there and a \"quote\" at the end\\""#)
        #expect(JSONSerializer.string(.string("\u{1}")) == #""\u0001""#)
    }

    @Test("pretty layout indents deeper than the run of spaces it copies from")
    func deepIndent() throws {
        var value: JSONValue = ["leaf": true]
        for _ in 0..<40 { value = .array([value]) }
        let pretty = String(decoding: JSONSerializer.bytes(value, layout: .pretty), as: UTF8.self)
        #expect(pretty.contains("\n" + String(repeating: " ", count: 82) + "\"leaf\": true"))
        #expect(try JSONParser.parse(pretty) == value)
    }
}

@Suite("The serializer's byte buffer")
struct ByteWriterTests {
    @Test("appends of every kind survive growing past the first capacity, in order")
    func growth() {
        var writer = ByteWriter(capacity: 16)
        var expected: [UInt8] = []
        for round in 0..<300 {
            writer.append(UInt8(truncatingIfNeeded: round))
            expected.append(UInt8(truncatingIfNeeded: round))
            writer.append("ab" as StaticString)
            expected += Array("ab".utf8)
            writer.append("é\(round)")
            expected += Array("é\(round)".utf8)
            writer.append(repeating: 0x20, count: round % 7)
            expected += [UInt8](repeating: 0x20, count: round % 7)
            let block = [UInt8](repeating: 0x41, count: round % 40)
            block.withUnsafeBufferPointer { writer.append($0) }
            expected += block
        }
        writer.append(repeating: 0x20, count: 0)
        #expect(writer.count == expected.count)
        #expect(writer.finish() == expected)
    }
}
