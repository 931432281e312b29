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
}
