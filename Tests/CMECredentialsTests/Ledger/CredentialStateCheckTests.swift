import Foundation
import GRDB
import Testing
import VerifiableCredentials

@testable import CMECredentials

/// Ledger migration v6: the credentials table's state check without an IN list, the rows unchanged.
@Suite("Ledger migration v6: credential states checked by comparisons")
struct CredentialStateCheckTests {
    /// Every credential row with its rowid, as text, in rowid order.
    static func rows(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT rowid, * FROM credentials ORDER BY rowid").map(\.description)
    }

    @Test("a v5 ledger's credentials keep their rows, rowids and indexes; the checks still hold")
    func migrated() throws {
        let fixture = try LedgerFixture()
        var before: [String] = []
        try TakenIndexesTests.oldLedger(fixture, upTo: "v5: status positions in the credential's row") { db in
            try TakenIndexesTests.insertCredential(
                db, id: "urn:uuid:suspended", positions: #"[{"purpose":"revocation","list":1,"index":7}]"#)
            try TakenIndexesTests.insertCredential(db, id: "urn:uuid:revoked")
            try db.execute(sql: "UPDATE credentials SET state = 'suspended' WHERE credential_id = 'urn:uuid:suspended'")
            try db.execute(
                sql:
                    "UPDATE credentials SET state = 'revoked', replaced_by = 'urn:uuid:old' WHERE credential_id = 'urn:uuid:revoked'"
            )
            try db.execute(sql: "DELETE FROM credentials WHERE credential_id = 'urn:uuid:old'")  // a gap in the rowids
            try TakenIndexesTests.insertCredential(db, id: "urn:uuid:last")
            before = try Self.rows(db)
        }
        #expect(before.count == 3)
        // Opening the ledger migrates it; a batch issues on top.
        let ledger = try fixture.ledger(listSize: 64)
        let outcomes = try ledger.issue((1...3).map { LedgerIssueRequest(LedgerFixture.pending(learner: $0)) }) {
            $0.map { .success(LedgerFixture.fakeCredential($0)) }
        }
        #expect(outcomes.allSatisfy { (try? $0.get()) != nil })
        try fixture.rawDatabase().read { db in
            #expect(try Array(Self.rows(db).prefix(3)) == before)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM credentials") == 6)
            let indexes = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'credentials' ORDER BY name")
            #expect(indexes == ["credentials_in_force", "credentials_not_active", "sqlite_autoindex_credentials_1"])
            let table = try #require(
                try String.fetchOne(
                    db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'credentials'"))
            #expect(!table.contains(" IN ("))
        }
        // The checks still refuse a state outside the three, and a shared text id without an offset.
        try fixture.rawDatabase().write { db in
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE credentials SET state = 'expired' WHERE credential_id = 'urn:uuid:last'")
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql: "UPDATE credentials SET shared_text_offset = 3 WHERE credential_id = 'urn:uuid:last'")
            }
        }
    }

    @Test("inserting a credential row builds no temporary B-tree")
    func noEphemeralTable() throws {
        let fixture = try LedgerFixture()
        _ = try fixture.ledger()
        try fixture.rawDatabase().read { db in
            let explained = try Row.fetchAll(
                db,
                sql: """
                    EXPLAIN INSERT INTO credentials (credential_id, activity_id, learner_key, record_hash, issued_at,
                        credential_json, state, given_name, family_name, licenses, board_ids, activity_title,
                        activity_format, completion_date, credits_json)
                    VALUES ('i', 'a', 'l', 'h', 't', x'7b7d', 'active', 'g', 'f', '[]', '[]', 't', 'course', 'd', '{}')
                    """
            ).map { $0["opcode"] as String }
            #expect(explained.contains("Insert"))
            #expect(!explained.contains("OpenEphemeral"))
        }
    }
}
