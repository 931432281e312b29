/// Resolves only the verification methods an issuer registry lists; the controller is the listing issuer.
///
/// Nothing else resolves (not even `did:key`), so a proof by an unlisted key fails `keyNotRegistered`.
/// The key's validity window and revocation are in ``registeredKey(_:)``; the caller judges them against the
/// proof's `created` time.
public struct RegistryResolver: VerificationMethodResolver {
    public let registry: IssuerRegistry

    public init(registry: IssuerRegistry) { self.registry = registry }

    public func resolve(_ id: String) throws(CredentialError) -> VerificationMethod {
        guard let (issuer, key) = registry.key(id) else {
            throw CredentialError(.keyNotRegistered, "the registry lists no key \(id)")
        }
        guard let publicKey = key.publicKey else {
            throw CredentialError(
                .unsupportedKeyType,
                "the registry key \(id) is an RSA key, which signs JWTs only, never Data Integrity proofs")
        }
        return .multikey(id: key.id, controller: issuer.id, publicKey: publicKey)
    }

    /// The registered key with this id, with the issuer that lists it.
    public func registeredKey(_ id: String) -> (issuer: RegisteredIssuer, key: RegisteredKey)? {
        registry.key(id)
    }
}
