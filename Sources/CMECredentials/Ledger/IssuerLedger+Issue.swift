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
        let request = LedgerIssueRequest(pending, replacing: replacedID)
        let results = try issue([request], atomically: true) { assignments in
            FinishedBuild(
                built: assignments.map { assignment in
                    Result { () throws(CredentialError) -> [UInt8] in try build(assignment) }
                })
        }
        guard let result = results.first else {
            throw CredentialError(.ledger, "the ledger returned no outcome", location: path)
        }
        return try result.get()
    }
}

extension StatusAllocation {
    /// `{"purpose", "list", "index"}`, as audit details record it.
    public var json: JSONValue {
        ["purpose": .string(purpose.rawValue), "list": .number(Double(listNumber)), "index": .number(Double(index))]
    }
}
