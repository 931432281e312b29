/// Finds the public key behind a proof's `verificationMethod`.
///
/// The default resolves `did:key` locally; the issuer registry (a trust anchor file) provides another.
/// Nothing is ever fetched from the network.
public protocol VerificationMethodResolver: Sendable {
    /// The verification method with this id, or an error (`unresolvableVerificationMethod`).
    func resolve(_ id: String) throws(CredentialError) -> VerificationMethod
}

/// Resolves `did:key` verification methods from the identifier itself.
public struct DIDKeyResolver: VerificationMethodResolver {
    public init() {}

    public func resolve(_ id: String) throws(CredentialError) -> VerificationMethod {
        guard id.hasPrefix("did:key:") else {
            throw CredentialError(
                .unresolvableVerificationMethod,
                "cannot resolve \(id) offline: only did:key verification methods resolve without a registry")
        }
        return try DIDKey.resolve(id)
    }
}
