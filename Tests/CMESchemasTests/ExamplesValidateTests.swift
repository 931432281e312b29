import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

/// The examples validate under an independent JSON Schema validator (Python `jsonschema`).
@Suite("Examples validate under Python jsonschema")
struct ExamplesValidateTests {
    /// Validates each stdin line against the schema; prints one line per record: `ok` or the first error.
    static let validator = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        v = jsonschema.Draft202012Validator(schema)
        for line in sys.stdin:
            if line.strip():
                errors = list(v.iter_errors(json.loads(line)))
                print('ok' if not errors else 'error: ' + errors[0].message)
        """

    static var schemaPath: String {
        SharedFiles.packageDirectory.appendingPathComponent("Schemas/json-schema/activity-record.schema.json").path
    }

    func validate(_ lines: [String]) throws -> [String] {
        let output = try Python.run(Self.validator, arguments: [Self.schemaPath], input: lines.joined(separator: "\n"))
        #expect(output.status == 0, "\(output.stderr)")
        return output.stdout.split(separator: "\n").map(String.init)
    }

    @Test("attendance.jsonl validates line by line")
    func jsonLines() throws {
        let text = try String(contentsOf: SharedFiles.example("provider-batch/attendance.jsonl"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(try validate(lines) == Array(repeating: "ok", count: lines.count))
    }

    @Test("The valid records of attendance.csv, in nested form, validate")
    func csvRecords() throws {
        let result = try ActivityRecordReader.read(contentsOf: SharedFiles.example("provider-batch/attendance.csv"))
        let lines = result.records.map { JSONSerializer.string($0.json) }
        #expect(lines.count == 11)
        #expect(try validate(lines) == Array(repeating: "ok", count: lines.count))
    }

    @Test("The validator does reject what cmevc rejects by shape")
    func negative() throws {
        let good = SchemasMatchModelTests.fullRecord
        let bad = [
            good.replacingOccurrences(of: "\"npi\": \"1234567893\"", with: "\"npi\": \"12345\""),
            good.replacingOccurrences(of: "\"AMA_PRA_CAT1\": 3}, \"max", with: "\"AMA_PRA_CAT1\": 1.3}, \"max"),
            good.replacingOccurrences(of: "\"format\": \"course\"", with: "\"format\": \"live\""),
            good.replacingOccurrences(of: "\"code\": \"ethics\"", with: "\"code\": \"astrology\""),
            good.replacingOccurrences(of: "\"givenName\": \"Maria\", ", with: ""),
        ]
        let results = try validate([good] + bad)
        #expect(results.first == "ok")
        #expect(results.dropFirst().allSatisfy { $0.hasPrefix("error") }, "\(results)")
        #expect(results.count == 6)
        for line in bad {
            #expect(
                ActivityRecordReader.read(bytes: Array(line.utf8), fileName: "x.jsonl", format: .jsonLines).records
                    .isEmpty)
        }
    }
}
