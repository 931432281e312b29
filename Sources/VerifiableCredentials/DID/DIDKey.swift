/// The `did:key` method: a DID that is its own public key, resolved offline by pure computation.
///
/// The DID is `did:key:<publicKeyMultibase>` and its one verification method is
/// `did:key:<publicKeyMultibase>#<publicKeyMultibase>`, a `Multikey`.
public enum DIDKey {
    /// The `did:key:` prefix.
    public static let prefix = "did:key:"

    /// The DID of `key`: `did:key:<multibase>`.
    public static func did(for key: PublicKey) -> String {
        prefix + key.multibase
    }

    /// The verification method id of `key`: `did:key:<multibase>#<multibase>`.
    public static func verificationMethodID(for key: PublicKey) -> String {
        did(for: key) + "#" + key.multibase
    }

    /// The verification method of `key`.
    public static func verificationMethod(for key: PublicKey) -> VerificationMethod {
        .multikey(id: verificationMethodID(for: key), controller: did(for: key), publicKey: key)
    }

    /// Resolves a `did:key` DID or DID URL to its verification method.
    ///
    /// Accepts `did:key:<mb>` and `did:key:<mb>#<mb>`.
    /// - Throws: ``CredentialError`` `unresolvableDID` for another DID method (no network resolution),
    ///   `invalidDID` for a malformed DID, a path or query, a fragment that is not the key's own, or a
    ///   key that does not decode.
    public static func resolve(_ didOrURL: String) throws(CredentialError) -> VerificationMethod {
        guard didOrURL.hasPrefix(prefix) else {
            if didOrURL.hasPrefix("did:") {
                throw CredentialError(
                    .unresolvableDID,
                    "Only did:key can be resolved offline; \"\(didOrURL)\" uses another method.")
            }
            throw .invalidDID(didOrURL, "it does not start with \"did:\"")
        }
        let rest = didOrURL.dropFirst(prefix.count)
        let parts = rest.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let identifier = String(parts[0])
        guard !identifier.isEmpty, !identifier.contains(where: { "/?:".contains($0) }) else {
            throw .invalidDID(didOrURL, "expected did:key:<publicKeyMultibase> with no path or query")
        }
        if parts.count == 2, parts[1] != identifier {
            throw .invalidDID(didOrURL, "the fragment must repeat the key (#\(identifier))")
        }
        let key: PublicKey
        do {
            key = try PublicKey(multibase: identifier)
        } catch {
            throw .invalidDID(didOrURL, error.message)
        }
        // Base58btc (`z`) is one-to-one, so an identifier that decoded is the key's multibase: no need to encode
        // it again (verification resolves a did:key per proof). Other multibase forms are re-encoded.
        guard identifier.hasPrefix("z") else { return verificationMethod(for: key) }
        let did = prefix + identifier
        return .multikey(id: did + "#" + identifier, controller: did, publicKey: key)
    }

    /// The DID document of `key`'s `did:key`, with its one `Multikey` verification method referenced from
    /// `authentication`, `assertionMethod`, `capabilityInvocation` and `capabilityDelegation`.
    public static func document(for key: PublicKey) -> JSONValue {
        let method = verificationMethod(for: key)
        let reference = JSONValue.array([.string(method.id)])
        return [
            "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
            "id": .string(method.controller),
            "verificationMethod": [method.json],
            "authentication": reference,
            "assertionMethod": reference,
            "capabilityInvocation": reference,
            "capabilityDelegation": reference,
        ]
    }

    /// Resolves a `did:key` DID (or DID URL) to its DID document.
    ///
    /// - Throws: the same errors as ``resolve(_:)``.
    public static func resolveDocument(_ didOrURL: String) throws(CredentialError) -> JSONValue {
        document(for: try resolve(didOrURL).publicKey)
    }
}
