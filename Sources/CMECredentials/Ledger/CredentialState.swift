/// Where a credential stands in the issuer ledger.
///
/// `active` → `suspended` → `active` may repeat; `revoked` is final and may follow either.
public enum CredentialState: String, Sendable, Hashable, CaseIterable {
    /// Issued and in force.
    case active
    /// Temporarily not to be accepted; ``IssuerLedger/reinstate(credentialID:reason:at:)`` lifts it.
    case suspended
    /// Cancelled for good.
    case revoked
}
