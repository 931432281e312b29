import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

@Suite("PARS export: the column mapping")
struct PARSMappingTests {
    func parse(_ text: String) throws(CredentialError) -> PARSMapping {
        try PARSMapping(json: try JSONParser.parse(Array(text.utf8)), file: "mapping.json")
    }

    func error(_ text: String) -> CredentialError? {
        #expect(throws: CredentialError.self) { try parse(text) }
    }

    @Test("The default columns are DOMAIN.md §2's field set, in its order and wording")
    func defaultMatchesDomain() throws {
        let domain = try String(
            contentsOf: SharedFiles.sharedDirectory.appendingPathComponent("DOMAIN.md"), encoding: .utf8)
        let section = try #require(domain.components(separatedBy: "## 2. ACCME PARS").dropFirst().first)
        let start = try #require(section.range(of: "defaulting to the known field set: `"))
        let rest = section[start.upperBound...]
        let list = try #require(rest.split(separator: "`", maxSplits: 1).first)
        let fields = list.replacingOccurrences(of: "\n", with: " ").split(separator: "|")
            .map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(fields.count == 16)
        #expect(PARSMapping.default.headers == fields)
        #expect(PARSMapping.default.licenseRows == .first)
        #expect(PARSMapping.default.dateFormat == .iso)
    }

    @Test("The example mapping file parses with its options")
    func example() throws {
        let url = SharedFiles.example("pars/pars-mapping.json")
        let mapping = try PARSMapping(json: try JSONParser.parse(Array(try Data(contentsOf: url))), file: "x")
        #expect(mapping.columns.count == 16)
        #expect(mapping.columns.first == PARSMapping.Column(header: "ACCME Activity ID", field: .accmeActivityID))
        #expect(mapping.licenseRows == .each)
        #expect(mapping.dateFormat == .us)
        #expect(mapping.remsActivities == ["2026-017"])
        #expect(Set(mapping.columns.map(\.field)) == Set(PARSField.defaultFields))
    }

    @Test("A minimal mapping keeps its order and takes the defaults")
    func minimal() throws {
        let mapping = try parse(
            #"{"format": "cmevc-pars-mapping/1", "columns": [{"header": "Last", "field": "lastName"},"#
                + #" {"header": "ID", "field": "credentialID"}]}"#)
        #expect(mapping.headers == ["Last", "ID"])
        #expect(mapping.columns.map(\.field) == [.lastName, .credentialID])
        #expect(mapping.licenseRows == .first)
        #expect(mapping.remsActivities.isEmpty)
    }

    @Test("An unknown field name is an error naming the file and the entry")
    func unknownField() throws {
        let failure = try #require(
            error(
                #"{"format": "cmevc-pars-mapping/1", "columns": [{"header": "A", "field": "npi"},"#
                    + #" {"header": "B", "field": "dobYear"}]}"#))
        #expect(failure.code == .invalidPARSMapping)
        #expect(failure.location == "mapping.json: /columns/1/field")
        #expect(failure.message.contains("dobYear"))
    }

    @Test(
        "Malformed mappings are refused at the entry that is wrong",
        arguments: [
            (#"[]"#, "/"),
            (#"{"columns": [{"header": "A", "field": "npi"}]}"#, "/format"),
            (#"{"format": "cmevc-pars-mapping/2", "columns": [{"header": "A", "field": "npi"}]}"#, "/format"),
            (#"{"format": "cmevc-pars-mapping/1", "columns": []}"#, "/columns"),
            (
                #"{"format": "cmevc-pars-mapping/1", "columns": [{"header": "A", "field": "npi"}], "extra": 1}"#,
                "/extra"
            ),
            (#"{"format": "cmevc-pars-mapping/1", "columns": ["npi"]}"#, "/columns/0"),
            (
                #"{"format": "cmevc-pars-mapping/1", "columns": [{"header": "A", "field": "npi", "width": 3}]}"#,
                "/columns/0/width"
            ),
            (#"{"format": "cmevc-pars-mapping/1", "columns": [{"field": "npi"}]}"#, "/columns/0/header"),
            (
                #"{"format": "cmevc-pars-mapping/1", "columns": [{"header": "A\tB", "field": "npi"}]}"#,
                "/columns/0/header"
            ),
            (#"{"format": "cmevc-pars-mapping/1", "columns": [{"header": "A", "field": 3}]}"#, "/columns/0/field"),
            (
                #"{"format": "cmevc-pars-mapping/1", "columns": [{"header": "A", "field": "npi"}, {"header": "A", "field": "email"}]}"#,
                "/columns/1/header"
            ),
            (
                #"{"format": "cmevc-pars-mapping/1", "columns": [{"header": "A", "field": "npi"}], "licenses": "all"}"#,
                "/licenses"
            ),
            (
                #"{"format": "cmevc-pars-mapping/1", "columns": [{"header": "A", "field": "npi"}], "dateFormat": "DD.MM.YYYY"}"#,
                "/dateFormat"
            ),
            (
                #"{"format": "cmevc-pars-mapping/1", "columns": [{"header": "A", "field": "npi"}], "remsActivities": [1]}"#,
                "/remsActivities/0"
            ),
        ])
    func malformed(text: String, pointer: String) throws {
        let failure = try #require(error(text))
        #expect(failure.code == .invalidPARSMapping)
        #expect(failure.location == "mapping.json: \(pointer)")
    }
}
