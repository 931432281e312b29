public import Foundation
import GRDB
public import VerifiableCredentials

extension IssuerLedger {
    /// Revokes a credential for good (from active or suspended).
    ///
    /// - Throws: ``CredentialError`` `unknownCredential`, `invalidStatusChange` when it is already revoked,
    ///   `noStatusEntry` when it has no revocation entry, `ledger` for database failures.
    @discardableResult
    public func revoke(credentialID: String, reason: String? = nil, at now: Date) throws(CredentialError)
        -> LedgerCredential
    {
        try changeState(
            credentialID, to: .revoked, from: [.active, .suspended], needs: .revocation, kind: .revoke, reason: reason,
            at: now)
    }

    /// Suspends an active credential.
    ///
    /// - Throws: ``CredentialError`` `invalidStatusChange` unless the credential is active; `noStatusEntry`
    ///   when it has no suspension entry; `unknownCredential`; `ledger`.
    @discardableResult
    public func suspend(credentialID: String, reason: String? = nil, at now: Date) throws(CredentialError)
        -> LedgerCredential
    {
        try changeState(
            credentialID, to: .suspended, from: [.active], needs: .suspension, kind: .suspend, reason: reason, at: now)
    }

    /// Lifts a suspension; a revoked or active credential cannot be reinstated.
    ///
    /// - Throws: ``CredentialError`` `invalidStatusChange` unless the credential is suspended;
    ///   `unknownCredential`; `ledger`.
    @discardableResult
    public func reinstate(credentialID: String, reason: String? = nil, at now: Date) throws(CredentialError)
        -> LedgerCredential
    {
        try changeState(
            credentialID, to: .active, from: [.suspended], needs: .suspension, kind: .reinstate, reason: reason, at: now
        )
    }

    private func changeState(
        _ credentialID: String, to newState: CredentialState, from allowed: Set<CredentialState>,
        needs purpose: StatusPurpose, kind: AuditEventKind, reason: String?, at now: Date
    ) throws(CredentialError) -> LedgerCredential {
        let path = self.path
        return try writeTransaction { db in
            guard var credential = try LedgerRows.credential(db, id: credentialID) else {
                throw CredentialError(.unknownCredential, "no credential \(credentialID) in the ledger", location: path)
            }
            guard allowed.contains(credential.state) else {
                throw CredentialError(
                    .invalidStatusChange,
                    "cannot \(kind.rawValue) credential \(credentialID): it is \(credential.state.rawValue)"
                        + (credential.state == .revoked ? " (revocation is final)" : ""),
                    location: path)
            }
            guard credential.statusAllocations.contains(where: { $0.purpose == purpose }) else {
                throw CredentialError(
                    .noStatusEntry, "credential \(credentialID) has no \(purpose.rawValue) status entry", location: path
                )
            }
            try db.execute(
                sql: "UPDATE credentials SET state = ? WHERE credential_id = ?",
                arguments: [newState.rawValue, credentialID])
            var details = JSONObject()
            details["from"] = .string(credential.state.rawValue)
            if let reason { details["reason"] = .string(reason) }
            try AuditLog.append(db, kind: kind, credentialID: credentialID, details: .object(details), at: now)
            credential.state = newState
            return credential
        }
    }

    /// Every status list the ledger has opened, by purpose and number.
    public func allLists() throws(CredentialError) -> [StatusListInfo] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM status_lists ORDER BY purpose, list_number"
            ).map { row in
                StatusListInfo(
                    number: row["list_number"], purpose: StatusPurpose(row["purpose"] as String), size: row["size"],
                    allocated: row["allocated"],
                    createdAt: LedgerTime.parse(row["created_at"] as String) ?? Date(timeIntervalSince1970: 0))
            }
        }
    }

    /// The bitstring to publish for one list: a revocation list has the bits of revoked credentials set,
    /// a suspension list those of suspended ones; other purposes have no bits set.
    ///
    /// The bitstring has at least 131,072 entries even when the list hands out fewer indexes.
    /// - Throws: ``CredentialError`` `unknownStatusList` when there is no such list; `ledger`.
    public func statusList(number: Int, purpose: StatusPurpose) throws(CredentialError) -> BitstringStatusList {
        let path = self.path
        let (size, setIndexes) = try read { db in
            guard
                let size = try Int.fetchOne(
                    db, sql: "SELECT size FROM status_lists WHERE purpose = ? AND list_number = ?",
                    arguments: [purpose.rawValue, number])
            else {
                throw CredentialError(
                    .unknownStatusList, "the ledger has no \(purpose.rawValue) status list \(number)", location: path)
            }
            let state: CredentialState? =
                switch purpose {
                case .revocation: .revoked
                case .suspension: .suspended
                default: nil
                }
            guard let state else { return (size, [Int]()) }
            var indexes: [Int] = []
            let rows = try Row.fetchCursor(db, sql: Self.setIndexesQuery, arguments: [state.rawValue])
            while let row = try rows.next() {
                let id = (row["credential_id"] as String?) ?? "?"
                let positions = try StatusPositions.parse((row["status_positions"] as String?) ?? "", credentialID: id)
                for position in positions where position.purpose == purpose && position.listNumber == number {
                    indexes.append(position.index)
                }
            }
            return (size, indexes)
        }
        var list = try BitstringStatusList(entryCount: max(size, BitstringStatusList.minimumEntries))
        for index in setIndexes { try list.set(true, at: index) }
        return list
    }

    /// The status positions of the credentials in a state (the argument). `state != 'active'` repeats the
    /// condition of the partial index of credentials that are not active, so that SQLite reads those few
    /// through it instead of every credential.
    static let setIndexesQuery = """
        SELECT credential_id, status_positions FROM credentials WHERE state != 'active' AND state = ?
        """
}
