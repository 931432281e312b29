/// Resolves the verification methods an issuer registry lists, and any `did:key` besides: what a wallet needs to
/// check proofs on import, where credentials come from registered issuers and from physicians' own keys.
///
/// A method the registry lists resolves from the registry (its controller the listing issuer), errors included: an
/// RSA registry key stays refused, and is never looked up again as something else. A `did:key` the registry does
/// not list is decoded from its DID. Anything else fails with the registry's `keyNotRegistered`.
public struct RegistryOrDIDKeyResolver: VerificationMethodResolver {
    public let registry: RegistryResolver

    /// A resolver over `registry`, which it indexes: keep one resolver for many resolutions.
    public init(registry: IssuerRegistry) { self.registry = RegistryResolver(registry: registry) }

    public func resolve(_ id: String) throws(CredentialError) -> VerificationMethod {
        guard registry.registeredKey(id) == nil, id.hasPrefix("did:key:") else { return try registry.resolve(id) }
        return try DIDKeyResolver().resolve(id)
    }
}
