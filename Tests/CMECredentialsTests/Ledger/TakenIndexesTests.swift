import Foundation
import GRDB
import Testing
import VerifiableCredentials

@testable import CMECredentials

@Suite("Status lists keep their taken indexes (ledger migrations v3 and v5)")
struct TakenIndexesTests {
    /// The (purpose, list, index) of every status position, in the order of the credentials' rows.
    static func allocations(_ fixture: LedgerFixture) throws -> [String] {
        try fixture.rawDatabase().read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT (p.value ->> 'purpose') || '/' || (p.value ->> 'list') || '#' || (p.value ->> 'index')
                    FROM credentials c, json_each(c.status_positions) p ORDER BY c.rowid, p.key
                    """)
        }
    }

    /// Inserts a credential row the way a writer that knows nothing of the bitmaps would; without `positions`,
    /// only the columns every ledger version has (a ledger from before v5).
    static func insertCredential(_ db: Database, id: String, positions: String? = nil) throws {
        try db.execute(
            sql: """
                INSERT INTO credentials (credential_id, activity_id, learner_key, record_hash, issued_at,
                    credential_json, state, given_name, family_name, licenses, board_ids, activity_title,
                    activity_format, completion_date, credits_json\(positions == nil ? "" : ", status_positions"))
                VALUES (?, 'ACT-OTHER', ?, 'h', '2026-01-01T00:00:00Z', x'7b7d', 'active', 'Other', 'Learner', '[]',
                    '[]', 'Other activity', 'course', '2026-01-01', '{}'\(positions == nil ? "" : ", ?"))
                """,
            arguments: StatementArguments([id, "npi:" + id] + (positions.map { [$0] } ?? [])))
    }

    /// The fixture's ledger file as a cmevc that knew the migrations up to `migration` left it, with one
    /// credential, `urn:uuid:old`, and what `setUp` writes.
    static func oldLedger(
        _ fixture: LedgerFixture, upTo migration: String, _ setUp: (Database) throws -> Void
    ) throws {
        let path = fixture.directory.appendingPathComponent(IssuerLedger.fileName).path
        let old = try DatabaseQueue(path: path)
        try LedgerSchema.migrator.migrate(old, upTo: migration)
        try old.write { db in
            try insertCredential(db, id: "urn:uuid:old")
            try setUp(db)
        }
        try old.close()
    }

    @Test("a batch stores each list's bitmap, its count and the newest credential; no allocation table is left")
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
            #expect(row["taken_through"] == (try Int.fetchOne(db, sql: "SELECT MAX(rowid) FROM credentials")))
            let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master")
            #expect(!names.contains { $0.contains("status_allocations") })
        }
    }

    @Test("positions of credentials past a list's mark (written without the bitmap) are never reused")
    func rowsPastTheMark() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger(listSize: 3)
        let first = try ledger.issueFake(LedgerFixture.pending(learner: 1)).credential
        let held = try #require(first.statusAllocations.first { $0.purpose == .revocation }).index
        // A second revocation index of list 1, held by a credential whose writer left the bitmap alone.
        let other = (held + 1) % 3
        try fixture.rawDatabase().write { db in
            try Self.insertCredential(
                db, id: "urn:uuid:other", positions: #"[{"purpose":"revocation","list":1,"index":\#(other)}]"#)
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

    @Test("a bitmap that is damaged is rebuilt from the credentials' positions")
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

    @Test("a ledger made before v3 migrates: its allocations kept in the credential's row, the next batch avoids them")
    func migratesFromV2() throws {
        let fixture = try LedgerFixture()
        try Self.oldLedger(fixture, upTo: "v2: drop the unused index by activity") { db in
            try db.execute(
                sql: """
                    INSERT INTO status_lists (purpose, list_number, size, allocated, created_at)
                        VALUES ('revocation', 1, 3, 2, '2026-01-01T00:00:00Z'),
                               ('suspension', 1, 3, 2, '2026-01-01T00:00:00Z');
                    INSERT INTO status_allocations (purpose, list_number, status_index, credential_id)
                        VALUES ('revocation', 1, 0, 'urn:uuid:old'), ('revocation', 1, 2, 'urn:uuid:old'),
                               ('suspension', 1, 1, 'urn:uuid:old'), ('suspension', 1, 2, 'urn:uuid:old');
                    """)
        }
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
        let migrated = try #require(try ledger.credential(id: "urn:uuid:old"))
        #expect(
            migrated.statusAllocations == [
                StatusAllocation(purpose: .revocation, listNumber: 1, index: 0),
                StatusAllocation(purpose: .revocation, listNumber: 1, index: 2),
                StatusAllocation(purpose: .suspension, listNumber: 1, index: 1),
                StatusAllocation(purpose: .suspension, listNumber: 1, index: 2),
            ])
    }

    @Test("a v4 ledger migrates to v5: a position its bitmap missed is still never reused, the table is gone")
    func migratesFromV4() throws {
        let fixture = try LedgerFixture()
        try Self.oldLedger(fixture, upTo: "v4: credentials share their common text") { db in
            // Index 0 is in the bitmap (marked through the allocation rows so far); index 1 was taken by a row
            // past the mark, as a cmevc from before v3 would have written it.
            var bitmap = IndexBitmap(size: 3)
            bitmap.insert(0)
            try db.execute(
                sql: """
                    INSERT INTO status_lists (purpose, list_number, size, allocated, created_at, taken_through)
                        VALUES ('revocation', 1, 3, 1, '2026-01-01T00:00:00Z', 1);
                    INSERT INTO status_allocations (purpose, list_number, status_index, credential_id)
                        VALUES ('revocation', 1, 0, 'urn:uuid:old'), ('revocation', 1, 1, 'urn:uuid:old');
                    """)
            try db.execute(sql: "UPDATE status_lists SET taken = ?", arguments: [Data(bitmap.bytes)])
        }
        let ledger = try fixture.ledger(listSize: 3)
        let request = LedgerIssueRequest(
            { () -> PendingIssue in
                var pending = LedgerFixture.pending(learner: 1)
                pending.statusPurposes = [.revocation]
                return pending
            }())
        let issued = try ledger.issue([request]) { $0.map { .success(LedgerFixture.fakeCredential($0)) } }
        let credential = try #require(try issued.first?.get().credential)
        #expect(credential.statusAllocations == [StatusAllocation(purpose: .revocation, listNumber: 1, index: 2)])
        #expect(
            try ledger.credential(id: "urn:uuid:old")?.statusAllocations == [
                StatusAllocation(purpose: .revocation, listNumber: 1, index: 0),
                StatusAllocation(purpose: .revocation, listNumber: 1, index: 1),
            ])
        let tableLeft = try fixture.rawDatabase().read { db in try db.tableExists("status_allocations") }
        #expect(!tableLeft)
        #expect(try ledger.allLists().first?.isFull == true)
    }

    @Test("publishing reads a list's set bits through the few credentials that are not active")
    func publishingQuery() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger(listSize: 16)
        try ledger.issueFake(LedgerFixture.pending(learner: 1))
        let plan = try ledger.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + IssuerLedger.setIndexesQuery, arguments: ["revoked"]
            ).map { $0["detail"] as String }.joined(separator: " ")
        }
        #expect(plan.contains("credentials_not_active"))
        #expect(!plan.contains("SCAN"))
    }
}
