import Foundation
import Testing

@testable import VerifiableCredentials

@Suite("Large arrays of the top-level object parse on all cores, exactly as a serial parse does")
struct JSONParserLargeArrayTests {
    /// A presentation-shaped value: a top-level object whose `verifiableCredential` array spans well over
    /// the parallel threshold, with strings holding brackets, commas, quotes and escapes.
    static func presentation(count: Int = 300) -> JSONValue {
        let credentials: [JSONValue] = (0..<count).map { index in
            [
                "id": .string("urn:uuid:\(index)"),
                "name": .string("tricky \"[{,}]\" \\ text \(index) é ✓\n"),
                "nested": [[1, 2, ["deep": .array([.null, true, false, 1.5])]], [:], []],
                "padding": .string(String(repeating: "x", count: 300)),
            ]
        }
        return ["@context": ["https://www.w3.org/ns/credentials/v2"], "verifiableCredential": .array(credentials)]
    }

    /// The same bytes with the big array one level deeper, where the parser never goes parallel; the first
    /// line gets a prefix, so only errors on later lines are comparable.
    static func serialError(_ text: String) -> CredentialError? {
        do {
            _ = try JSONParser.parse("{\"wrapped\":" + text + "}")
            return nil
        } catch {
            return error
        }
    }

    static func error(_ text: String) -> CredentialError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("compact and pretty texts parse to the value they were written from")
    func roundTrip() throws {
        let value = Self.presentation()
        for layout in [JSONSerializer.Layout.compact, .pretty] {
            let bytes = JSONSerializer.bytes(value, layout: layout)
            #expect(bytes.count > JSONReader.parallelArrayBytes)
            #expect(try JSONParser.parse(bytes) == value)
        }
    }

    @Test("the scan finds every element, whatever the strings between them hold")
    func scan() {
        let bytes = JSONSerializer.bytes(["a": Self.presentation(count: 5)["verifiableCredential"] ?? .null])
        let start = bytes.firstIndex(of: UInt8(ascii: "[")) ?? 0
        let ranges = bytes.withUnsafeBufferPointer { JSONReader.scanElements($0, arrayStart: start)?.ranges }
        #expect(ranges?.count == 5)
        #expect(ranges?.first.map { bytes[$0.lowerBound] } == UInt8(ascii: "{"))
        #expect(ranges?.first.map { bytes[$0.upperBound - 1] } == UInt8(ascii: "}"))
    }

    @Test("the scan skips strings eight bytes at a time: escapes and brackets at every position of a word")
    func scanWordBoundaries() throws {
        // Each element's string puts an escaped quote, an escaped backslash and brackets at a different offset
        // from the 8-byte words the scan reads, so every position of a word ends a fast run at least once.
        let elements: [JSONValue] = (0..<40).map { offset in
            let prefix = String(repeating: "x", count: offset % 17)
            return ["text": .string(prefix + "\"],{\\" + String(repeating: "y", count: offset % 9) + "\\"), "n": 1]
        }
        let bytes = JSONSerializer.bytes(["list": .array(elements)])
        let start = try #require(bytes.firstIndex(of: UInt8(ascii: "[")))
        let ranges = bytes.withUnsafeBufferPointer { JSONReader.scanElements($0, arrayStart: start)?.ranges }
        #expect(ranges?.count == elements.count)
        for (range, element) in zip(ranges ?? [], elements) {
            #expect(try JSONParser.parse(Array(bytes[range])) == element)
        }
    }

    @Test(
        "an error inside one element is the error a serial parse reports, at the same line and column",
        arguments: [
            (
                "\"id\": \"urn:uuid:150\"", "\"id\": \"urn:uuid:150\", \"id\": \"again\"",
                CredentialError.Code.duplicateKey
            ),
            ("\"id\": \"urn:uuid:151\"", "\"id\": \"urn:uuid:151", .invalidJSON),
            ("\"id\": \"urn:uuid:152\"", "\"id\": tru", .invalidJSON),
            ("\"id\": \"urn:uuid:153\"", "\"id\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1", .invalidJSON),
            ("\"id\": \"urn:uuid:154\"", "\"id\": \"urn:uuid:154\" \"x\": 1", .invalidJSON),
            ("\"id\": \"urn:uuid:299\"", "\"id\": \"urn:uuid:299\"}, {", .invalidJSON),
        ])
    func errors(original: String, replacement: String, code: CredentialError.Code) throws {
        let pretty = JSONSerializer.string(Self.presentation(), layout: .pretty)
        let range = try #require(pretty.range(of: original))
        let broken = pretty.replacingCharacters(in: range, with: replacement)
        let parallel = try #require(Self.error(broken))
        let serial = try #require(Self.serialError(broken))
        #expect(parallel.code == code)
        #expect(parallel.code == serial.code)
        #expect(parallel.location == serial.location)
        #expect(parallel.message == serial.message)
    }

    @Test("an element nested past the depth limit fails as it does serially")
    func depth() throws {
        var deep: JSONValue = 1
        for _ in 0..<130 { deep = .array([deep]) }
        var value = Self.presentation()
        if case .object(var object) = value, case .array(var credentials)? = object["verifiableCredential"] {
            credentials[200] = deep
            object["verifiableCredential"] = .array(credentials)
            value = .object(object)
        }
        let parallel = try #require(Self.error(JSONSerializer.string(value, layout: .pretty)))
        #expect(parallel.code == .nestingTooDeep)
    }

    @Test("a large array of tiny elements is left to the serial parse, with the same result")
    func tinyElements() throws {
        let numbers = JSONValue.array((0..<40_000).map { .number(Double($0 % 10)) })
        let value: JSONValue = ["@context": ["https://www.w3.org/ns/credentials/v2"], "list": numbers]
        let bytes = JSONSerializer.bytes(value)
        #expect(bytes.count > JSONReader.parallelArrayBytes)
        let start = try #require(
            bytes.firstIndex(of: UInt8(ascii: "[")).flatMap { first in
                bytes[(first + 1)...].firstIndex(of: UInt8(ascii: "["))
            })
        let limited = bytes.withUnsafeBufferPointer {
            JSONReader.scanElements($0, arrayStart: start, maximumCount: bytes.count / JSONReader.parallelElementBytes)
        }
        #expect(limited == nil)
        #expect(try JSONParser.parse(bytes) == value)
    }
}
