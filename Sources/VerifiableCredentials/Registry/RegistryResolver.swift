/// Resolves only the verification methods an issuer registry lists; the controller is the listing issuer.
///
/// Nothing else resolves (not even `did:key`), so a proof by an unlisted key fails `keyNotRegistered`.
/// The key's validity window and revocation are in ``registeredKey(_:)``; the caller judges them against the
/// proof's `created` time.
public struct RegistryResolver: VerificationMethodResolver {
    public let registry: IssuerRegistry
    private let index: RegistryIndex

    /// A resolver over `registry`, which it indexes (every key's verification method is made here): keep one
    /// resolver for many resolutions.
    public init(registry: IssuerRegistry) { self.init(registry: registry, index: RegistryIndex(registry)) }

    /// A resolver over `index`, which must have been built from `registry`.
    init(registry: IssuerRegistry, index: RegistryIndex) {
        self.registry = registry
        self.index = index
    }

    public func resolve(_ id: String) throws(CredentialError) -> VerificationMethod {
        if let method = index.method(id) { return method }
        guard index.key(id) != nil else {
            throw CredentialError(.keyNotRegistered, "the registry lists no key \(id)")
        }
        throw CredentialError(
            .unsupportedKeyType,
            "the registry key \(id) is an RSA key, which signs JWTs only, never Data Integrity proofs")
    }

    /// The registered key with this id, with the issuer that lists it.
    public func registeredKey(_ id: String) -> (issuer: RegisteredIssuer, key: RegisteredKey)? {
        index.key(id)
    }
}
