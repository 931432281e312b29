import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

@Suite("JSON Lines activity records")
struct JSONLinesReaderTests {
    typealias F = RecordFixtures

    static let valid =
        #"{"learner": {"givenName": "Maria", "familyName": "Gonzalez", "npi": "1234567893", "licenses": ["CA:A123456"]}, "activity": {"id": "A1", "title": "T", "format": "course", "completionDate": "2026-03-01"}, "credits": {"AMA_PRA_CAT1": 3, "ABIM_MOC": 3}, "maxCredits": {"AMA_PRA_CAT1": 3}, "topics": [{"code": "opioid-prescribing", "hours": 2}, {"code": "ethics"}]}"#

    @Test("The example JSON Lines file is all valid")
    func example() throws {
        let result = try ActivityRecordReader.read(contentsOf: SharedFiles.example("provider-batch/attendance.jsonl"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.records.count == 3)
        #expect(result.records.map(\.location.line) == [1, 2, 3])
    }

    @Test("A nested record reads into the same model as CSV")
    func nested() throws {
        let record = try #require(F.jsonl(Self.valid).records.first)
        #expect(record.learner.npi?.digits == "1234567893")
        #expect(
            record.credits == [
                CreditAmount(code: "AMA_PRA_CAT1", amount: 3), CreditAmount(code: "ABIM_MOC", amount: 3),
            ])
        #expect(record.maxAMACredits == 3)
        #expect(
            record.topics == [TopicCredit(code: "opioid-prescribing", hours: 2), TopicCredit(code: "medical-ethics")])
    }

    @Test("record.json reads back as an equal record")
    func roundTrip() throws {
        let csv = try ActivityRecordReader.read(contentsOf: SharedFiles.example("provider-batch/attendance.csv"))
        let lines = csv.records.map { JSONSerializer.string($0.json) }.joined(separator: "\n")
        let back = F.jsonl(lines)
        #expect(back.diagnostics.isEmpty, "\(back.diagnostics)")
        for (original, copy) in zip(csv.records, back.records) {
            var relocated = copy
            relocated.location = original.location
            #expect(relocated == original)
        }
        #expect(back.records.count == csv.records.count)
    }

    @Test("Wrong JSON types and unknown members are reported by JSON Pointer")
    func wrongTypes() {
        let line =
            #"{"learner": {"givenName": 7, "familyName": "G", "npi": 1234567893, "licenses": "CA:A1", "shoe": 1, "sh/oe~": 1}, "activity": {"id": "A1", "title": "T", "format": "course", "completionDate": "2026-03-01"}, "credits": {"AMA_PRA_CAT1": "3", "NOPE": 1}, "topics": {"code": "x"}, "extra": true, "ex/tra": 1}"#
        let result = F.jsonl(line)
        #expect(result.records.isEmpty)
        let fields = Set(result.diagnostics.map(\.field))
        #expect(
            fields.isSuperset(of: [
                "/extra", "/learner/givenName", "/learner/npi", "/learner/licenses", "/learner/shoe",
                "/credits/AMA_PRA_CAT1", "/credits/NOPE", "/topics", "/learner/sh~1oe~0", "/ex~1tra",
            ]), "\(fields)")
    }

    @Test("Invalid JSON, non-objects and blank lines; line numbers count every physical line")
    func lines() {
        let text = Self.valid + "\r\n\n{not json}\n[1,2]\n   \n" + Self.valid + "\n"
        let result = F.jsonl(text)
        #expect(result.records.map(\.location.line) == [1, 6])
        #expect(result.diagnostics.map(\.line) == [3, 4])
        #expect(result.diagnostics.allSatisfy { $0.field == "/" })
    }

    @Test("An empty JSON Lines file is diagnosed")
    func empty() {
        #expect(F.jsonl("").diagnostics.map(\.field) == ["file"])
        #expect(F.jsonl("\n\n").diagnostics.map(\.field) == ["file"])
    }

    @Test("The same rules apply as for CSV, named by pointer")
    func sameRules() {
        let line = Self.valid.replacingOccurrences(of: "1234567893", with: "1234567890")
            .replacingOccurrences(of: "\"AMA_PRA_CAT1\": 3, \"ABIM", with: "\"AMA_PRA_CAT1\": 3.3, \"ABIM")
        let result = F.jsonl(line)
        #expect(Set(result.diagnostics.map(\.field)) == ["/learner/npi", "/credits/AMA_PRA_CAT1"])
    }

    @Test("The format follows the file extension")
    func formatFromExtension() {
        #expect(RecordFormat(fileExtension: "CSV") == .csv)
        #expect(RecordFormat(fileExtension: "jsonl") == .jsonLines)
        #expect(RecordFormat(fileExtension: "ndjson") == .jsonLines)
        #expect(RecordFormat(fileExtension: "xlsx") == nil)
        let error = #expect(throws: CMEError.self) {
            try ActivityRecordReader.read(contentsOf: URL(fileURLWithPath: "/tmp/records.xlsx"))
        }
        #expect(error?.code == .unsupportedFormat)
        let missing = #expect(throws: CMEError.self) {
            try ActivityRecordReader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/records.csv"))
        }
        #expect(missing?.code == .io)
    }
}
