import Foundation
import Testing
import VerifiableCredentials

@testable import CMECredentials

@Suite("CSV department report (RFC 4180)")
struct CSVReportRendererTests {
    @Test("a line quotes the fields that need it and ends in CRLF")
    func quoting() {
        #expect(CSVReportRenderer.line(["a", "b,c", "say \"hi\""]) == "a,\"b,c\",\"say \"\"hi\"\"\"\r\n")
    }

    @Test("text a spreadsheet would run as a formula is defused")
    func formulas() {
        #expect(CSVReportRenderer.text("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
        #expect(CSVReportRenderer.text("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVReportRenderer.text("Dr. Ada") == "Dr. Ada")
    }

    @Test("a header, one line per physician, one per unread file; every line has the same field count")
    func shape() throws {
        let csv = CSVReportRenderer.render(
            try ReportFixtures.report(problems: [.init(file: "broken.json", message: "expected a value, got \"x\"")]))
        #expect(csv.hasSuffix("\r\n"))
        let records = try Self.parse(csv)
        #expect(records.count == 4)
        let header = records[0]
        #expect(
            header == [
                "physician", "holder", "files", "verified", "notCounted", "credits:cat1", "credits:cat2", "total",
                "total:counted", "opioids", "opioids:counted", "dea", "dea:counted", "notCountedReasons", "problem",
            ])
        #expect(records.allSatisfy { $0.count == header.count })
        #expect(records[1][0] == "Dr. Ada Example")
        #expect(records[1][5] == "11")
        #expect(records[1][7] == "met")
        #expect(records[1][11] == "not applicable")
        #expect(records[2][0] == ReportFixtures.hostileName)
        #expect(records[2][2] == "b,\"quoted\".json")
        #expect(records[2][7] == "unmet")
        #expect(records[2][11] == "unknown")
        #expect(records[2][13] == "urn:uuid:b2: status: revoked <img src=x>")
        #expect(records[3][2] == "broken.json")
        #expect(records[3][14] == "expected a value, got \"x\"")
    }

    /// A strict RFC 4180 reader for the test: CRLF record ends, quoted fields with doubled quotes.
    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.unicodeScalars.append(chars.removeFirst())
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                try #require(field.isEmpty, "quote inside an unquoted field")
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\r" {
                try #require(chars.popFirst() == "\n", "CR without LF")
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                try #require(c != "\n", "bare LF outside quotes")
                field.unicodeScalars.append(c)
            }
        }
        try #require(!quoted && record.isEmpty && field.isEmpty, "unterminated record")
        return records
    }
}
