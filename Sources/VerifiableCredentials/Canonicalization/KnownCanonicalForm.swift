/// What a verifier already knows of a document's RFC 8785 canonical form, so that a JCS proof check hashes
/// it instead of canonicalizing the document again.
enum KnownCanonicalForm: Sendable {
    /// The canonical form of the whole document, proof included (a credential's own check computed it).
    case document(CanonicalJSONObject)
    /// The SHA-256 digest of the canonical form of the document less its `proof` member (a presentation's,
    /// hashed from its credentials' canonical forms while they were verified).
    case sha256WithoutProof([UInt8])

    /// The hash `suite` takes of the canonical document less its proof, for a key of `keyType`; nil when this
    /// form cannot give it (a SHA-256 digest where the key calls for SHA-384).
    func hashWithoutProof(suite: any Cryptosuite, keyType: KeyType) -> [UInt8]? {
        switch self {
        case .document(let form): suite.hash(form.removing("proof"), keyType: keyType)
        case .sha256WithoutProof(let digest): suite.hashesWithSHA256(keyType) ? digest : nil
        }
    }
}
