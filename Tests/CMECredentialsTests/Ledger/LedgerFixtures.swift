import CMECredentials
import Foundation
import GRDB
import VerifiableCredentials

/// A fresh issuer directory per test, and pending issues that differ by learner.
struct LedgerFixture {
    let directory: URL

    init() throws {
        directory = try FixtureFolders.make("ledger-tests")
    }

    func ledger(listSize: Int = IssuerLedger.defaultListSize) throws -> IssuerLedger {
        try IssuerLedger(directory: directory, listSize: listSize)
    }

    /// A raw connection, for tampering with the file the way an attacker with `sqlite3` would.
    func rawDatabase() throws -> DatabaseQueue {
        try DatabaseQueue(path: directory.appendingPathComponent(IssuerLedger.fileName).path)
    }

    static let now = Date(timeIntervalSince1970: 1_767_225_600)

    static func pending(learner number: Int, activity: String = "ACT-2026-001") -> PendingIssue {
        PendingIssue(
            credentialID: "urn:uuid:\(UUID().uuidString.lowercased())", learnerKey: "learner-\(number)",
            recordHash: "sha256-\(number)", issuedAt: now.addingTimeInterval(Double(number)),
            learner: LedgerLearner(
                givenName: "Given\(number)", familyName: "Family", npi: "1234567893", licenses: ["CA:A\(number)"],
                boardIDs: ["ABIM:\(number)"], dateOfBirth: "01-31", email: "l\(number)@example.org"),
            activity: LedgerActivity(
                id: activity, title: "Opioid prescribing update", format: "course", completionDate: "2026-01-15"),
            credits: ["AMA_PRA_CAT1": 1.5])
    }

    /// Bytes standing in for a signed credential.
    static func fakeCredential(_ assignment: StatusAssignment) -> [UInt8] {
        let statuses = assignment.allocations.map { "\($0.purpose)/\($0.listNumber)#\($0.index)" }
        return Array("{\"id\":\"\(assignment.credentialID)\",\"status\":\"\(statuses.joined(separator: ","))\"}".utf8)
    }
}

extension IssuerLedger {
    /// Issues with stand-in credential bytes.
    @discardableResult
    func issueFake(_ pending: PendingIssue, replacing: String? = nil) throws -> IssueOutcome {
        try issue(pending, replacing: replacing) { assignment throws(CredentialError) in
            LedgerFixture.fakeCredential(assignment)
        }
    }
}
