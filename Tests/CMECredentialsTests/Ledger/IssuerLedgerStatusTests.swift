import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

@Suite("Issuer ledger: revoke, suspend, reinstate and the lists to publish")
struct IssuerLedgerStatusTests {
    let fixture: LedgerFixture
    let ledger: IssuerLedger
    let at = LedgerFixture.now

    init() throws {
        fixture = try LedgerFixture()
        ledger = try fixture.ledger()
    }

    func issue(_ learner: Int) throws -> LedgerCredential {
        try ledger.issueFake(LedgerFixture.pending(learner: learner)).credential
    }

    @Test("Suspend, reinstate, then revoke; each is an audit event")
    func lifecycle() throws {
        let id = try issue(1).credentialID
        #expect(try ledger.suspend(credentialID: id, reason: "board inquiry", at: at).state == .suspended)
        #expect(try ledger.state(of: id) == .suspended)
        #expect(try ledger.reinstate(credentialID: id, at: at).state == .active)
        #expect(try ledger.revoke(credentialID: id, reason: "issued in error", at: at).state == .revoked)
        let events = try ledger.exportAudit()
        #expect(events.compactMap { $0["kind"]?.stringValue } == ["issue", "suspend", "reinstate", "revoke"])
        #expect(events[1]["details"]?["reason"] == "board inquiry")
        #expect(events[3]["details"]?["from"] == "active")
    }

    @Test("A suspended credential can be revoked")
    func revokeSuspended() throws {
        let id = try issue(2).credentialID
        try ledger.suspend(credentialID: id, at: at)
        #expect(try ledger.revoke(credentialID: id, at: at).state == .revoked)
    }

    /// (initial steps, forbidden change)
    static let forbidden: [(String, [String], String)] = [
        ("revoke twice", ["revoke"], "revoke"),
        ("reinstate a revoked credential", ["revoke"], "reinstate"),
        ("suspend a revoked credential", ["revoke"], "suspend"),
        ("reinstate an active credential", [], "reinstate"),
        ("suspend twice", ["suspend"], "suspend"),
        ("reinstate after suspend-revoke", ["suspend", "revoke"], "reinstate"),
    ]

    @Test("Forbidden changes are invalidStatusChange and leave no trace", arguments: 0..<forbidden.count)
    func forbiddenChange(case index: Int) throws {
        let (name, steps, change) = Self.forbidden[index]
        let id = try issue(3).credentialID
        for step in steps { try apply(step, id) }
        let before = try ledger.state(of: id)
        let eventsBefore = try ledger.exportAudit().count
        let error = #expect(throws: CredentialError.self, "\(name)") { try apply(change, id) }
        #expect(error?.code == .invalidStatusChange)
        #expect(try ledger.state(of: id) == before)
        #expect(try ledger.exportAudit().count == eventsBefore)
    }

    func apply(_ change: String, _ id: String) throws {
        switch change {
        case "revoke": try ledger.revoke(credentialID: id, at: at)
        case "suspend": try ledger.suspend(credentialID: id, at: at)
        default: try ledger.reinstate(credentialID: id, at: at)
        }
    }

    @Test("Changing an unknown credential is unknownCredential")
    func unknown() {
        let error = #expect(throws: CredentialError.self) { try ledger.revoke(credentialID: "urn:uuid:nope", at: at) }
        #expect(error?.code == .unknownCredential)
        let stateError = #expect(throws: CredentialError.self) { try ledger.state(of: "urn:uuid:nope") }
        #expect(stateError?.code == .unknownCredential)
    }

    @Test("A credential without a suspension entry cannot be suspended")
    func noSuspensionEntry() throws {
        var pending = LedgerFixture.pending(learner: 9)
        pending.statusPurposes = [.revocation]
        let id = try ledger.issueFake(pending).credential.credentialID
        let error = #expect(throws: CredentialError.self) { try ledger.suspend(credentialID: id, at: at) }
        #expect(error?.code == .noStatusEntry)
    }

    @Test("Published bits: revoked in the revocation list, suspended in the suspension list")
    func publishedBits() throws {
        let revoked = try issue(10)
        let suspended = try issue(11)
        let reinstated = try issue(12)
        let untouched = try issue(13)
        try ledger.revoke(credentialID: revoked.credentialID, at: at)
        try ledger.suspend(credentialID: suspended.credentialID, at: at)
        try ledger.suspend(credentialID: reinstated.credentialID, at: at)
        try ledger.reinstate(credentialID: reinstated.credentialID, at: at)

        func index(_ credential: LedgerCredential, _ purpose: StatusPurpose) throws -> Int {
            try #require(credential.statusAllocations.first { $0.purpose == purpose }).index
        }
        let revocationList = try ledger.statusList(number: 1, purpose: .revocation)
        let suspensionList = try ledger.statusList(number: 1, purpose: .suspension)
        #expect(revocationList.entryCount == 131_072)
        #expect(revocationList.setIndexes == [try index(revoked, .revocation)])
        #expect(suspensionList.setIndexes == [try index(suspended, .suspension)])
        #expect(try !revocationList.isSet(at: index(untouched, .revocation)))

        // What is published decodes to the same bits.
        let credential = BitstringStatusListCredential(
            id: "https://issuer.example/status/revocation/1", issuer: "did:web:issuer.example",
            statusPurpose: .revocation, list: revocationList)
        let read = try BitstringStatusListCredential(json: try credential.unsignedJSON())
        #expect(read.list.setIndexes == revocationList.setIndexes)

        let error = #expect(throws: CredentialError.self) { try ledger.statusList(number: 2, purpose: .revocation) }
        #expect(error?.code == .unknownStatusList)
    }

    @Test("A small test list still publishes at least 131,072 entries")
    func smallListPublishesMinimum() throws {
        let small = try fixture.ledger(listSize: 8)
        try small.issueFake(LedgerFixture.pending(learner: 1))
        let lists = try small.allLists()
        let newest = try #require(lists.first { $0.purpose == .revocation })
        #expect(try small.statusList(number: newest.number, purpose: .revocation).entryCount == 131_072)
    }
}
