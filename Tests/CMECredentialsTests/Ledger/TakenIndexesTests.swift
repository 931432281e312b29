import Foundation
import GRDB
import Testing
import VerifiableCredentials

@testable import CMECredentials

@Suite("Status lists keep their taken indexes (ledger migration v3)")
struct TakenIndexesTests {
    /// The (purpose, list, index) of every allocation row, in rowid order.
    static func allocations(_ fixture: LedgerFixture) throws -> [String] {
        try fixture.rawDatabase().read { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT purpose || '/' || list_number || '#' || status_index FROM status_allocations ORDER BY rowid"
            )
        }
    }

    @Test("a batch stores each list's bitmap, its count and the newest row; the unique index is gone")
    func stored() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger(listSize: 64)
        let outcomes = try ledger.issue((1...10).map { LedgerIssueRequest(LedgerFixture.pending(learner: $0)) }) {
            $0.map { .success(LedgerFixture.fakeCredential($0)) }
        }
        let taken = outcomes.compactMap { try? $0.get().credential.statusAllocations.first?.index }
        #expect(taken.count == 10)
        try fixture.rawDatabase().read { db in
            let row = try #require(
                try Row.fetchOne(
                    db,
                    sql: "SELECT taken, taken_through, allocated FROM status_lists WHERE purpose = 'revocation'"))
            let bitmap = try #require(IndexBitmap(size: 64, bytes: Array(row["taken"] as Data)))
            #expect((0..<64).filter(bitmap.contains) == taken.sorted())
            #expect(row["allocated"] == 10)
            #expect(row["taken_through"] == (try Int.fetchOne(db, sql: "SELECT MAX(rowid) FROM status_allocations")))
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'")
            #expect(!indexes.contains { $0.hasPrefix("sqlite_autoindex_status_allocations") })
        }
    }

    @Test("allocation rows past a list's mark (a cmevc older than v3 writing the same ledger) are never reused")
    func rowsPastTheMark() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger(listSize: 3)
        let first = try ledger.issueFake(LedgerFixture.pending(learner: 1)).credential
        let held = try #require(first.statusAllocations.first { $0.purpose == .revocation }).index
        // A second revocation index of list 1, taken the way an older cmevc took it: a row, no bitmap.
        let other = (held + 1) % 3
        try fixture.rawDatabase().write { db in
            try db.execute(
                sql: """
                    INSERT INTO status_allocations (purpose, list_number, status_index, credential_id)
                    VALUES ('revocation', 1, ?, ?)
                    """,
                arguments: [other, first.credentialID])
            try db.execute(sql: "UPDATE status_lists SET allocated = 2 WHERE purpose = 'revocation'")
        }
        let key = StatusIndexAllocator.ListKey(purpose: .revocation, number: 1)
        let loaded = try ledger.read { db in try TakenIndexes.load(db, key, size: 3) }
        #expect((0..<3).filter(loaded.contains) == [held, other].sorted())
        let second = try ledger.issueFake(LedgerFixture.pending(learner: 2)).credential
        let free = 3 - held - other
        #expect(
            second.statusAllocations.first { $0.purpose == .revocation }
                == StatusAllocation(
                    purpose: .revocation, listNumber: 1, index: free))
        let rows = try Self.allocations(fixture)
        #expect(Set(rows).count == rows.count)
    }

    @Test("a bitmap that is damaged is rebuilt from the list's rows")
    func damagedBitmap() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger(listSize: 2)
        let first = try ledger.issueFake(LedgerFixture.pending(learner: 1)).credential
        try fixture.rawDatabase().write { db in
            try db.execute(sql: "UPDATE status_lists SET taken = x'00'")
        }
        let second = try ledger.issueFake(LedgerFixture.pending(learner: 2)).credential
        for purpose in [StatusPurpose.revocation, .suspension] {
            let one = try #require(first.statusAllocations.first { $0.purpose == purpose })
            let two = try #require(second.statusAllocations.first { $0.purpose == purpose })
            #expect(one.listNumber == 1 && two.listNumber == 1 && one.index != two.index)
        }
    }

    @Test("a ledger made before v3 migrates: its allocations kept, the next batch avoids their indexes")
    func migratesFromV2() throws {
        let fixture = try LedgerFixture()
        let path = fixture.directory.appendingPathComponent(IssuerLedger.fileName).path
        let old = try DatabaseQueue(path: path)
        try LedgerSchema.migrator.migrate(old, upTo: "v2: drop the unused index by activity")
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO credentials (credential_id, activity_id, learner_key, record_hash, issued_at,
                        credential_json, state, given_name, family_name, licenses, board_ids, activity_title,
                        activity_format, completion_date, credits_json)
                    VALUES ('urn:uuid:old', 'ACT-OLD', 'npi:1234567893', 'h', '2026-01-01T00:00:00Z', x'7b7d',
                        'active', 'Old', 'Learner', '[]', '[]', 'Old activity', 'course', '2026-01-01', '{}');
                    INSERT INTO status_lists (purpose, list_number, size, allocated, created_at)
                        VALUES ('revocation', 1, 3, 2, '2026-01-01T00:00:00Z'),
                               ('suspension', 1, 3, 2, '2026-01-01T00:00:00Z');
                    INSERT INTO status_allocations (purpose, list_number, status_index, credential_id)
                        VALUES ('revocation', 1, 0, 'urn:uuid:old'), ('revocation', 1, 2, 'urn:uuid:old'),
                               ('suspension', 1, 1, 'urn:uuid:old'), ('suspension', 1, 2, 'urn:uuid:old');
                    """)
        }
        try old.close()
        let ledger = try fixture.ledger(listSize: 3)
        let issued = try ledger.issueFake(LedgerFixture.pending(learner: 1)).credential
        #expect(issued.statusAllocations.contains(StatusAllocation(purpose: .revocation, listNumber: 1, index: 1)))
        #expect(issued.statusAllocations.contains(StatusAllocation(purpose: .suspension, listNumber: 1, index: 0)))
        let next = try ledger.issueFake(LedgerFixture.pending(learner: 2)).credential
        #expect(next.statusAllocations.allSatisfy { $0.listNumber == 2 })
        let rows = try Self.allocations(fixture)
        #expect(rows.prefix(4) == ["revocation/1#0", "revocation/1#2", "suspension/1#1", "suspension/1#2"])
        #expect(Set(rows).count == rows.count && rows.count == 8)
        #expect(try ledger.allLists().allSatisfy { $0.number != 1 || $0.isFull })
    }

    @Test("publishing reads a list's set bits through the few credentials that are not active")
    func publishingQuery() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger(listSize: 16)
        try ledger.issueFake(LedgerFixture.pending(learner: 1))
        let plan = try ledger.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + IssuerLedger.setIndexesQuery,
                arguments: ["revoked", "revocation", 1]
            ).map { $0["detail"] as String }.joined(separator: " ")
        }
        #expect(plan.contains("credentials_not_active"))
        #expect(!plan.contains("SCAN"))
    }
}
