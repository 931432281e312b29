import CMECredentials
import Foundation
import GRDB
import Testing
import VerifiableCredentials

@Suite("Issuer ledger: issuing, idempotency, status index allocation")
struct IssuerLedgerIssueTests {
    @Test("A new ledger has 16 KB pages (a credential fits one page) and no index by activity alone")
    func newLedgerLayout() throws {
        let fixture = try LedgerFixture()
        _ = try fixture.ledger()
        let database = try DatabaseQueue(path: fixture.directory.appendingPathComponent(IssuerLedger.fileName).path)
        try database.read { db in
            #expect(try Int.fetchOne(db, sql: "PRAGMA page_size") == 16_384)
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'")
            #expect(indexes.contains("credentials_in_force"))
            #expect(!indexes.contains("credentials_by_activity"))
        }
    }

    @Test("Issuing records the row, the bytes, one index per purpose and an audit event")
    func issueRecords() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger()
        let pending = LedgerFixture.pending(learner: 1)
        let outcome = try ledger.issueFake(pending)
        guard case .issued(let credential) = outcome else {
            Issue.record("expected a new credential, got \(outcome)")
            return
        }
        #expect(credential.state == .active)
        #expect(credential.statusAllocations.map(\.purpose) == [.revocation, .suspension])
        #expect(credential.statusAllocations.allSatisfy { $0.listNumber == 1 && (0..<131_072).contains($0.index) })

