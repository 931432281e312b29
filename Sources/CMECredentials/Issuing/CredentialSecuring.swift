/// How the issuer secures each credential it signs.
///
/// The ledger, the status lists and the issuer directory are the same either way; only the recorded bytes
/// differ: pretty JSON with a Data Integrity proof, or a compact `vc+jwt` (VC-JOSE-COSE) whose `kid` is the
/// issuer's verification method and whose `iat` is the issue time.
public enum CredentialSecuring: String, Sendable, Hashable, CaseIterable {
    /// A Data Integrity proof with the issuer's configured cryptosuite.
    case dataIntegrity = "data-integrity"
    /// A `vc+jwt`: EdDSA, ES256, ES384 or RS256 by the issuer's key type.
    case jwt

    /// The file extension of a credential secured this way: `json` or `jwt`.
    public var fileExtension: String { self == .jwt ? "jwt" : "json" }
}
