import CMECredentials
import Foundation
import Testing

/// RFC 4180 edge cases and hostile input for the CSV reader.
@Suite("CSV activity records")
struct CSVReaderTests {
    typealias F = RecordFixtures

    @Test("The example batch: 11 valid records and one bad row reported by its first line")
    func exampleBatch() throws {
        let result = try ActivityRecordReader.read(contentsOf: SharedFiles.example("provider-batch/attendance.csv"))
        #expect(result.records.count == 11)
        #expect(
            result.diagnostics.map(\.description) == [
                "attendance.csv:12: learner_npi: expected an NPI with a valid check digit, found \"1234567890\""
            ])
        let activities = Set(result.records.map(\.activityID))
        #expect(activities == ["2026-017", "GR-2026-02", "EM-2026-004"])
        // Quoted fields with commas, doubled quotes and a line break survive intact.
        let grandRounds = try #require(result.records.first { $0.activityID == "GR-2026-02" })
        #expect(grandRounds.activity.description?.contains("the \"Equity in Care\" community network.\nCase") == true)
        #expect(grandRounds.activity.jointProvider == "Equity in Care Network")
        #expect(result.records.map(\.location.line) == [2, 3, 4, 5, 6, 8, 10, 14, 15, 16, 17])
    }

    @Test("CRLF and LF line breaks and a UTF-8 byte order mark read the same")
    func lineBreaksAndBOM() {
        let lf = F.header + "\n" + F.validRow + "\n"
        let crlf = F.header + "\r\n" + F.validRow + "\r\n"
        let bom = "\u{FEFF}" + crlf
        let noFinalBreak = F.header + "\n" + F.validRow
        for text in [lf, crlf, bom, noFinalBreak] {
            let result = F.csv(text)
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
            #expect(result.records.count == 1)
        }
        #expect(F.csv(bom).records.first?.learner.givenName == "Maria")
    }

    @Test("Quoted fields hold commas, quotes and CRLF line breaks; lines are counted physically")
    func quotedFields() throws {
        let text =
            "learner_given_name,learner_family_name,learner_email,activity_id,activity_title,activity_format,completion_date,activity_description,credits_AMA_PRA_CAT1\r\n"
            + "\"Ana, Jr.\",\"O\"\"Hara\",a@b.org,A1,\"Title, with comma\",course,2026-03-01,\"line one\r\nline \"\"two\"\"\",1\r\n"
            + "Bo,Li,b@b.org,A1,T,course,2026-03-01,,1\r\n"
        let result = F.csv(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let first = try #require(result.records.first)
        #expect(first.learner.givenName == "Ana, Jr.")
        #expect(first.learner.familyName == "O\"Hara")
        #expect(first.activity.title == "Title, with comma")
        #expect(first.activity.description == "line one\r\nline \"two\"")
        #expect(result.records.map(\.location.line) == [2, 4])
    }

    @Test("Blank lines and rows of empty fields are skipped and do not shift line numbers")
    func blankLines() {
        let text =
            F.header + "\n\n" + F.validRow + "\n,,,,, ,\n  \n"
            + F.row(replacing: "learner_npi", with: "1").split(separator: "\n")[1] + "\n"
        let result = F.csv(text)
        #expect(result.records.map(\.location.line) == [3])
        #expect(result.diagnostics.map(\.line) == [6])
    }

    @Test("A ragged row is rejected; its other fields are still checked")
    func raggedRows() {
        let short = "Maria,Gonzalez,1234567893"
        let long = F.validRow + ",extra"
        let result = F.csv([F.header, short, long].joined(separator: "\n"))
        #expect(result.records.isEmpty)
        let record2 = result.diagnostics.filter { $0.line == 2 }.map(\.field)
        #expect(record2.contains("record"))
        #expect(record2.contains("activity_id"))
        #expect(result.diagnostics.filter { $0.line == 3 }.map(\.field) == ["record"])
    }

    @Test("Unknown columns are reported on the header line and ignored")
    func unknownColumns() {
        let text = F.header + ",shoe_size,credits_NOPE\n" + F.validRow + ",42,1\n"
        let result = F.csv(text)
        #expect(result.records.count == 1)
        #expect(result.diagnostics.map(\.line) == [1, 1])
        #expect(result.diagnostics.allSatisfy { $0.field == "header" })
        #expect(result.diagnostics.first?.found.contains("shoe_size") == true)
    }

    @Test("A duplicated column is reported; rows where the copies differ are rejected")
    func duplicateColumns() {
        let text = F.header + ",learner_npi\n" + F.validRow + ",1234567893\n" + F.validRow + ",1987654328\n"
        let result = F.csv(text)
        #expect(result.records.map(\.location.line) == [2])
        #expect(result.diagnostics.map(\.line) == [1, 3])
        #expect(result.diagnostics.map(\.field) == ["header", "learner_npi"])
    }

    @Test("A header without the required columns is reported once, and every row fails")
    func missingColumns() {
        let result = F.csv("learner_given_name,learner_family_name\nA,B\n")
        #expect(result.records.isEmpty)
        let header = result.diagnostics.filter { $0.line == 1 }
        #expect(header.count == 5)  // activity_id, activity_title, activity_format, completion_date, credits
        #expect(!result.diagnostics.filter { $0.line == 2 }.isEmpty)
    }

    @Test("Quote errors: an unclosed quote, text after a closing quote, a bare quote")
    func quoteErrors() {
        let unclosed = F.csv(F.header + "\n\"Maria,Gonzalez,1234567893\n")
        #expect(unclosed.records.isEmpty)
        #expect(unclosed.diagnostics.contains { $0.found == "the end of the file" && $0.line == 2 })
        let stray = F.csv(F.row(replacing: "learner_given_name", with: "\"Maria\"x"))
        #expect(stray.records.isEmpty)
        #expect(stray.diagnostics.map(\.field) == ["learner_given_name"])
        let bare = F.csv(F.row(replacing: "learner_given_name", with: "Ma\"ria"))
        #expect(bare.records.isEmpty)
        #expect(bare.diagnostics.map(\.field) == ["learner_given_name"])
    }

    @Test("Empty files, header-only files, binary data and invalid UTF-8 are diagnosed, never fatal")
    func hostileInput() {
        let empty = ActivityRecordReader.read(bytes: [], fileName: "e.csv", format: .csv)
        #expect(empty.records.isEmpty)
        #expect(empty.diagnostics.map(\.field) == ["file"])
        #expect(F.csv(F.header + "\n").diagnostics.map(\.field) == ["file"])
        let binary = ActivityRecordReader.read(
            bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], fileName: "b.csv", format: .csv)
        #expect(binary.records.isEmpty)
        #expect(binary.diagnostics.map(\.field) == ["file"])
        var bytes = Array((F.header + "\n").utf8)
        bytes += Array("Mar".utf8) + [0xFF, 0xFE] + Array(F.validRow.utf8.dropFirst(5))
        let invalid = ActivityRecordReader.read(bytes: bytes, fileName: "u.csv", format: .csv)
        #expect(invalid.records.isEmpty)
        #expect(invalid.diagnostics.contains { $0.field == "learner_given_name" && $0.expected == "UTF-8 text" })
    }

    @Test("Random bytes never crash the reader", arguments: 0..<20)
    func randomBytes(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let alphabet = Array("ab,\"\n\r;=:0123456789\u{FEFF}é".utf8) + [0xFF, 0xC3]
        let length = Int(generator.next() % 400)
        let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        let text = Array((F.header + "\n").utf8) + bytes
        let result = ActivityRecordReader.read(bytes: text, fileName: "r.csv", format: .csv)
        #expect(result.records.count + result.diagnostics.count > 0)
        let json = ActivityRecordReader.read(bytes: bytes, fileName: "r.jsonl", format: .jsonLines)
        #expect(json.records.isEmpty)
    }
}

/// A small deterministic generator, so random-input tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
