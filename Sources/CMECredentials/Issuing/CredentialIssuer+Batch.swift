public import Foundation
public import VerifiableCredentials

extension CredentialIssuer {
    /// Issues the credentials of many records in one ledger transaction, building and signing them on all
    /// cores while the ledger records the ones signed before, with the guarantees of ``issue(_:reissue:now:)`` for each record.
    ///
    /// - Parameters:
    ///   - records: the records, in the order their audit events are chained; the same (activity,
    ///     learner) pair twice gives the second one the first one's credential.
    ///   - reissue: issue a new credential for every record that has one in force, revoking the old one.
    ///   - now: the issue time.
    /// - Returns: one result per record, in order: the outcome, or that record's own error
    ///   (`recordNotIssuable`, `invalidStatusChange`, `unknownCredential`, a signing error).
    /// - Throws: ``CredentialError`` `securingNotSupported` when the key cannot secure as ``securing`` says;
    ///   `ledger` for database failures; then nothing of the batch is recorded.
    public func issue(_ records: [ActivityRecord], reissue: Bool = false, now: Date) throws(CredentialError)
        -> [Result<IssueOutcome, CredentialError>]
    {
        try issue(prepare(records, now: now), reissue: reissue)
    }

    /// What a batch transaction needs of its records before it starts, computed without the ledger (on all
    /// cores): each record's ledger fields, record hash and new credential id, and the achievement of its
    /// activity (built once per activity). A caller may prepare the next transaction's records while the
    /// ledger records the current one.
    public func prepare(_ records: [ActivityRecord], now: Date) -> PreparedRecords {
        let pendings = ConcurrentMap.map(records, slices: ConcurrentMap.cores * 4) { record in
            pendingIssue(for: record, now: now)
        }
        // The records of one activity share their achievement (and the name, award sentence and results that
        // follow from it): build them once per activity, not per credential, and write the achievement's text
        // once for all their credentials (``JSONFragments``).
        var shared: [AchievementKey: CMECredentialBuilder.ActivityParts] = [:]
        let parts = records.map { record in
            let key = AchievementKey(record)
            if let parts = shared[key] { return parts }
            let parts = builder.activityParts(record)
            shared[key] = parts
            return parts
        }
        let fragments = JSONFragments(shared.values.map(\.achievement))
        // The ledger's requests too: building them on the ledger's thread cost about 1.5 µs per credential.
        var requests: [LedgerIssueRequest] = []
        requests.reserveCapacity(records.count)
        var recordByID: [String: Int] = [:]
        recordByID.reserveCapacity(records.count)
        for (index, pending) in pendings.enumerated() {
            recordByID[pending.credentialID] = index
            // The achievement's text is in a Data Integrity credential's JSON (a vc+jwt is base64url).
            let sharedText = securing == .dataIntegrity ? fragments.compactText(of: parts[index].achievement) : nil
            requests.append(LedgerIssueRequest(pending, sharedText: sharedText))
        }
        return PreparedRecords(
            records: records, requests: requests, recordIndexes: recordByID, parts: parts,
            fragments: fragments, now: now)
    }

    /// Issues prepared records in one ledger transaction, as ``issue(_:reissue:now:)`` does; `beforeCommit`
    /// runs as ``IssuerLedger/issue(_:beforeCommit:build:)`` says.
    ///
    /// - Throws: as ``issue(_:reissue:now:)``.
    public func issue(_ prepared: PreparedRecords, reissue: Bool = false, beforeCommit: () -> Void = {})
        throws(CredentialError) -> [Result<IssueOutcome, CredentialError>]
    {
        try checkSecuring(securing)
        let records = prepared.records
        let parts = prepared.parts
        let fragments = prepared.fragments
        let now = prepared.now
        var requests = prepared.requests
        if reissue {
            for index in requests.indices {
                let pending = requests[index].pending
                requests[index].replacing =
                    try ledger.lookup(activityID: pending.activityID, learnerKey: pending.learnerKey)?.credentialID
            }
        }
        let recordIndexes = prepared.recordIndexes
        return try ledger.issue(requests, beforeCommit: beforeCommit) { [self] assignments in
            assignments.map { assignment -> Result<[UInt8], CredentialError> in
                guard let index = recordIndexes[assignment.credentialID] else {
                    return .failure(CredentialError(.ledger, "the ledger assigned an unknown credential id"))
                }
                return Result { () throws(CredentialError) -> [UInt8] in
                    try signedBytes(
                        for: records[index], assignment: assignment, now: now, shared: parts[index],
                        reusing: fragments)
                }
            }
        }
    }
}

/// Records prepared for one batch transaction (``CredentialIssuer/prepare(_:now:)``).
public struct PreparedRecords: Sendable {
    /// The records, in order.
    public let records: [ActivityRecord]
    /// What the ledger records of each (not replacing anything yet: that needs the ledger).
    let requests: [LedgerIssueRequest]
    /// Each record's position, by the id of its new credential.
    let recordIndexes: [String: Int]
    /// Each record's activity parts (its achievement first), shared by the records of one activity.
    let parts: [CMECredentialBuilder.ActivityParts]
    /// The text of the shared achievements, written once.
    let fragments: JSONFragments
    /// The issue time.
    let now: Date
}
