import Testing

@testable import VerifiableCredentials

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

/// JSON's four whitespace bytes, defined once (``JSONWhitespace/isWhitespace(_:)``), and the two readers that look
/// past leading whitespace for a file's first byte: a `.jwt` status list and an unreadable credential file.
@Suite("JSON whitespace bytes")
struct JSONWhitespaceBytesTests {
    /// Form feed and vertical tab are whitespace to Foundation but not to JSON (RFC 8259 §2).
    static let notJSONWhitespace: [UInt8] = [0x0B, 0x0C]

    @Test("space, tab, line feed and carriage return are whitespace; no other byte is")
    func bytes() {
        let whitespace = (0...255).map(UInt8.init).filter(JSONWhitespace.isWhitespace)
        #expect(whitespace == [0x09, 0x0A, 0x0D, 0x20])
    }

    @Test("a .jwt status list that holds JSON after JSON whitespace is told so; after a form feed it is not")
    func statusListHoldingJSON() {
        func message(_ bytes: [UInt8]) -> String? {
            do {
                _ = try SecuredStatusList(compactJWT: bytes)
                return nil
            } catch {
                return error.message
            }
        }
        #expect(message(Array(" \t\r\n{}".utf8))?.contains("it holds JSON") == true)
        #expect(message(Array(" \t\r\n[]".utf8))?.contains("it holds JSON") == true)
        for byte in Self.notJSONWhitespace {
            #expect(message([byte] + Array("{}".utf8))?.contains("it holds JSON") == false, "\(byte)")
        }
    }

    @Test("an unreadable file that starts like JSON after JSON whitespace keeps the parser's message alone")
    func unreadableDocument() throws {
        func explained(_ bytes: [UInt8]) throws -> Bool {
            do {
                _ = try JSONParser.parse(bytes)
                Issue.record("\(bytes) parsed")
                return false
            } catch {
                return UnreadableDocument.explain(error, bytes: bytes).message.contains("compact JWT")
            }
        }
        #expect(try !explained(Array(" \t\r\n{\"a\":".utf8)))
        #expect(try explained(Array(" \t\r\nnot json".utf8)))
        for byte in Self.notJSONWhitespace { #expect(try explained([byte] + Array("{\"a\":".utf8)), "\(byte)") }
    }
}
