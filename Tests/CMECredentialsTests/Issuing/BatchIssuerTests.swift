import CMECredentials
import Foundation
import GRDB
import Testing
import VerifiableCredentials

/// A fresh issuer directory with an in-memory Ed25519 key.
struct IssuingFixture {
    let root: URL
    let key = SigningKey(generating: .ed25519)
    let directory: IssuerDirectory

    init(listSize: Int? = nil) throws {
        root = try FixtureFolders.make("issuing")
        try KeyFile.write(key, to: root.appendingPathComponent("issuer.pem"), passphrase: nil, force: false)
        let configuration = IssuerConfiguration(
            profile: IssuerProfile(
                id: DIDKey.did(for: key.publicKey), name: "Example Hospital CME Office", providerID: "0001234"),
            keyPath: root.appendingPathComponent("issuer.pem").path,
            verificationMethod: DIDKey.verificationMethodID(for: key.publicKey),
            statusBaseURL: "https://cme.example.org/status")
        directory = try IssuerDirectory.create(
            at: root.appendingPathComponent("issuer"), configuration: configuration, publicKey: key.publicKey,
            now: Self.now)
    }

    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    func issuer(listSize: Int = IssuerLedger.defaultListSize) throws -> CredentialIssuer {
        try CredentialIssuer(directory: directory, key: try directory.signingKey(passphrase: nil), listSize: listSize)
    }

    var out: URL { root.appendingPathComponent("out") }

    func outputFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    }
}

@Suite("Issuing a batch through the library")
struct BatchIssuerTests {
    static let batch = SharedFiles.example("provider-batch/attendance.csv")

    @Test("issue, rerun, rewrite a missing, a short and a changed file; every credential verifies")
    func issueAndRerun() throws {
        let fixture = try IssuingFixture()
        let batch = BatchIssuer(issuer: try fixture.issuer(), output: .directory(fixture.out))
        var diagnostics: [RecordDiagnostic] = []
        let first = try batch.run(files: [Self.batch], now: IssuingFixture.now, diagnostic: { diagnostics.append($0) })
        #expect(first.issued == 11 && first.alreadyIssued == 0 && first.rejected == 1)
        #expect(!first.isClean)
        #expect(diagnostics.map(\.line) == [12])
        #expect(diagnostics.first?.field == "learner_npi")

        let files = try fixture.outputFiles()
        #expect(files.count == 11)
        let verifier = DataIntegrityVerifier(
            suites: try CMEContexts.suites(), now: IssuingFixture.now.addingTimeInterval(60))
        for name in files {
            let document = try JSONParser.parse(Array(try Data(contentsOf: fixture.out.appendingPathComponent(name))))
            #expect(verifier.verify(document).verified, "\(name)")
        }

        // A missing file, one cut short (as a kill -9 during its write leaves it) and one with a changed byte.
        let contents = try files.map { try Data(contentsOf: fixture.out.appendingPathComponent($0)) }
        try FileManager.default.removeItem(at: fixture.out.appendingPathComponent(files[3]))
        try contents[5].prefix(100).write(to: fixture.out.appendingPathComponent(files[5]))
        var changed = contents[7]
        changed[changed.count / 2] ^= 0x01
        try changed.write(to: fixture.out.appendingPathComponent(files[7]))
        let second = try batch.run(files: [Self.batch], now: IssuingFixture.now)
        #expect(second.issued == 0 && second.alreadyIssued == 11 && second.rejected == 1 && second.rewritten == 3)
        #expect(try fixture.outputFiles() == files)
        #expect(try files.map { try Data(contentsOf: fixture.out.appendingPathComponent($0)) } == contents)
        #expect(try fixture.directory.ledger().credentialCount() == 11)
        #expect(try fixture.directory.ledger().verifyAuditChain().isIntact)
    }

