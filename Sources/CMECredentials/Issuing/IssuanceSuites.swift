public import VerifiableCredentials

/// The one place that says which Data Integrity cryptosuite a new issuer signs with, and which suites an
/// issuer directory may name.
///
/// A new issuer directory records the suite it was created with, so changing ``defaultName`` changes new
/// issuers only.
public enum IssuanceSuites {
    /// The suite `issuer init` writes into a new `issuer.json` for an Ed25519 key: the ecosystem's
    /// interoperable default, which Open Badges 3.0 conformance uses.
    public static let defaultName = "eddsa-rdfc-2022"

    /// The names of the suites an issuer may sign with.
    public static let names = ["ecdsa-jcs-2019", "ecdsa-rdfc-2019", "eddsa-jcs-2022", "eddsa-rdfc-2022"]

    /// The default suite for a key of `type`: ``defaultName`` for Ed25519, `ecdsa-rdfc-2019` for P-256/P-384.
    public static func defaultName(for type: KeyType) -> String {
        type == .ed25519 ? defaultName : "ecdsa-rdfc-2019"
    }

    /// The suite called `name`.
    ///
    /// - Throws: ``CredentialError`` `unknownCryptosuite` when no available suite has that name.
    public static func suite(named name: String) throws(CredentialError) -> any Cryptosuite {
        guard let suite = try CMEContexts.suites()[name] else {
            throw CredentialError(
                .unknownCryptosuite, "unknown cryptosuite \(name); choose one of \(names.joined(separator: ", "))")
        }
        return suite
    }
}
