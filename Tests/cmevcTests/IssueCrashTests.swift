import Foundation
import Testing
import VerifiableCredentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Crash safety and concurrency on the built binary: `kill -9` in the middle of a large batch, and two
/// processes issuing overlapping batches into one issuer directory.
@Suite("cmevc issue: kill -9 and concurrent issuers", .serialized)
struct IssueCrashTests {
    /// A CSV of `count` valid records (learners `first..<first + count`, identified by e-mail).
    static func writeBatch(_ url: URL, learners: Range<Int>) throws {
        var text =
            "learner_given_name,learner_family_name,learner_email,activity_id,activity_title,activity_format,"
            + "completion_date,credits_AMA_PRA_CAT1\n"
        for index in learners {
            text += "Learner\(index),Crash,learner\(index)@example.org,CRASH-1,Crash Course,course,2026-03-01,1.5\n"
        }
        try Data(text.utf8).write(to: url)
    }

    /// Starts `cmevc` without waiting for it.
    static func start(_ arguments: [String], in directory: URL) throws -> Process {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Checks the ledger: `expected` credentials, one per learner, every status index used once, the audit chain
    /// intact, and the output folders (when given) hold exactly the ledger's credentials.
    static func checkConsistent(_ fixture: IssuerFixture, expected: Int, folders: [String]) throws {
        let counts = try fixture.sql(
            """
            print(db.execute('SELECT COUNT(*) FROM credentials').fetchone()[0])
            print(db.execute('SELECT COUNT(DISTINCT activity_id || learner_key) FROM credentials').fetchone()[0])
            positions = 'FROM credentials c, json_each(c.status_positions) p'
            print(db.execute('SELECT COUNT(*) ' + positions).fetchone()[0])
            print(db.execute('SELECT COUNT(DISTINCT p.value ->> \\'purpose\\' || (p.value ->> \\'list\\') || \\'/\\' || (p.value ->> \\'index\\')) ' + positions).fetchone()[0])
            print(db.execute("SELECT COUNT(*) FROM audit_events WHERE kind = 'issue'").fetchone()[0])
            """)
        #expect(
            counts.split(separator: "\n") == [
                "\(expected)", "\(expected)", "\(2 * expected)", "\(2 * expected)", "\(expected)",
            ])
        guard !folders.isEmpty else { return try checkAuditChain(fixture) }
        var names = Set<String>()
        for folder in folders { names.formUnion(try fixture.files(in: folder)) }
        let ledgerNames = try fixture.sql(
            "print('\\n'.join(sorted(''.join(c if c.isascii() and (c.isalnum() or c in '._-') else '_' for c in i) + '.json' for (i,) in db.execute('SELECT credential_id FROM credentials'))))"
        )
        #expect(names == Set(ledgerNames.split(separator: "\n").map(String.init)))
        try checkAuditChain(fixture)
    }

    /// `cmevc audit verify` finds the hash chain intact.
    static func checkAuditChain(_ fixture: IssuerFixture) throws {
        let audit = try fixture.run(["audit", "verify", "--issuer", fixture.issuer])
        #expect(audit.status == 0, "\(audit.stdout)")
    }

    @Test("kill -9 at random moments of a 20,000-record batch, then a rerun: every record issued exactly once")
    func killNine() throws {
        let fixture = try IssuerFixture(suite: "eddsa-jcs-2022")  // crash safety does not depend on the suite
        let count = 20_000
        try Self.writeBatch(fixture.url("big.csv"), learners: 0..<count)
        let arguments = ["issue", "--issuer", fixture.issuer, "--out", "creds", "big.csv"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3 {
            let process = try Self.start(arguments, in: fixture.directory)
            // Let it get going (opening, reading, issuing), then kill it somewhere in the middle.
            usleep(UInt32.random(in: 700_000...2_500_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
        }
        let before = try fixture.sql("print(db.execute('SELECT COUNT(*) FROM credentials').fetchone()[0])")
        #expect((Int(before) ?? 0) < count, "the batch finished before it could be killed; nothing was tested")
        let rerun = try fixture.run(arguments)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stderr.contains("already issued \(before), rejected 0"), "\(rerun.stderr)")
        try Self.checkConsistent(fixture, expected: count, folders: ["creds"])
        // The rerun removed the temporary files the killed processes left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.url("creds").path)
            .filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("kill -9 of a --jsonl batch, then a rerun: one line per record, the dead writer's unfinished file removed")
    func killNineJSONLines() throws {
        let fixture = try IssuerFixture(suite: "eddsa-jcs-2022")
        let count = 10_000
        try Self.writeBatch(fixture.url("big.csv"), learners: 0..<count)
        let arguments = ["issue", "--issuer", fixture.issuer, "--jsonl", "out.jsonl", "big.csv"]
        let process = try Self.start(arguments, in: fixture.directory)
        let unfinished = "out.jsonl.\(process.processIdentifier).tmp"
        // Killed once it has started its output (up to 20 s on a slow machine), somewhere in the batch.
        for _ in 0..<400 where !FileManager.default.fileExists(atPath: fixture.url(unfinished).path) {
            usleep(50_000)
        }
        usleep(UInt32.random(in: 100_000...600_000))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the batch finished before it could be killed")
        #expect(FileManager.default.fileExists(atPath: fixture.url(unfinished).path))
        #expect(!FileManager.default.fileExists(atPath: fixture.url("out.jsonl").path))
        let rerun = try fixture.run(arguments)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        try Self.checkConsistent(fixture, expected: count, folders: [])
        let lines = try String(contentsOf: fixture.url("out.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == count)
        let learners = Set(
            lines.compactMap { try? JSONParser.parse(String($0))["credentialSubject"]?["name"]?.stringValue })
        #expect(learners.count == count)
        #expect(!FileManager.default.fileExists(atPath: fixture.url(unfinished).path))
    }

    @Test("two cmevc issue processes on one issuer with overlapping batches: no duplicate, no index collision")
    func concurrentIssuers() throws {
        let fixture = try IssuerFixture(suite: "eddsa-jcs-2022")  // crash safety does not depend on the suite
        try Self.writeBatch(fixture.url("a.csv"), learners: 0..<1_500)
        try Self.writeBatch(fixture.url("b.csv"), learners: 500..<2_000)
        let first = try Self.start(["issue", "--issuer", fixture.issuer, "--out", "a", "a.csv"], in: fixture.directory)
        let second = try Self.start(
            ["issue", "--issuer", fixture.issuer, "--out", "b", "b.csv"], in: fixture.directory)
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(second.terminationStatus == 0)
        try Self.checkConsistent(fixture, expected: 2_000, folders: ["a", "b"])
        // Each process wrote every credential of its own batch (issued by it or by the other one).
        #expect(try fixture.files(in: "a").count == 1_500)
        #expect(try fixture.files(in: "b").count == 1_500)
    }
}