    @Test(
        "small transactions: each one's files, written while the next commits, and the last ones all land",
        arguments: [1, 2, 4, 11])
    func smallTransactions(_ size: Int) throws {
        let fixture = try IssuingFixture()
        let batch = BatchIssuer(issuer: try fixture.issuer(), output: .directory(fixture.out), transactionSize: size)
        let summary = try batch.run(files: [Self.batch], now: IssuingFixture.now)
        #expect(summary.issued == 11 && summary.rejected == 1)
        let ledger = try fixture.directory.ledger()
        #expect(try ledger.credentialCount() == 11)
        let files = try fixture.outputFiles()
        #expect(files.count == 11)
        for name in files {
            let bytes = Array(try Data(contentsOf: fixture.out.appendingPathComponent(name)))
            let id = try JSONParser.parse(bytes)["id"]?.stringValue ?? ""
            // The ledger keeps the compact form; the file is it laid out pretty.
            let stored = try #require(try ledger.credential(id: id)?.credentialBytes)
            #expect(!stored.contains(UInt8(ascii: "\n")))
            #expect(JSONWhitespace.prettified(stored) == bytes, "\(name)")
            #expect(JSONSerializer.bytes(try JSONParser.parse(bytes), layout: .pretty) == bytes)
        }
        #expect(try ledger.verifyAuditChain().isIntact)
    }

