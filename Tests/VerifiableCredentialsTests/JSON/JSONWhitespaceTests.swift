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

/// Laying a text out pretty without parsing it gives the serializer's pretty bytes.
@Suite("JSON pretty layout from any layout")
struct JSONPrettyLayoutTests {
    static let values: [JSONValue] = [
        JSONWhitespaceTests.value, [:], [], "text", 7.5, .null, true,
        ["a": [[:], [], [[]], ["b": [:]]], "c": ["d": ["e": [1, [2, [3]]]]]],
        ["quote\"key": "a\\\"b", "colon:key": "x: y, {z} [w]", "nested": [["k": "v"]]],
    ]

    @Test("compact or pretty in, the serializer's pretty layout out")
    func layout() {
        for value in Self.values {
            let pretty = JSONSerializer.bytes(value, layout: .pretty)
            #expect(JSONWhitespace.prettified(JSONSerializer.bytes(value)) == pretty, "\(value)")
            #expect(JSONWhitespace.prettified(pretty) == pretty, "\(value)")
        }
        #expect(
            JSONWhitespace.prettified(Array(#" { "a" : [ ] , "b" : { } } "#.utf8))
                == Array("{\n  \"a\": [],\n  \"b\": {}\n}\n".utf8))
    }

    @Test("a credential as cmevc issues it round-trips, and an open string gives nil")
    func credential() throws {
        let document = try JSONParser.parse(
            Array(
                #"{"@context":["https://www.w3.org/ns/credentials/v2"],"credentialSubject":{"name":"Dr. ✓ \u00e9","n":[1.25,-3e-7]},"proof":[{"type":"DataIntegrityProof"}]}"#
                    .utf8))
        #expect(
            JSONWhitespace.prettified(JSONSerializer.bytes(document)) == JSONSerializer.bytes(document, layout: .pretty)
        )
        #expect(JSONWhitespace.prettified(Array(#"{"a": "open"#.utf8)) == nil)
    }
}
