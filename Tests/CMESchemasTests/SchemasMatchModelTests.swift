import CMECredentials
import CMESchemas
import Foundation
import Testing
import VerifiableCredentials

/// The JSON Schema `activity-record.schema.json` and the Swift record model describe the same fields.
@Suite("Activity record schema matches the model")
struct SchemasMatchModelTests {
    static let fullRecord =
        #"{"learner": {"givenName": "Maria", "familyName": "Gonzalez", "npi": "1234567893", "email": "m@example.org", "did": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "licenses": ["CA:A123456"], "boardIds": ["ABIM:1"], "dateOfBirth": "04-17"}, "activity": {"id": "A1", "title": "T", "format": "course", "completionDate": "2026-03-01", "description": "D", "startDate": "2026-03-01", "endDate": "2026-03-01", "parsActivityId": "1", "jointProvider": "J"}, "credits": {"AMA_PRA_CAT1": 3}, "maxCredits": {"AMA_PRA_CAT1": 3}, "topics": [{"code": "ethics", "hours": 1}]}"#

    func schema() throws -> JSONValue {
        let data = try #require(CMESchemas.schema(named: "activity-record.schema.json"))
        return try JSONParser.parse(Array(data))
    }

    func keys(_ value: JSONValue?) -> Set<String> { Set(value?.objectValue?.keys ?? []) }
    func strings(_ value: JSONValue?) -> Set<String> { Set((value?.arrayValue ?? []).compactMap(\.stringValue)) }

    @Test("Every field of the model is in the schema and the reverse")
    func sameFields() throws {
        let schema = try schema()
        let record = try #require(
            ActivityRecordReader.read(bytes: Array(Self.fullRecord.utf8), fileName: "f.jsonl", format: .jsonLines)
                .records.first)
        let json = record.json
        #expect(keys(schema["properties"]) == keys(json))
        for group in ["learner", "activity"] {
            #expect(keys(schema["properties"]?[group]?["properties"]) == keys(json[group]), "\(group)")
        }
        #expect(
            keys(schema["properties"]?["topics"]?["items"]?["properties"]) == keys(json["topics"]?.arrayValue?.first))
    }

    @Test("The required fields are the ones whose absence the reader rejects")
    func sameRequiredSet() throws {
        let schema = try schema()
        let full = try JSONParser.parse(Self.fullRecord)
        var readerRequired: [String: Set<String>] = [:]
        for group in ["learner", "activity"] {
            for key in keys(full[group]) {
                var copy = try #require(full.objectValue)
                var inner = try #require(full[group]?.objectValue)
                inner[key] = nil
                copy[group] = .object(inner)
                let line = JSONSerializer.string(.object(copy))
                let result = ActivityRecordReader.read(bytes: Array(line.utf8), fileName: "f.jsonl", format: .jsonLines)
                if result.records.isEmpty { readerRequired[group, default: []].insert(key) }
            }
            #expect(
                readerRequired[group, default: []] == strings(schema["properties"]?[group]?["required"]), "\(group)")
        }
        #expect(strings(schema["required"]) == ["learner", "activity", "credits"])
        // At least one identifier: each alone is enough, none is rejected (schema anyOf).
        let identifiers = (schema["properties"]?["learner"]?["anyOf"]?.arrayValue ?? []).flatMap {
            strings($0["required"])
        }
        #expect(Set(identifiers) == ["npi", "email", "did", "licenses", "boardIds"])
    }

    @Test("The enums agree: credit codes, learning formats, topic codes")
    func sameEnums() throws {
        let schema = try schema()
        let catalog = try CMECatalog.loadBundled()
        let creditCodes = keys(schema["properties"]?["credits"]?["properties"])
        #expect(creditCodes == Set(catalog.creditTypes.filter(\.providerDesignated).map(\.code)))
        let formats = strings(schema["properties"]?["activity"]?["properties"]?["format"]?["enum"])
        #expect(formats == Set(ActivityFormat.allCases.map(\.rawValue)))
        let topics = strings(schema["properties"]?["topics"]?["items"]?["properties"]?["code"]?["enum"])
        #expect(topics == Set(catalog.topics.flatMap { [$0.code] + $0.aliases }))
        for type in catalog.creditTypes where type.providerDesignated {
            let multipleOf = schema["properties"]?["credits"]?["properties"]?[type.code]?["multipleOf"]?.numberValue
            #expect(multipleOf == type.step.map { NSDecimalNumber(decimal: $0).doubleValue }, "\(type.code)")
        }
        #expect(catalog.creditType("AMA_PRA_CAT1")?.step == 0.25)
    }

    @Test("Every CSV column is documented in the schema")
    func csvColumnsDocumented() throws {
        let text = String(
            decoding: try #require(CMESchemas.schema(named: "activity-record.schema.json")), as: UTF8.self)
        for column in ActivityRecordReader.csvColumns() where !column.hasPrefix("credits_") {
            #expect(text.contains("CSV \(column)"), "\(column)")
        }
        #expect(text.contains("CSV credits_<CODE>"))
    }
}
