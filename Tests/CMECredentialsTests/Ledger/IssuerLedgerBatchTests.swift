import CMECredentials
import Foundation
import GRDB
import Testing
import VerifiableCredentials

@Suite("Issuer ledger: many credentials in one transaction")
struct IssuerLedgerBatchTests {
    static func fakeBuild(_ assignments: [StatusAssignment]) -> [Result<[UInt8], CredentialError>] {
        assignments.map { .success(LedgerFixture.fakeCredential($0)) }
    }

    /// A build that fails for the credential `failing` and fakes every other one.
    static func build(failing: String) -> @Sendable ([StatusAssignment]) -> [Result<[UInt8], CredentialError>] {
        { assignments in
            assignments.map { assignment in
                assignment.credentialID == failing
                    ? .failure(CredentialError(.recordNotIssuable, "not this one"))
                    : .success(LedgerFixture.fakeCredential(assignment))
            }
        }
    }

    @Test("A batch records every credential with unique indexes, rolls lists over and chains one event each")
    func batch() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger(listSize: 8)
        let requests = (0..<20).map { LedgerIssueRequest(LedgerFixture.pending(learner: $0)) }
        let results = try ledger.issue(requests, build: Self.fakeBuild)
        let credentials = try results.map { result -> LedgerCredential in
            guard case .issued(let credential) = try result.get() else { throw CredentialError(.ledger, "not new") }
            return credential
        }
        #expect(credentials.map(\.credentialID) == requests.map(\.pending.credentialID))
        for purpose in [StatusPurpose.revocation, .suspension] {
            let positions = credentials.compactMap { $0.statusAllocations.first { $0.purpose == purpose } }
            #expect(Set(positions.map { [$0.listNumber, $0.index] }).count == 20)
            let lists = try ledger.allLists().filter { $0.purpose == purpose }
            #expect(lists.map(\.allocated) == [8, 8, 4])
        }
        #expect(try ledger.credentialCount() == 20)
        let report = try ledger.verifyAuditChain()
        #expect(report.isIntact)
        #expect(report.eventCount == 20)
    }

    @Test("beforeCommit runs once, before any credential is committed")
    func beforeCommit() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger(listSize: 8)
        // A second ledger on the same directory sees only what has been committed.
        let observer = try fixture.ledger(listSize: 8)
        let requests = (0..<150).map { LedgerIssueRequest(LedgerFixture.pending(learner: $0)) }
        var seen: [Int] = []
        let results = try ledger.issue(requests, beforeCommit: { seen.append((try? observer.credentialCount()) ?? -1) })
        {
            assignments in Self.fakeBuild(assignments)
        }
        #expect(seen == [0])
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        #expect(try observer.credentialCount() == 150)
    }

    @Test("The same activity and learner twice in one batch: the second gets the first one's credential")
    func duplicateInBatch() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger()
        let first = LedgerFixture.pending(learner: 4)
        var again = LedgerFixture.pending(learner: 4)
        again.credentialID = "urn:uuid:again"
        let results = try ledger.issue(
            [
                LedgerIssueRequest(first), LedgerIssueRequest(LedgerFixture.pending(learner: 5)),
                LedgerIssueRequest(again),
            ],
            build: Self.fakeBuild)
        guard case .issued(let issued) = try results[0].get(), case .alreadyIssued(let found) = try results[2].get()
        else {
            Issue.record("expected issued then already issued, got \(results)")
            return
        }
        #expect(found == issued)
        #expect(try ledger.credentialCount() == 2)
    }

    @Test("A request whose build fails records nothing and uses no index; the others are recorded")
    func oneFails() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger()
        let requests = (0..<3).map { LedgerIssueRequest(LedgerFixture.pending(learner: $0)) }
        let failing = requests[1].pending.credentialID
        let results = try ledger.issue(requests, build: Self.build(failing: failing))
        #expect(throws: CredentialError.self) { try results[1].get() }
        #expect(try ledger.credential(id: failing) == nil)
        #expect(try ledger.credentialCount() == 2)
        #expect(try ledger.allLists().map(\.allocated) == [2, 2])
        let allocations = try fixture.rawDatabase().read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM credentials c, json_each(c.status_positions)")
        }
        #expect(allocations == 4)
        #expect(try ledger.verifyAuditChain().eventCount == 2)
    }

    @Test("A batch larger than one build slice keeps request order, and a failure in a later slice stays its own")
    func manySlices() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger()
        let requests = (0..<300).map { LedgerIssueRequest(LedgerFixture.pending(learner: $0)) }
        let failing = requests[200].pending.credentialID
        let results = try ledger.issue(requests, build: Self.build(failing: failing))
        let issued = results.map { result -> String? in
            guard case .success(.issued(let credential)) = result else { return nil }
            return credential.credentialID
        }
        let expected = requests.map { $0.pending.credentialID == failing ? nil : $0.pending.credentialID }
        #expect(issued == expected)
        #expect(try ledger.credentialCount() == 299)
        #expect(try ledger.verifyAuditChain().eventCount == 299)
    }

    @Test("A list that fills while slices are signed ahead rolls over; a failed build's index stays unused")
    func rolloverWithSlicesInFlight() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger(listSize: 200)
        let requests = (0..<300).map { LedgerIssueRequest(LedgerFixture.pending(learner: $0)) }
        let failing = requests[150].pending.credentialID
        let results = try ledger.issue(requests, build: Self.build(failing: failing))
        let allocations = results.flatMap { result -> [StatusAllocation] in
            guard case .success(.issued(let credential)) = result else { return [] }
            return credential.statusAllocations
        }
        #expect(allocations.count == 598)
        #expect(Set(allocations).count == 598)
        #expect(Set(allocations.map(\.listNumber)) == [1, 2])
        #expect(allocations.allSatisfy { (0..<200).contains($0.index) })
        // The next batch finds the one index the failed build gave back, or a new one, never a taken one.
        let more = try ledger.issue(
            (300..<400).map { LedgerIssueRequest(LedgerFixture.pending(learner: $0)) },
            build: Self.build(failing: "none"))
        let later = more.flatMap { result -> [StatusAllocation] in
            guard case .success(.issued(let credential)) = result else { return [] }
            return credential.statusAllocations
        }
        #expect(later.count == 200)
        #expect(Set(allocations + later).count == 798)
    }
}
