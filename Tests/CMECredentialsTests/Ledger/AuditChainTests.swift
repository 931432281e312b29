import CMECredentials
import Foundation
import GRDB
import Testing
import VerifiableCredentials

@Suite("Issuer ledger: the hash-chained audit log")
struct AuditChainTests {
    /// A ledger with six events: issue ×3, suspend, reinstate, publish.
    func populated() throws -> (LedgerFixture, IssuerLedger) {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger()
        var ids: [String] = []
        for learner in 1...3 {
            ids.append(try ledger.issueFake(LedgerFixture.pending(learner: learner)).credential.credentialID)
        }
        try ledger.suspend(credentialID: ids[0], reason: "check", at: LedgerFixture.now)
        try ledger.reinstate(credentialID: ids[0], at: LedgerFixture.now)
        try ledger.appendAudit(
            kind: .publish, details: ["lists": ["https://issuer.example/status/revocation/1"]], at: LedgerFixture.now)
        return (fixture, ledger)
    }

    @Test("An untouched log verifies, and each event links to the one before")
    func intact() throws {
        let (_, ledger) = try populated()
        let report = try ledger.verifyAuditChain()
        #expect(report.isIntact)
        #expect(report.eventCount == 6)
        let events = try ledger.exportAudit()
        #expect(events.compactMap { $0["seq"]?.numberValue } == [1, 2, 3, 4, 5, 6])
        #expect(events[0]["prevHash"] == .string(AuditEvent.genesisHash))
        for (earlier, later) in zip(events, events.dropFirst()) {
            #expect(later["prevHash"] == earlier["hash"])
        }
        #expect(events[5]["kind"] == "publish")
    }

