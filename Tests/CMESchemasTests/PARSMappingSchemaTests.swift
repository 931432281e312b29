import CMECredentials
import CMESchemas
import Foundation
import Testing
import VerifiableCredentials

/// `pars-mapping.schema.json` agrees with `PARSMapping(json:file:)`, and Python `jsonschema` accepts the example.
@Suite("PARS mapping schema matches the model")
struct PARSMappingSchemaTests {
    func schema() throws -> JSONValue {
        let data = try #require(CMESchemas.schema(named: "pars-mapping.schema.json"))
        return try JSONParser.parse(Array(data))
    }

    func strings(_ value: JSONValue?) -> [String] { (value?.arrayValue ?? []).compactMap(\.stringValue) }

    @Test("The field enum is exactly PARSField's names; the option enums are the model's")
    func enums() throws {
        let schema = try schema()
        let column = schema["properties"]?["columns"]?["items"]
        #expect(strings(column?["properties"]?["field"]?["enum"]) == PARSField.allCases.map(\.rawValue))
        #expect(strings(schema["properties"]?["licenses"]?["enum"]) == PARSMapping.LicenseRows.allCases.map(\.rawValue))
        #expect(
            strings(schema["properties"]?["dateFormat"]?["enum"]) == PARSMapping.DateFormat.allCases.map(\.rawValue))
        #expect(schema["properties"]?["format"]?["const"] == .string(PARSMapping.formatName))
        #expect(
            Set(schema["properties"]?.objectValue?.keys ?? []) == [
                "$schema", "format", "description", "columns", "licenses", "dateFormat", "remsActivities",
            ])
    }

    @Test("Python jsonschema accepts the example mapping and refuses an unknown field")
    func example() throws {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            v = jsonschema.Draft202012Validator(schema)
            doc = json.load(open(sys.argv[2]))
            print('ok' if v.is_valid(doc) else 'error')
            doc['columns'][0]['field'] = 'dobYear'
            print('ok' if v.is_valid(doc) else 'error')
            """
        let output = try Python.run(
            script,
            arguments: [
                SharedFiles.packageDirectory.appendingPathComponent("Schemas/json-schema/pars-mapping.schema.json")
                    .path,
                SharedFiles.example("pars/pars-mapping.json").path,
            ])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == "ok\nerror\n")
    }
}
