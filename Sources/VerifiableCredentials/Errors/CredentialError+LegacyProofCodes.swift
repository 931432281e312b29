extension CredentialError {
    /// A legacy proof's `jws` is not a detached, unencoded-payload JWS (code `invalidProofValue`).
    static func invalidJWS(_ reason: String) -> CredentialError {
        CredentialError(.invalidProofValue, "the proof's jws is not usable: \(reason)", location: "proof.jws")
    }

    /// A legacy proof's signature has the wrong length for the key (code `invalidSignatureLength`).
    static func legacySignatureLength(_ count: Int, proofType: String, keyType: KeyType) -> CredentialError {
        CredentialError(
            .invalidSignatureLength,
            "the signature is \(count) bytes; \(proofType) with a \(keyType.displayName) key needs "
                + "\(keyType.signatureByteCount)")
    }
}
