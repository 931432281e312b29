import Foundation
import Testing

/// `cmevc issue` on records files that hold no record at all.
@Suite("cmevc issue: files with no record")
struct IssueEmptyFilesTests {
    /// The header row of the example CSV batch.
    static func header() throws -> String {
        let text = try String(contentsOfFile: IssuerFixture.example("attendance.csv"), encoding: .utf8)
        return try #require(text.split(separator: "\n").first.map(String.init))
    }

    @Test(
        "a zero-byte CSV, a header alone, an empty or blank JSON Lines file: each named on stderr and counted as a file not read in the summary, exit 1",
        arguments: [("empty.csv", ""), ("header.csv", "HEADER\n"), ("empty.jsonl", ""), ("blank.jsonl", "\n \n")])
    func noRecord(name: String, text: String) throws {
        let fixture = try IssuerFixture()
        try text.replacingOccurrences(of: "HEADER", with: try Self.header())
            .write(to: fixture.url(name), atomically: true, encoding: .utf8)
        let result = try fixture.run(["issue", "--issuer", fixture.issuer, "--out", "creds", name])
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(result.stderr)")
        #expect(lines.first?.hasPrefix("\(name):1: file: expected ") == true, "\(result.stderr)")
        #expect(lines.first?.hasSuffix("found none") == true || lines.first?.hasSuffix("found an empty file") == true)
        #expect(lines.last == "issued 0, already issued 0, rejected 0; 1 file not read", "\(result.stderr)")
    }

    @Test("a zero-byte CSV is reported and exits 1, and the other files of the run are still issued")
    func othersStillIssued() throws {
        let fixture = try IssuerFixture()
        try Data().write(to: fixture.url("empty.csv"))
        let result = try fixture.run([
            "issue", "--issuer", fixture.issuer, "--out", "creds", "empty.csv",
            IssuerFixture.example("attendance.jsonl"),
        ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            result.stderr.hasPrefix(
                "empty.csv:1: file: expected a header row and at least one record, found an empty file\n"),
            "\(result.stderr)")
        #expect(
            result.stderr.hasSuffix("issued 3, already issued 0, rejected 0; 1 file not read\n"), "\(result.stderr)")
        #expect(try fixture.files(in: "creds").count == 3)
    }

    @Test("a CSV header alone and a blank JSON Lines file in one run: the summary counts 2 files not read")
    func twoFilesNotRead() throws {
        let fixture = try IssuerFixture()
        try "\(try Self.header())\n".write(to: fixture.url("header.csv"), atomically: true, encoding: .utf8)
        try "\n".write(to: fixture.url("blank.jsonl"), atomically: true, encoding: .utf8)
        let result = try fixture.run([
            "issue", "--issuer", fixture.issuer, "--jsonl", "creds.jsonl", "header.csv", "blank.jsonl",
        ])
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(result.stderr)")
        #expect(lines.last == "issued 0, already issued 0, rejected 0; 2 files not read", "\(result.stderr)")
    }
}
