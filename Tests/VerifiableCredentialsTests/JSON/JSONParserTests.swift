import Testing
import VerifiableCredentials

@Suite("Strict JSON parser")
struct JSONParserTests {
    func code(_ text: String) -> CredentialError.Code? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error.code
        }
    }

    func code(bytes: [UInt8], limits: JSONParser.Limits = .default) -> CredentialError.Code? {
        do {
            _ = try JSONParser(limits: limits).parse(bytes)
            return nil
        } catch {
            return error.code
        }
    }

    @Test("Members keep document order")
    func order() throws {
        let value = try JSONParser.parse(#"{"b":1,"a":2,"c":{"z":null,"y":[true,false]}}"#)
        #expect(value.objectValue?.keys == ["b", "a", "c"])
        #expect(value["c"]?.objectValue?.keys == ["z", "y"])
        #expect(value["c"]?["y"] == [true, false])
    }

    @Test("Duplicate member names are rejected, compared by code units")
    func duplicates() {
        #expect(code(#"{"a":1,"a":2}"#) == .duplicateKey)
        #expect(code(#"{"x":{"a":1,"b":2,"a":3}}"#) == .duplicateKey)
        #expect(code(#"{"\u00e9":1,"é":2}"#) == .duplicateKey)
        // Canonically equivalent but different code units: two different keys.
        #expect(code("{\"\u{E9}\":1,\"e\u{301}\":2}") == nil)
        let many = (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        #expect(code("{\(many)}") == nil)
        #expect(code("{\(many),\"k7\":0}") == .duplicateKey)
        // Around the switch from the linear scan to the set (at 32 members), each side finds the duplicate.
        for count in [17, 31, 32, 33, 34] {
            let members = (0..<count).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
            #expect(code("{\(members)}") == nil)
            for duplicate in [0, count / 2, count - 1] {
                #expect(code("{\(members),\"k\(duplicate)\":0}") == .duplicateKey, "\(count) members, k\(duplicate)")
                #expect(code("{\(members),\"k\(count)\":0,\"k\(duplicate)\":0}") == .duplicateKey)
            }
        }
    }

    @Test("Canonically equivalent keys stay distinct in lookups")
    func distinctKeys() throws {
        let value = try JSONParser.parse("{\"\u{E9}\":1,\"e\u{301}\":2}")
        #expect(value["\u{E9}"] == 1)
        #expect(value["e\u{301}"] == 2)
    }

    @Test("Lone surrogates are rejected")
    func surrogates() {
        #expect(code(#"["\ud800"]"#) == .loneSurrogate)
        #expect(code(#"["\udc00"]"#) == .loneSurrogate)
        #expect(code(#"["\ud800\u0041"]"#) == .loneSurrogate)
        #expect(code(#"["\ud83d\ude00"]"#) == nil)
    }

    @Test("Invalid UTF-8 is rejected")
    func invalidUTF8() {
        let quote = UInt8(ascii: "\"")
        #expect(code(bytes: [quote, 0xFF, quote]) == .invalidUTF8)
        #expect(code(bytes: [quote, 0xC0, 0xAF, quote]) == .invalidUTF8)  // overlong
        #expect(code(bytes: [quote, 0xED, 0xA0, 0x80, quote]) == .invalidUTF8)  // encoded surrogate
        #expect(code(bytes: [quote, 0xF4, 0x90, 0x80, 0x80, quote]) == .invalidUTF8)  // above U+10FFFF
        #expect(code(bytes: [quote, 0xE2, 0x82, quote]) == .invalidUTF8)  // cut off
        #expect(code(bytes: [quote] + Array("€😀".utf8) + [quote]) == nil)
    }

    @Test("Trailing content is rejected")
    func trailing() {
        #expect(code(#"{"a":1} x"#) == .trailingContent)
        #expect(code("[1][2]") == .trailingContent)
        #expect(code("  {\"a\":1}  \n") == nil)
    }

    @Test("Nesting deeper than 128 is rejected; 128 is fine")
    func depth() {
        #expect(code(String(repeating: "[", count: 128) + String(repeating: "]", count: 128)) == nil)
        #expect(code(String(repeating: "[", count: 129) + String(repeating: "]", count: 129)) == .nestingTooDeep)
        #expect(code(String(repeating: "[", count: 10_000)) == .nestingTooDeep)
    }

    @Test("Documents over the size limit are rejected before parsing")
    func sizeLimit() {
        let bytes = Array("[\(String(repeating: "1,", count: 600))1]".utf8)
        #expect(code(bytes: bytes, limits: .init(maximumBytes: 1000)) == .documentTooLarge)
        #expect(code(bytes: bytes) == nil)
        #expect(JSONParser.Limits.default.maximumBytes == 16 * 1024 * 1024)
    }

    @Test(
        "Malformed documents are rejected with their position",
        arguments: [
            "", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "1e", "tru", "\"a", "\"\u{01}\"", "\"\\x\"", "{a:1}", "NaN",
            "[1 2]",
        ])
    func malformed(_ text: String) {
        #expect(code(text) != nil)
    }

    @Test("Errors name the line and column")
    func position() {
        do {
            _ = try JSONParser.parse("{\n  \"a\": 1,\n  \"a\": 2\n}")
            Issue.record("expected a duplicate key error")
        } catch {
            #expect(error.code == .duplicateKey)
            #expect(error.location == "line 3, column 3")
        }
    }

    @Test(
        "Any run of indentation, with tabs and carriage returns, parses as the compact document and errors keep their column"
    )
    func indentation() throws {
        let compact = try JSONParser.parse(#"{"a":[1,{"b":"c"}],"d":true}"#)
        for width in 0..<20 {
            for tail in ["", "\t", "\r", " \t "] {
                let pad = "\n" + String(repeating: " ", count: width) + tail
                let text =
                    "{" + pad + #""a":"# + pad + "[1," + pad + #"{"b":"c"}]"# + pad + "," + #""d":true"# + pad + "}"
                #expect(try JSONParser.parse(text) == compact, "indentation \(width) \(tail.debugDescription)")
            }
            let bad = "{\n" + String(repeating: " ", count: width) + "x}"
            do {
                _ = try JSONParser.parse(bad)
                Issue.record("expected an error for indentation \(width)")
            } catch {
                #expect(error.location == "line 2, column \(width + 1)")
            }
        }
    }

    @Test("Numbers too large for a double are rejected")
    func hugeNumbers() {
        #expect(code("1e400") == .numberOutOfRange)
        #expect(code("-1e400") == .numberOutOfRange)
        #expect(code("1e-400") == nil)
    }

    @Test("Escapes decode and re-serialize")
    func escapes() throws {
        let value = try JSONParser.parse(#"["\"\\\/\b\f\n\r\t\u0041\u00e9"]"#)
        #expect(value == ["\"\\/\u{08}\u{0C}\n\r\tAé"])
        #expect(JSONSerializer.string(value) == #"["\"\\/\b\f\n\r\tAé"]"#)
    }

    @Test("Pretty serialization round-trips")
    func prettyRoundTrip() throws {
        let value = try JSONParser.parse(#"{"b":[1,2.5,{"c":null}],"a":{},"d":[],"e":"x"}"#)
        let pretty = JSONSerializer.bytes(value, layout: .pretty)
        #expect(try JSONParser.parse(pretty) == value)
        #expect(String(decoding: pretty, as: UTF8.self).hasSuffix("}\n"))
    }
}
