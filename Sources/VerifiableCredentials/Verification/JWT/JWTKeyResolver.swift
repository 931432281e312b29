/// A JWS key found from the header's `kid`, with the DID that controls it.
public struct ResolvedJWTKey: Sendable {
    public var key: JWSPublicKey
    /// The DID that controls the key: the registry issuer that lists it, or the `did:key` itself.
    public var controller: String
    /// The registry entry, when the key came from the registry.
    public var registered: RegisteredKey?
}

/// Finds the key a JWS names in `kid`, offline: a verification method listed in the issuer registry (any key
/// type, RSA included), else a `did:key` method.
public struct JWTKeyResolver: Sendable {
    /// The registry to look `kid` up in; `nil` for a holder's key, which is always a `did:key`.
    public var registry: IssuerRegistry? {
        didSet { index = registry.map(RegistryIndex.init) }
    }
    /// The registry's keys by id, rebuilt whenever the registry changes.
    private var index: RegistryIndex?

    public init(registry: IssuerRegistry?) {
        self.registry = registry
        self.index = registry.map(RegistryIndex.init)
    }

    /// A resolver over `index`, which must have been built from `registry`.
    init(registry: IssuerRegistry, index: RegistryIndex) {
        self.registry = registry
        self.index = index
    }

    /// The key `header.kid` names.
    ///
    /// - Throws: ``CredentialError`` `jwtKeyIDMissing` without `kid`; `keyNotRegistered` for a `kid` the
    ///   registry does not list and that is not a `did:key`; the `did:key` errors for a malformed `did:key`.
    public func resolve(_ header: JWSHeader) throws(CredentialError) -> ResolvedJWTKey {
        guard let kid = header.kid, !kid.isEmpty else {
            throw CredentialError(
                .jwtKeyIDMissing, "the JWS header has no kid naming the signing key's verification method",
                location: "JWS header kid")
        }
        if let (issuer, key) = index?.key(kid) {
            return ResolvedJWTKey(key: key.verificationKey, controller: issuer.id, registered: key)
        }
        guard kid.hasPrefix(DIDKey.prefix) else {
            throw CredentialError(
                .keyNotRegistered,
                registry == nil
                    ? "the key \(kid) is not a did:key; a holder signs with a did:key"
                    : "the registry lists no key \(kid), and it is not a did:key",
                location: "JWS header kid")
        }
        let method = try DIDKey.resolve(kid)
        return ResolvedJWTKey(key: .key(method.publicKey), controller: method.controller, registered: nil)
    }
}