        let found = try #require(try ledger.lookup(activityID: pending.activityID, learnerKey: pending.learnerKey))
        #expect(found == credential)
        #expect(
            found.credentialBytes
                == LedgerFixture.fakeCredential(
                    StatusAssignment(credentialID: pending.credentialID, allocations: credential.statusAllocations)))
        #expect(found.learner == pending.learner)
        #expect(found.activity == pending.activity)
        #expect(found.credits == pending.credits)
        #expect(found.issuedAt == pending.issuedAt)
        #expect(try ledger.state(of: pending.credentialID) == .active)
        #expect(try ledger.allLists().map(\.allocated) == [1, 1])

        let events = try ledger.exportAudit()
        #expect(events.count == 1)
        #expect(events.first?["kind"] == "issue")
        #expect(events.first?["credentialID"] == .string(pending.credentialID))
    }

    @Test("The same activity and learner are issued once; build is not called again")
    func idempotent() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger()
        let first = try ledger.issueFake(LedgerFixture.pending(learner: 7))
        var second = LedgerFixture.pending(learner: 7)
        second.credentialID = "urn:uuid:another"
        var buildCalls = 0
        let outcome = try ledger.issue(second) { assignment throws(CredentialError) in
            buildCalls += 1
            return LedgerFixture.fakeCredential(assignment)
        }
        #expect(buildCalls == 0)
        #expect(outcome == .alreadyIssued(first.credential))
        // The same learner in another activity is a different credential.
        let other = try ledger.issueFake(LedgerFixture.pending(learner: 7, activity: "ACT-2026-002"))
        #expect(other.credential.credentialID != first.credential.credentialID)
        #expect(try ledger.credentialCount() == 2)
    }

    @Test("A failing build closure rolls everything back and uses no index")
    func rollback() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger()
        let pending = LedgerFixture.pending(learner: 3)
        let error = #expect(throws: CredentialError.self) {
            try ledger.issue(pending) { _ throws(CredentialError) in
                throw CredentialError(.signingFailed, "the key is unavailable")
            }
        }
        #expect(error?.code == .signingFailed)
        #expect(try ledger.lookup(activityID: pending.activityID, learnerKey: pending.learnerKey) == nil)
        #expect(try ledger.credentialCount() == 0)
        #expect(try ledger.allLists().isEmpty)
        #expect(try ledger.exportAudit().isEmpty)
        let allocations = try fixture.rawDatabase().read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM credentials c, json_each(c.status_positions)")
        }
        #expect(allocations == 0)
        #expect(try ledger.issueFake(pending).credential.state == .active)
    }

    @Test("Indexes are unique, spread over the list, and not handed out in order")
    func randomAllocation() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger(listSize: 4_096)
        var indexes: [Int] = []
        for learner in 0..<300 {
            let credential = try ledger.issueFake(LedgerFixture.pending(learner: learner)).credential
            indexes.append(try #require(credential.statusAllocations.first { $0.purpose == .revocation }).index)
        }
        #expect(Set(indexes).count == indexes.count)
        #expect(indexes != indexes.sorted())
        #expect(indexes != Array(0..<300))
        // 300 uniform draws from 4,096 all below 2,048 has probability 2^-300.
        #expect(indexes.contains { $0 >= 2_048 })
        #expect(indexes.contains { $0 < 2_048 })
        #expect(indexes.allSatisfy { (0..<4_096).contains($0) })
    }

    @Test("A full list is followed by a new one; every index of a full list is used exactly once")
    func rollover() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger(listSize: 8)
        var byList: [Int: [Int]] = [:]
        for learner in 0..<20 {
            let credential = try ledger.issueFake(LedgerFixture.pending(learner: learner)).credential
            let revocation = try #require(credential.statusAllocations.first { $0.purpose == .revocation })
            byList[revocation.listNumber, default: []].append(revocation.index)
        }
        #expect(byList[1]?.sorted() == Array(0..<8))
        #expect(byList[2]?.sorted() == Array(0..<8))
        #expect(byList[3]?.count == 4)
        #expect(Set(byList[3] ?? []).count == 4)
        let revocationLists = try ledger.allLists().filter { $0.purpose == .revocation }
        #expect(revocationLists.map(\.number) == [1, 2, 3])
        #expect(revocationLists.map(\.allocated) == [8, 8, 4])
        #expect(revocationLists.map(\.isFull) == [true, true, false])
    }

    @Test("Indexes of revoked credentials are never handed out again")
    func noReuseAfterRevocation() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger(listSize: 4)
        var seen: Set<[Int]> = []
        for learner in 0..<8 {
            let credential = try ledger.issueFake(LedgerFixture.pending(learner: learner)).credential
            let revocation = try #require(credential.statusAllocations.first { $0.purpose == .revocation })
            #expect(seen.insert([revocation.listNumber, revocation.index]).inserted)
            try ledger.revoke(credentialID: credential.credentialID, at: LedgerFixture.now)
        }
        #expect(try ledger.allLists().filter { $0.purpose == .revocation }.count == 2)
    }

    @Test("Reissuing revokes the old credential and links it to the replacement")
    func reissue() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger()
        let old = try ledger.issueFake(LedgerFixture.pending(learner: 5)).credential
        let replacement = LedgerFixture.pending(learner: 5)
        let outcome = try ledger.issueFake(replacement, replacing: old.credentialID)
        #expect(outcome == .issued(outcome.credential))
        let retired = try #require(try ledger.credential(id: old.credentialID))
        #expect(retired.state == .revoked)
        #expect(retired.replacedBy == replacement.credentialID)
        #expect(
            try ledger.lookup(activityID: replacement.activityID, learnerKey: "learner-5")?.credentialID
                == replacement.credentialID)
        #expect(try ledger.exportAudit().compactMap { $0["kind"]?.stringValue } == ["issue", "revoke", "issue"])
        let error = #expect(throws: CredentialError.self) {
            try ledger.issueFake(LedgerFixture.pending(learner: 6), replacing: old.credentialID)
        }
        #expect(error?.code == .invalidStatusChange)
    }

    @Test("Two ledgers on one directory, writing from two threads, never share an index or a credential")
    func concurrentWriters() async throws {
        let fixture = try LedgerFixture()
        let first = try fixture.ledger(listSize: 64)
        let second = try fixture.ledger(listSize: 64)
        // Both writers issue learners 0..<120; half of each batch overlaps the other's.
        async let a: [IssueOutcome] = Task.detached {
            try (0..<120).map { try first.issueFake(LedgerFixture.pending(learner: $0)) }
        }.value
        async let b: [IssueOutcome] = Task.detached {
            try (60..<180).reversed().map { try second.issueFake(LedgerFixture.pending(learner: $0)) }
        }.value
        let outcomes = try await a + b
        let issued = outcomes.filter { if case .issued = $0 { true } else { false } }
        #expect(issued.count == 180)
        #expect(try first.credentialCount() == 180)

        let duplicates = try await fixture.rawDatabase().read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM (SELECT 1 FROM credentials c, json_each(c.status_positions) p
                    GROUP BY p.value ->> 'purpose', p.value ->> 'list', p.value ->> 'index' HAVING COUNT(*) > 1)
                    """)
        }
        #expect(duplicates == 0)
        let allocations = issued.flatMap(\.credential.statusAllocations)
        #expect(allocations.count == 360)
        #expect(Set(allocations).count == 360)
        #expect(try first.verifyAuditChain().isIntact)
    }

    @Test("A ledger that has read a list sees the indexes another ledger took since, down to the last free one")
    func cacheSeesOtherWriters() throws {
        let fixture = try LedgerFixture()
        let first = try fixture.ledger(listSize: 16)
        let second = try fixture.ledger(listSize: 16)
        let opening = try first.issueFake(LedgerFixture.pending(learner: 0)).credential
        var taken = Set(opening.statusAllocations)
        for learner in 1..<15 {
            taken.formUnion(try second.issueFake(LedgerFixture.pending(learner: learner)).credential.statusAllocations)
        }
        // One index of each list is left; the first ledger must find exactly that one.
        let last = try first.issueFake(LedgerFixture.pending(learner: 15)).credential
        for allocation in last.statusAllocations {
            #expect(allocation.listNumber == 1)
            let expected = (0..<16).first { index in
                !taken.contains(StatusAllocation(purpose: allocation.purpose, listNumber: 1, index: index))
            }
            #expect(allocation.index == expected)
        }
        // Both lists are full now: the next credential opens list 2 of each purpose.
        let next = try first.issueFake(LedgerFixture.pending(learner: 16)).credential
        #expect(next.statusAllocations.map(\.listNumber) == [2, 2])
    }
}
