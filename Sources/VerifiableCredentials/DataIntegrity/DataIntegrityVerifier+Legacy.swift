extension DataIntegrityVerifier {
    /// The key and signature checks of a VC 1.1 proof (`Ed25519Signature2020`, `Ed25519Signature2018`,
    /// `JsonWebSignature2020`, `EcdsaSecp256r1Signature2019`), after the checks every proof shares.
    ///
    /// The proof configuration is the proof without its signature members, with the document's `@context`
    /// unless the proof has its own (as jsonld-signatures builds it); the document is the credential without any
    /// proof (legacy proofs do not chain). Signed bytes: the suite's prefix ‖ SHA-256(C(config)) ‖ SHA-256(C(doc)).
    func legacySignatureCheck(
        _ proof: JSONObject, suite: any LegacyProofSuite, method: String, key: PublicKey, document: JSONObject
    ) -> Check {
        let type = suite.proofType
        guard suite.accepts(key.type) else {
            return .fail("keyType", .keyTypeMismatch, "\(type) cannot be verified with a \(key.type.displayName) key")
        }
        let signature: LegacySignature
        do {
            signature = try suite.signature(in: proof, keyType: key.type)
        } catch {
            return .fail(error.code == .keyTypeMismatch ? "keyType" : "proofValue", error.code, error.description)
        }
        var config = JSONObject()
        if !proof.contains("@context"), let context = document["@context"] { config["@context"] = context }
        for member in proof.members where !LegacyProofMembers.signature.contains(member.key) {
            config[member.key] = member.value
        }
        do {
            let hashData = try suite.hashData(document: document.removing("proof"), proofConfiguration: config)
            guard key.isValidSignature(signature.bytes, for: signature.signingInputPrefix + hashData) else {
                return .fail(
                    "signature", .signatureMismatch,
                    "the signature does not match: the document or its proof was changed after signing")
            }
        } catch {
            return .fail("canonicalization", error.code, error.description)
        }
        return .pass("signature", "\(type) signature by \(method)")
    }
}
