import Dispatch
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

/// A slice built on a background thread.
final class BackgroundBuild: PendingBuild, @unchecked Sendable {
    // `@unchecked Sendable` is safe: `built` is written once by the background block before it leaves `done`,
    // and read only after `done.wait()`, which orders the two.
    private let done = DispatchGroup()
    private var built: [Result<[UInt8], CredentialError>] = []

    /// Starts building `assignments` with `build`.
    init(
        _ assignments: [StatusAssignment],
        _ build: @escaping @Sendable ([StatusAssignment]) -> [Result<[UInt8], CredentialError>]
    ) {
        DispatchQueue.global().async(group: done) { self.built = build(assignments) }
    }

    func results() -> [Result<[UInt8], CredentialError>] {
        done.wait()
        return built
    }
}
