import VerifiableCredentials

extension IssuerLedger {
    /// A request of a batch that needs a new credential: its index in the batch and its status assignment.
    typealias Job = (request: Int, assignment: StatusAssignment)
}

/// The credentials of one slice of a batch, being built (signed) while the ledger records the slice before.
protocol PendingBuild {
    /// Waits for the slice and returns one result per assignment.
    func results() -> [Result<[UInt8], CredentialError>]
}

/// A slice built before the call returns, on the calling thread (a single credential).
struct FinishedBuild: PendingBuild {
    let built: [Result<[UInt8], CredentialError>]

    func results() -> [Result<[UInt8], CredentialError>] { built }
}
