import Testing

@testable import VerifiableCredentials

@Suite("JCS member order, small and large objects")
struct JCSMemberOrderTests {
    static let alphabet = ["a", "b", "B", "é", "\u{E000}", "\u{FFFD}", "𝄞", "😀", "0", "_", "aa", "ab"]

    @Test("members come out sorted by UTF-16 code units, whether sorted on the stack or by the library sort")
    func order() throws {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 5, 23, 24, 25, 60] {
            for _ in 0..<20 {
                var object = JSONObject()
                while object.count < count {
                    let length = Int.random(in: 1...3, using: &generator)
                    let key = (0..<length).map { _ in Self.alphabet.randomElement(using: &generator) ?? "a" }.joined()
                    object[key] = .number(Double(object.count))
                }
                let canonical = JSONCanonicalizer.canonicalize(.object(object))
                let parsed = try #require(try JSONParser.parse(canonical).objectValue)
                let expected = object.keys.sorted { Array($0.utf16).lexicographicallyPrecedes(Array($1.utf16)) }
                #expect(parsed.keys == expected)
                #expect(object.keys.allSatisfy { parsed[$0] == object[$0] })
            }
        }
    }
}
