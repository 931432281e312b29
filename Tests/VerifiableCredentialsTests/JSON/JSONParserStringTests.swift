import Testing
import VerifiableCredentials

@Suite("Strings parse the same at every position of the word-at-a-time scan")
struct JSONParserStringTests {
    static let pieces = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{1}", "\u{1F}", "é", "✓", "𝄞", "~", "\u{7F}",
    ]

    @Test("random strings round-trip through the serializer and the parser")
    func roundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<40 {
            for _ in 0..<50 {
                let text = (0..<length).map { _ in Self.pieces.randomElement(using: &generator) ?? "a" }.joined()
                let json = JSONSerializer.bytes(["key": .string(text)])
                #expect(try JSONParser.parse(json) == ["key": .string(text)], "\(text.debugDescription)")
            }
        }
    }

    @Test("a raw control character or an unclosed string fails wherever it sits")
    func failures() {
        for position in 0..<20 {
            let before = String(repeating: "a", count: position)
            for bad in ["\u{0}", "\u{1F}", "\n"] {
                #expect(throws: CredentialError.self) {
                    try JSONParser.parse("{\"k\":\"" + before + bad + "bcdefghij\"}")
                }
            }
            #expect(throws: CredentialError.self) { try JSONParser.parse("{\"k\":\"" + before) }
        }
    }

    @Test("long non-ASCII text between escapes keeps every scalar, as in a credential's AMA wording")
    func nonASCIIRuns() throws {
        let statement = "designates this activity for a maximum of 3.0 AMA PRA Category 1 Credits™. Physicians"
        for text in [
            statement, statement + "\n" + statement, "™", "™\"™\"", "\\™",
            "é" + String(repeating: "x", count: 17) + "\t", "𝄞 \u{1} ✓",
        ] {
            let json = JSONSerializer.bytes(["key": .string(text)])
            #expect(try JSONParser.parse(json) == ["key": .string(text)], "\(text.debugDescription)")
        }
    }

    @Test("invalid UTF-8 anywhere in a string fails at its own column, after any text before it")
    func invalidUTF8Position() {
        let bad: [[UInt8]] = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x80]]
        for prefix in ["", "abc", "™", "abcdefgh™ij", String(repeating: "é", count: 9), "a\\n™"] {
            for sequence in bad {
                let head = Array("[\"".utf8) + Array(prefix.utf8)
                do {
                    _ = try JSONParser.parse(head + sequence + Array("tail\"]".utf8))
                    Issue.record("expected invalid UTF-8 after \(prefix.debugDescription)")
                } catch {
                    #expect(error.code == .invalidUTF8)
                    // Columns count bytes from 1.
                    #expect(error.location == "line 1, column \(head.count + 1)", "\(prefix.debugDescription)")
                }
            }
        }
    }

    @Test("a string of half a million escapes, each after some text, parses whole")
    func manyEscapes() throws {
        let json = "[\"" + String(repeating: "ab\\n", count: 500_000) + "\"]"
        let text = try JSONParser.parse(json).arrayValue?.first?.stringValue
        #expect(text?.utf8.count == 1_500_000)
        #expect(text?.hasSuffix("ab\n") == true)
    }
}
