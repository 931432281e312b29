import Foundation
import Testing
import VerifiableCredentials

@testable import CMECredentials

/// A JSON Lines output's unfinished file: what a killed writer leaves behind, and a write that fails.
@Suite("JSON Lines output: abandoned and failing files")
struct JSONLinesOutputTests {
    /// A process id no process can have (above Linux's largest `pid_max`), so `kill(pid, 0)` reports ESRCH.
    static let deadProcess = "2147000000"

    @Test("a batch to a JSON Lines file removes the unfinished files of dead writers, and only those")
    func abandonedFilesRemoved() throws {
        let fixture = try IssuingFixture()
        let output = fixture.root.appendingPathComponent("out.jsonl")
        let kept = [
            "out.jsonl.1.tmp",  // process 1 is always running
            "out.jsonl.backup.tmp", "out.jsonl.12x.tmp", "out.jsonl..tmp",  // not <name>.<pid>.tmp
            "other.jsonl.\(Self.deadProcess).tmp",  // another output's
            "out.jsonl.\(Self.deadProcess).tmp.orig",
        ]
        for name in kept + ["out.jsonl.\(Self.deadProcess).tmp"] {
            try Data("partial\n".utf8).write(to: fixture.root.appendingPathComponent(name))
        }
        let summary = try BatchIssuer(issuer: try fixture.issuer(), output: .jsonLines(output))
            .run(files: [BatchIssuerTests.batch], now: IssuingFixture.now)
        #expect(summary.issued == 11)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: fixture.root.path))
        #expect(!names.contains("out.jsonl.\(Self.deadProcess).tmp"))
        #expect(names.isSuperset(of: kept))
        #expect(names.contains("out.jsonl"))
        #expect(try String(contentsOf: output, encoding: .utf8).split(separator: "\n").count == 11)
    }

    @Test("a line that the file system refuses (a full device) is an io error naming the output")
    func fullDeviceRefused() throws {
        let fixture = try IssuingFixture()
        _ = try BatchIssuer(issuer: try fixture.issuer(), output: .none)
            .run(files: [BatchIssuerTests.batch], now: IssuingFixture.now)
        let ledger = try IssuerLedger(directory: fixture.directory.url)
        // The reporting query leaves the credentials' bytes out; each one read in full.
        let credentials = try ledger.credentialsForReporting().compactMap { try ledger.credential(id: $0.credentialID) }
        #expect(credentials.count == 11)
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        defer { try? full.close() }
        #expect {
            try CredentialWriter.writeLines(credentials, to: full, path: "out.jsonl")
        } throws: { error in
            (error as? CredentialError)?.code == .io && "\(error)".contains("out.jsonl")
        }
    }
}
