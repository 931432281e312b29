import Foundation
import Testing
import VerifiableCredentials

@Suite("RFC 8785 JSON Canonicalization Scheme")
struct JCSVectorTests {
    static let cases = ["arrays", "french", "structures", "unicode", "values", "weird"]

    @Test("Each input canonicalizes to the exact output bytes", arguments: cases)
    func canonicalizesVector(_ name: String) throws {
        let input = try Vectors.bytes("jcs/input/\(name).json")
        let expected = try Vectors.bytes("jcs/output/\(name).json")
        #expect(try JSONCanonicalizer.canonicalize(json: input) == expected)
    }

    @Test("The outhex files agree with the output bytes", arguments: cases)
    func hexMatches(_ name: String) throws {
        let hex = try Vectors.text("jcs/outhex/\(name).txt")
        let bytes = hex.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { UInt8($0, radix: 16) }
        #expect(bytes == (try Vectors.bytes("jcs/output/\(name).json")))
    }

    @Test("All 100,000 ES6 number vectors serialize exactly")
    func es6Numbers() throws {
        let text = try Vectors.text("jcs/es6-numbers/es6testfile-first100k.txt")
        var checked = 0
        var failures: [String] = []
        for line in text.split(separator: "\n") {
            guard let comma = line.firstIndex(of: ",") else { continue }
            let bits = try #require(UInt64(line[..<comma], radix: 16))
            let expected = String(line[line.index(after: comma)...])
            let value = Double(bitPattern: bits)
            guard value.isFinite else { continue }
            let got = value.ecmaScriptString
            if got != expected, failures.count < 10 { failures.append("\(line[..<comma]): \(got) != \(expected)") }
            checked += 1
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(checked >= 99_990)
    }

    @Test("Number layout at the ECMAScript boundaries")
    func numberBoundaries() {
        #expect((1e21).ecmaScriptString == "1e+21")
        #expect((1e20).ecmaScriptString == "100000000000000000000")
        #expect((1e-7).ecmaScriptString == "1e-7")
        #expect((0.000001).ecmaScriptString == "0.000001")
        #expect((-0.0).ecmaScriptString == "0")
        #expect((1.5).ecmaScriptString == "1.5")
        #expect((123.0).ecmaScriptString == "123")
        #expect(Double.leastNonzeroMagnitude.ecmaScriptString == "5e-324")
        #expect((1.7976931348623157e308).ecmaScriptString == "1.7976931348623157e+308")
    }

    @Test("Keys sort by UTF-16 code units, not by Swift String order")
    func utf16Order() throws {
        let value = try JSONParser.parse(#"{"\ud83d\ude00":1,"\ufb33":2,"a":3}"#)
        let text = String(decoding: JSONCanonicalizer.canonicalize(value), as: UTF8.self)
        #expect(text == "{\"a\":3,\"😀\":1,\"\u{FB33}\":2}")
    }

    @Test("The allocation-free key order equals UTF-16 code unit order on random keys")
    func keyOrderMatchesUTF16() {
        let alphabet: [Unicode.Scalar] = [
            "a", "B", "~", "\u{7F}", "\u{80}", "é", "\u{7FF}", "\u{800}", "€", "\u{D7FF}",
            "\u{E000}", "\u{FB33}", "\u{FFFD}", "\u{FFFF}", "\u{10000}", "😀", "\u{10FFFF}",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let a = String(
                String.UnicodeScalarView(
                    (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                        alphabet.randomElement(using: &generator) ?? "a"
                    }))
            let b = String(
                String.UnicodeScalarView(
                    (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                        alphabet.randomElement(using: &generator) ?? "a"
                    }))
            #expect(
                JSONCanonicalizer.utf16Precedes(a, b) == Array(a.utf16).lexicographicallyPrecedes(Array(b.utf16)),
                "\(a) vs \(b)")
        }
    }
}
