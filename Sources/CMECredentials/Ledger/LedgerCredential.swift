public import Foundation
public import VerifiableCredentials

/// A credential as the issuer ledger records it.
public struct LedgerCredential: Sendable, Hashable {
    public var credentialID: String
    public var activityID: String
    public var learnerKey: String
    public var recordHash: String
    public var issuedAt: Date
    /// The signed credential exactly as it was built: compact JSON (a `cmevc issue` output file holds it laid
    /// out pretty; ledgers written before 2026-11-24 hold the pretty form), or a compact `vc+jwt`.
    public var credentialBytes: [UInt8]
    public var state: CredentialState
    /// The credential that replaced this one, when it was reissued.
    public var replacedBy: String?
    /// The status positions the credential holds.
    public var statusAllocations: [StatusAllocation]
    public var learner: LedgerLearner
    public var activity: LedgerActivity
    /// The credits claimed, by credit system code.
    public var credits: JSONValue
}

/// What ``IssuerLedger/issue(_:replacing:build:)`` did.
public enum IssueOutcome: Sendable, Hashable {
    /// A new credential was recorded.
    case issued(LedgerCredential)
    /// The (activity, learner) pair already had a credential that is not revoked; nothing was written.
    case alreadyIssued(LedgerCredential)

    /// The credential recorded now or before.
    public var credential: LedgerCredential {
        switch self {
        case .issued(let credential), .alreadyIssued(let credential): credential
        }
    }
}
