import Foundation
import Testing
import VerifiableCredentials

#if canImport(Glibc)
    import Glibc
#endif

/// `cmevc export pars --out` naming a device or pipe: no rejects file is derived from it.
@Suite("cmevc export pars --out a device or pipe")
struct ExportToDeviceTests {
    static let summary = "exported 3, rejected 2, left out 0 (revoked or replaced 0, suspended 0, outside the window 0)"

    /// Checks that `stderr` names Di's and Cy's rejected rows by one-line messages (no learner identifiers, no
    /// table), says they were written nowhere, then the summary.
    func expectRejectsNamedOnStderr(_ stderr: String, ids: [String: String], out: String) throws {
        let lines = stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(stderr)")
        let cy = try #require(ids["Cy"])
        let di = try #require(ids["Di"])
        #expect(lines.contains { $0.hasPrefix("credential \(di) ") }, "\(stderr)")
        #expect(lines.contains { $0.hasPrefix("credential \(cy) ") }, "\(stderr)")
        #expect(!stderr.contains("\t"), "no rejects table on stderr: \(stderr)")
        #expect(
            lines.suffix(2) == [
                "wrote \(out); 2 rejected rows not written (name a file with --rejects)", Self.summary,
            ],
            "\(stderr)")
    }

    @Test("--out /dev/stdout: stdout is the upload file alone; the rejected rows are named on stderr, then the summary")
    func toStdout() throws {
        let (fixture, ids) = try ExportCommandTests().issued()
        let result = try fixture.run(["export", "pars", "--issuer", fixture.issuer, "--out", "/dev/stdout"])
        #expect(result.status == 1, "\(result.stderr)")
        let table = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(table.count == 5, "\(result.stdout)")  // the header, Ann, Bob, Ed, and the final line feed
        #expect(table.first?.hasPrefix("ACCME activity ID\tprovider activity ID\t") == true)
        #expect(table.last == "")
        let columns = table.first.map { $0.split(separator: "\t", omittingEmptySubsequences: false).count }
        for line in table.dropLast() {
            #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == columns, "\(line)")
        }
        try expectRejectsNamedOnStderr(result.stderr, ids: ids, out: "/dev/stdout")
        let events = try fixture.run(["audit", "export", "--issuer", fixture.issuer])
        let last = try JSONParser.parse(Array(try #require(events.stdout.split(separator: "\n").last).utf8))
        #expect(last["kind"] == "pars-export")
        #expect(last["details"]?["rejectsFile"]?["name"] == .null)
        #expect(try fixture.run(["audit", "verify", "--issuer", fixture.issuer]).status == 0)
    }

    @Test("--out a FIFO: no rejects file is made beside it (the rows are only named); --rejects still names one")
    func toPipe() throws {
        let (fixture, ids) = try ExportCommandTests().issued()
        let fifo = fixture.url("upload.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Open for reading first, without blocking, so the writer's open succeeds and its bytes wait in the pipe.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let result = try fixture.run(["export", "pars", "--issuer", fixture.issuer, "--out", "upload.fifo"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        try expectRejectsNamedOnStderr(result.stderr, ids: ids, out: "upload.fifo")
        #expect(!FileManager.default.fileExists(atPath: fixture.url("upload.fifo.rejects.tsv").path))
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = read(reader, &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self).hasPrefix("ACCME activity ID\t"))

        let named = try fixture.run([
            "export", "pars", "--issuer", fixture.issuer, "--out", "upload.fifo", "--rejects", "rejects.tsv",
        ])
        #expect(named.status == 1, "\(named.stderr)")
        #expect(named.stdout.isEmpty, "\(named.stdout)")
        #expect(named.stderr.hasSuffix("wrote upload.fifo and rejects.tsv\n\(Self.summary)\n"), "\(named.stderr)")
        let rejects = try String(contentsOf: fixture.url("rejects.tsv"), encoding: .utf8)
        #expect(rejects.split(separator: "\n").count == 3)
    }
}
