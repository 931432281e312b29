import Foundation
import GRDB
public import VerifiableCredentials

extension IssuerLedger {
    /// Records one credential: allocates its status indexes, lets `build` make and sign the credential
    /// with them, and stores the row, the allocations and an `issue` audit event, all in one transaction.
    ///
    /// Write the credential file only after this returns: if the process dies before the commit, the
    /// ledger holds nothing and a rerun issues the credential again; after the commit, a rerun finds it
    /// (``IssueOutcome/alreadyIssued(_:)``) and can rewrite the file from ``LedgerCredential/credentialBytes``.
    ///
    /// - Parameters:
    ///   - pending: the credential's id, idempotency key, source record hash and the fields to keep.
    ///   - replacedID: a credential in force to revoke and replace (reissue); it is marked revoked with
    ///     `replaced_by` in the same transaction.
    ///   - build: builds and signs the credential for the given status positions and returns its bytes.
    ///     It runs inside the transaction (keep it short; other writers wait). If it throws, nothing is
    ///     recorded and no index is used.
    /// - Returns: ``IssueOutcome/issued(_:)``, or ``IssueOutcome/alreadyIssued(_:)`` without calling
    ///   `build` when the (activity, learner) pair already has a credential in force.
    /// - Throws: the error `build` throws; ``CredentialError`` `unknownCredential` or `invalidStatusChange`
    ///   for a bad `replacedID`; `ledger` for database failures.
    @discardableResult
    public func issue(
        _ pending: PendingIssue, replacing replacedID: String? = nil,
        build: (StatusAssignment) throws(CredentialError) -> [UInt8]
    ) throws(CredentialError) -> IssueOutcome {
        let listSize = self.listSize
        return try writeTransaction { db in
            if let existing = try LedgerRows.credentialInForce(
                db, activityID: pending.activityID, learnerKey: pending.learnerKey),
                existing.credentialID != replacedID
            {
                return .alreadyIssued(existing)
            }
            if let replacedID {
                try retire(db, replacedID, replacement: pending.credentialID, at: pending.issuedAt)
            }

            var generator = SystemRandomNumberGenerator()
            var purposes: [StatusPurpose] = []
            for purpose in pending.statusPurposes where !purposes.contains(purpose) { purposes.append(purpose) }
            let allocations = try purposes.map { purpose in
                try StatusIndexAllocator.allocate(
                    db, purpose: purpose, listSize: listSize, at: pending.issuedAt, using: &generator)
            }
            let assignment = StatusAssignment(credentialID: pending.credentialID, allocations: allocations)
            let bytes = try build(assignment)

            let credential = LedgerCredential(
                credentialID: pending.credentialID, activityID: pending.activityID, learnerKey: pending.learnerKey,
                recordHash: pending.recordHash, issuedAt: pending.issuedAt, credentialBytes: bytes, state: .active,
                replacedBy: nil, statusAllocations: allocations, learner: pending.learner, activity: pending.activity,
                credits: pending.credits)
            try LedgerRows.insert(db, credential)
            var details = JSONObject()
            details["activityID"] = .string(pending.activityID)
            details["learnerKey"] = .string(pending.learnerKey)
            details["recordHash"] = .string(pending.recordHash)
            details["status"] = .array(allocations.map(\.json))
            if let replacedID { details["replaces"] = .string(replacedID) }
            try AuditLog.append(
                db, kind: .issue, credentialID: pending.credentialID, details: .object(details), at: pending.issuedAt)
            return .issued(credential)
        }
    }

    /// Revokes a credential in force because `replacement` takes its place.
    private func retire(_ db: Database, _ credentialID: String, replacement: String, at now: Date) throws {
        guard let old = try LedgerRows.credential(db, id: credentialID) else {
            throw CredentialError(.unknownCredential, "no credential \(credentialID) to replace", location: path)
        }
        guard old.state != .revoked else {
            throw CredentialError(
                .invalidStatusChange, "credential \(credentialID) is revoked and cannot be replaced", location: path)
        }
        try db.execute(
            sql: "UPDATE credentials SET state = 'revoked', replaced_by = ? WHERE credential_id = ?",
            arguments: [replacement, credentialID])
        try AuditLog.append(
            db, kind: .revoke, credentialID: credentialID,
            details: ["reason": .string("replaced by \(replacement)"), "from": .string(old.state.rawValue)], at: now)
    }
}

extension StatusAllocation {
    /// `{"purpose", "list", "index"}`, as audit details record it.
    public var json: JSONValue {
        ["purpose": .string(purpose.rawValue), "list": .number(Double(listNumber)), "index": .number(Double(index))]
    }
}
