import Testing
import VerifiableCredentials

/// Removing the whitespace between tokens gives what compact serialization writes, strings untouched.
@Suite("JSON whitespace removal")
struct JSONWhitespaceTests {
    static let value: JSONValue = [
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "name": "  spaced  \"quoted\" \\ back\\slash\t tab\n line ™ ✓",
        "nested": ["empty": [:], "list": [], "numbers": [1, -2.5, 1e21, 0.000001], "flags": [true, false, .null]],
        "key with spaces": "x",
    ]

    @Test("pretty JSON without its whitespace is the compact serialization")
    func prettyToCompact() throws {
        let pretty = JSONSerializer.bytes(Self.value, layout: .pretty)
        #expect(pretty.contains(UInt8(ascii: "\n")))
        #expect(JSONWhitespace.removed(from: pretty) == JSONSerializer.bytes(Self.value))
        let compact = try #require(JSONWhitespace.removed(from: pretty))
        #expect(try JSONParser.parse(compact) == Self.value)
    }

    @Test("strings keep their spaces and escapes; a text ending inside a string gives nil")
    func strings() {
        #expect(
            JSONWhitespace.removed(from: Array(#" { "a b" : "c\"  d\\" , "e" : [ 1 , 2 ] } "#.utf8))
                == Array(#"{"a b":"c\"  d\\","e":[1,2]}"#.utf8))
        #expect(JSONWhitespace.removed(from: Array(#"{"a": "open}"#.utf8)) == nil)
        #expect(JSONWhitespace.removed(from: Array(#"{"a": "\"}"#.utf8)) == nil)
        #expect(JSONWhitespace.removed(from: []) == [])
    }
}