    @Test("The hash is SHA-256 over prevHash and the JCS form of the fields")
    func hashDefinition() throws {
        let (_, ledger) = try populated()
        let event = try #require(try ledger.exportAudit().last)
        let recomputed = AuditEvent.computeHash(
            prevHash: try #require(event["prevHash"]?.stringValue), seq: 6,
            at: try #require(event["at"]?.stringValue), kind: .publish, credentialID: nil,
            details: try #require(event["details"]))
        #expect(event["hash"] == .string(recomputed))
        // Cross-check with openssl over the same bytes.
        let fields: JSONValue = [
            "seq": 6, "at": try #require(event["at"]), "kind": "publish", "credentialID": nil,
            "details": try #require(event["details"]),
        ]
        let input = Array(try #require(event["prevHash"]?.stringValue).utf8) + JSONCanonicalizer.canonicalize(fields)
        #expect(try opensslSHA256(input) == recomputed)
    }

    func problems(after tamper: (Database) throws -> Void) throws -> [AuditChainProblem] {
        let (fixture, ledger) = try populated()
        try fixture.rawDatabase().write(tamper)
        return try ledger.verifyAuditChain().problems
    }

    @Test("An edited event is named")
    func edited() throws {
        let found = try problems { db in
            try db.execute(sql: "UPDATE audit_events SET details = '{\"from\":\"revoked\"}' WHERE seq = 4")
        }
        #expect(found.map(\.kind) == [.edited])
        #expect(found.map(\.seq) == [4])
    }

    @Test("An edited timestamp is named")
    func editedTime() throws {
        let found = try problems { db in
            try db.execute(sql: "UPDATE audit_events SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 2")
        }
        #expect(found.map(\.kind) == [.edited])
        #expect(found.map(\.seq) == [2])
    }

    @Test("A deleted event is named by the event that follows the gap")
    func deleted() throws {
        let found = try problems { db in try db.execute(sql: "DELETE FROM audit_events WHERE seq = 3") }
        #expect(found.map(\.kind) == [.deleted])
        #expect(found.map(\.seq) == [4])
    }

    @Test("A deleted first event is named")
    func deletedFirst() throws {
        let found = try problems { db in try db.execute(sql: "DELETE FROM audit_events WHERE seq = 1") }
        #expect(found.map(\.kind) == [.deleted])
        #expect(found.map(\.seq) == [2])
    }

    /// Moves events `seq >= from` up by one, leaving `from` free.
    static func makeRoom(_ db: Database, at from: Int) throws {
        try db.execute(sql: "UPDATE audit_events SET seq = -seq WHERE seq >= ?", arguments: [from])
        try db.execute(sql: "UPDATE audit_events SET seq = -seq + 1 WHERE seq < 0")
    }

    @Test("An inserted event with a correctly computed hash is named")
    func insertedWellFormed() throws {
        let found = try problems { db in
            try Self.makeRoom(db, at: 3)
            let prev = try String.fetchOne(db, sql: "SELECT hash FROM audit_events WHERE seq = 2") ?? ""
            let at = "2026-01-01T00:00:00.000Z"
            let details: JSONValue = ["reason": "forged"]
            let hash = AuditEvent.computeHash(
                prevHash: prev, seq: 3, at: at, kind: .revoke, credentialID: "urn:uuid:x", details: details)
            try db.execute(
                sql: "INSERT INTO audit_events VALUES (3, ?, 'revoke', 'urn:uuid:x', ?, ?, ?)",
                arguments: [at, JSONSerializer.string(details), prev, hash])
        }
        #expect(found.map(\.kind) == [.inserted])
        #expect(found.map(\.seq) == [3])
    }

    @Test("An inserted event with a made-up hash is named")
    func insertedBogus() throws {
        let found = try problems { db in
            try Self.makeRoom(db, at: 5)
            try db.execute(
                sql: "INSERT INTO audit_events VALUES (5, '2026-01-01T00:00:00.000Z', 'key', NULL, '{}', 'abc', 'def')")
        }
        #expect(found.map(\.kind) == [.inserted])
        #expect(found.map(\.seq) == [5])
    }

    @Test("Two swapped events are named as reordered")
    func reordered() throws {
        let found = try problems { db in
            try db.execute(sql: "UPDATE audit_events SET seq = -1 WHERE seq = 3")
            try db.execute(sql: "UPDATE audit_events SET seq = 3 WHERE seq = 4")
            try db.execute(sql: "UPDATE audit_events SET seq = 4 WHERE seq = -1")
        }
        #expect(found.map(\.kind) == [.reordered, .reordered])
        #expect(found.map(\.seq) == [3, 4])
    }

    @Test("Export gives one JSON object per event, with every field")
    func export() throws {
        let (_, ledger) = try populated()
        let events = try ledger.exportAudit()
        #expect(events.count == 6)
        for event in events {
            #expect(event.objectValue?.keys == ["seq", "at", "kind", "credentialID", "details", "prevHash", "hash"])
            // Each event is one JSON Lines line: compact JSON has no newline.
            #expect(!JSONSerializer.string(event).contains("\n"))
        }
    }
}

/// SHA-256 by the `openssl` command-line tool, as an independent check.
func opensslSHA256(_ bytes: [UInt8]) throws -> String {
    let input = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString)")
    try Data(bytes).write(to: input)
    defer { try? FileManager.default.removeItem(at: input) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["openssl", "dgst", "-sha256", "-r", input.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CredentialError(.io, "openssl is needed for this test (exit \(process.terminationStatus))")
    }
    return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
}

@Suite("Audit event hash")
struct AuditEventHashTests {
    @Test(
        "the hash is SHA-256 of the previous hash and the RFC 8785 form of the event's fields",
        arguments: [nil, "urn:uuid:0192f6b3-7c1e-7abc-8def-0123456789ab", "quote \" and é"])
    func hashOfCanonicalFields(credentialID: String?) {
        let details: JSONValue = [
            "zeta": "last", "alpha": ["b": 2.5, "a": "ü\u{1F600}\n"], "status": [["index": 7, "list": 1]],
        ]
        let fields: JSONValue = [
            "seq": 123_456, "at": "2026-11-23T20:00:00.000Z", "kind": "issue",
            "credentialID": credentialID.map(JSONValue.string) ?? .null, "details": details,
        ]
        let prevHash = String(repeating: "ab", count: 32)
        let canonical = String(decoding: JSONCanonicalizer.canonicalize(fields), as: UTF8.self)
        let expected = String(IdentityHash.sha256(prevHash + canonical, salt: "").dropFirst("sha256$".count))
        #expect(
            AuditEvent.computeHash(
                prevHash: prevHash, seq: 123_456, at: "2026-11-23T20:00:00.000Z", kind: .issue,
                credentialID: credentialID, details: details) == expected)
    }
}