    @Test("the same record from CSV and JSON Lines is the same (activity, learner): issued once")
    func sameLearnerAcrossFormats() throws {
        let fixture = try IssuingFixture()
        let issuer = try fixture.issuer()
        let record = try #require(ActivityRecordReader.read(contentsOf: Self.batch).records.first)
        #expect(try issuer.issue(record, now: IssuingFixture.now).credential.activityID == record.activityID)
        guard case .alreadyIssued = try issuer.issue(record, now: IssuingFixture.now) else {
            Issue.record("a second issue of the same record was not refused")
            return
        }
        let replaced = try issuer.issue(record, reissue: true, now: IssuingFixture.now)
        guard case .issued(let replacement) = replaced else {
            Issue.record("--reissue did not issue")
            return
        }
        #expect(try issuer.ledger.credentialCount(state: .revoked) == 1)
        #expect(
            try issuer.ledger.lookup(activityID: record.activityID, learnerKey: record.learnerKey)?.credentialID
                == replacement.credentialID)
    }

    @Test("a full status list opens the next one; published lists carry exactly the revoked and suspended bits")
    func publish() throws {
        let fixture = try IssuingFixture()
        let issuer = try fixture.issuer(listSize: 5)
        let summary = try BatchIssuer(issuer: issuer, output: .none).run(files: [Self.batch], now: IssuingFixture.now)
        #expect(summary.issued == 11)
        let lists = try issuer.ledger.allLists()
        #expect(lists.filter { $0.purpose == .revocation }.map(\.number) == [1, 2, 3])

        let database = try DatabaseQueue(path: fixture.directory.url.appendingPathComponent(IssuerLedger.fileName).path)
        let ids = try database.read { db in
            try String.fetchAll(db, sql: "SELECT credential_id FROM credentials ORDER BY rowid")
        }
        try issuer.ledger.revoke(credentialID: ids[0], at: IssuingFixture.now)
        try issuer.ledger.revoke(credentialID: ids[7], at: IssuingFixture.now)
        try issuer.ledger.suspend(credentialID: ids[8], at: IssuingFixture.now)
        try issuer.ledger.suspend(credentialID: ids[9], at: IssuingFixture.now)
        try issuer.ledger.reinstate(credentialID: ids[9], at: IssuingFixture.now)

        let published = try StatusListPublisher(issuer: issuer).publish(now: IssuingFixture.now, ttl: 3_600)
        #expect(
            published.map(\.fileName) == [
                "revocation-1.json", "revocation-2.json", "revocation-3.json",
                "suspension-1.json", "suspension-2.json", "suspension-3.json",
            ])
        var expected: [String: Set<Int>] = [:]
        for (offset, state) in [(0, "revocation"), (7, "revocation"), (8, "suspension")] {
            let allocation = try #require(
                issuer.ledger.credential(id: ids[offset])?.statusAllocations.first { $0.purpose.rawValue == state })
            expected["\(state)/\(allocation.listNumber)", default: []].insert(allocation.index)
        }
        let verifier = DataIntegrityVerifier(
            suites: try CMEContexts.suites(), now: IssuingFixture.now.addingTimeInterval(60))
        for list in published {
            let json = try JSONParser.parse(list.bytes)
            #expect(verifier.verify(json).verified)
            let credential = try BitstringStatusListCredential(json: json)
            #expect(credential.validUntil == IssuingFixture.now.addingTimeInterval(3_600))
            #expect(Set(credential.list.setIndexes) == expected["\(list.purpose.rawValue)/\(list.number)"] ?? [])
        }
        let kinds = try issuer.ledger.exportAudit().compactMap { $0["kind"]?.stringValue }
        #expect(kinds.last == "publish")
    }

    @Test("a record that cannot be issued is rejected by line, the others are issued")
    func futureCompletion() throws {
        let fixture = try IssuingFixture()
        let csv = fixture.root.appendingPathComponent("future.csv")
        try Data(
            """
            learner_given_name,learner_family_name,learner_email,activity_id,activity_title,activity_format,completion_date,credits_AMA_PRA_CAT1
            Ann,Past,ann@example.org,A-1,Past,course,2026-03-01,1
            Bob,Future,bob@example.org,A-1,Future,course,2099-03-01,1

            """.utf8
        ).write(to: csv)
        var diagnostics: [RecordDiagnostic] = []
        let summary = try BatchIssuer(
            issuer: try fixture.issuer(), output: .jsonLines(fixture.root.appendingPathComponent("out.jsonl"))
        )
        .run(files: [csv], now: IssuingFixture.now, diagnostic: { diagnostics.append($0) })
        #expect(summary.issued == 1 && summary.rejected == 1)
        #expect(diagnostics.map(\.line) == [3])
        let lines = try String(contentsOf: fixture.root.appendingPathComponent("out.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == 1)
    }

    @Test(
        "a JSON Lines line that cannot be written (written in the background) still fails the batch, and no file is left"
    )
    func jsonLinesFailureReported() throws {
        let fixture = try IssuingFixture()
        let issued = try BatchIssuer(issuer: try fixture.issuer(), output: .none)
            .run(files: [Self.batch], now: IssuingFixture.now)
        #expect(issued.issued == 11)
        // The ledger's copy of one credential is no longer a JSON object: its line cannot be written.
        let database = try DatabaseQueue(path: fixture.directory.url.appendingPathComponent(IssuerLedger.fileName).path)
        try database.write { db in
            try db.execute(
                sql: """
                    UPDATE credentials SET credential_json = CAST('[1]' AS BLOB), shared_text_id = NULL,
                    shared_text_offset = NULL WHERE rowid = (SELECT MAX(rowid) FROM credentials)
                    """)
        }
        let output = fixture.root.appendingPathComponent("out.jsonl")
        // One record per transaction, so the failing line is written while later transactions go on.
        let rerun = BatchIssuer(issuer: try fixture.issuer(), output: .jsonLines(output), transactionSize: 1)
        #expect {
            _ = try rerun.run(files: [Self.batch], now: IssuingFixture.now)
        } throws: { error in
            (error as? CredentialError)?.code == .ledger && "\(error)".contains("is not a JSON object")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path)
            .filter { $0.hasPrefix("out.jsonl") }
        #expect(leftovers.isEmpty)
    }

    @Test("a file of several chunks: every valid record issued once, in order, bad rows of any chunk reported")
    func severalChunks() throws {
        let fixture = try IssuingFixture()
        let csv = fixture.root.appendingPathComponent("large.csv")
        // About 230 KB: chunks of 64 KB, then 128 KB, then the rest (``RecordChunkReader``).
        let count = 2_400
        let bad: Set<Int> = [7, 1_500, 2_390]
        var text = "learner_given_name,learner_family_name,learner_email,activity_id,activity_title,activity_format,"
        text += "completion_date,credits_AMA_PRA_CAT1,topics\n"
        for number in 0..<count {
            let credits = bad.contains(number) ? "0.3" : "2"
            text += "Learner\(number),Chunked,learner\(number)@example.org,A-9,A long activity title to fill the "
            text += "chunks,course,2026-03-01,\(credits),opioid-prescribing=1\n"
        }
        try Data(text.utf8).write(to: csv)
        var diagnostics: [RecordDiagnostic] = []
        let output = fixture.root.appendingPathComponent("out.jsonl")
        let summary = try BatchIssuer(issuer: try fixture.issuer(), output: .jsonLines(output), transactionSize: 300)
            .run(files: [csv], now: IssuingFixture.now, diagnostic: { diagnostics.append($0) })
        #expect(summary.issued == count - bad.count && summary.rejected == bad.count)
        #expect(diagnostics.map(\.line) == bad.sorted().map { $0 + 2 })
        let names = try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map { line in
            try JSONParser.parse(String(line))["credentialSubject"]?["name"]?.stringValue ?? ""
        }
        let expected = (0..<count).filter { !bad.contains($0) }.map { "Learner\($0) Chunked" }
        #expect(names == expected)
    }
}
