public import VerifiableCredentials

/// The one place that says which Data Integrity cryptosuite a new issuer signs with, and which suites an
/// issuer directory may name.
///
/// A new issuer directory records the suite it was created with, so changing ``defaultName`` changes new
/// issuers only.
public enum IssuanceSuites {
    /// The suite `issuer init` writes into a new `issuer.json` for an Ed25519 key.
    public static let defaultName = "eddsa-jcs-2022"

    /// The suites an issuer may sign with.
    public static var available: CryptosuiteSet { .jcs }

    /// The default suite for a key of `type`: ``defaultName`` for Ed25519, `ecdsa-jcs-2019` for P-256/P-384.
    public static func defaultName(for type: KeyType) -> String {
        type == .ed25519 ? defaultName : ECDSAJCS2019().name
    }

    /// The suite called `name`.
    ///
    /// - Throws: ``CredentialError`` `unknownCryptosuite` when no available suite has that name.
    public static func suite(named name: String) throws(CredentialError) -> any Cryptosuite {
        guard let suite = available[name] else {
            throw CredentialError(
                .unknownCryptosuite,
                "unknown cryptosuite \(name); choose one of \(available.names.joined(separator: ", "))")
        }
        return suite
    }
}
