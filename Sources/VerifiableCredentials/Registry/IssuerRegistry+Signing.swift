public import Foundation

extension IssuerRegistry {
    /// The registry signed by its operator: a Data Integrity proof (purpose `assertionMethod`) by `key`'s
    /// `did:key` verification method over the registry without any earlier proof.
    public func signed(with key: SigningKey, suite: any Cryptosuite, at created: Date) throws(CredentialError)
        -> IssuerRegistry
    {
        let signer = try DataIntegritySigner(key: key, suite: suite)
        let options = ProofOptions(
            verificationMethod: DIDKey.verificationMethodID(for: key.publicKey), proofPurpose: "assertionMethod",
            created: created)
        let document = try signer.addProof(to: json(includingProof: false), options: options)
        var copy = self
        copy.proof = document["proof"]
        copy.document = document
        return copy
    }

    /// Checks the operator's signature against the pinned operator DID (a `did:key`).
    ///
    /// Passes only when the registry has a proof, every proof verifies over the registry as read, and the
    /// verification method is controlled by `operatorDID`. Never throws.
    public func verifySignature(operatorDID: String, suites: CryptosuiteSet = .jcs, now: Date) -> Check {
        guard proof != nil else {
            return .fail(
                "registry", .registryUnsigned,
                "the registry is not signed, but --registry-key \(operatorDID) requires its operator's signature")
        }
        let document = self.document ?? json
        let verifier = DataIntegrityVerifier(suites: suites, resolver: DIDKeyResolver(), now: now)
        let result = verifier.verify(document, expecting: ProofExpectations(proofPurpose: "assertionMethod"))
        guard result.verified else {
            let problem = result.allChecks.firstProblem
            return .fail(
                "registry", .registrySignatureInvalid,
                "the registry's signature does not verify: \(problem?.message ?? "no valid proof")\(problem?.code.map { " [\($0)]" } ?? "")"
            )
        }
        for proof in result.proofs where proof.method?.controller != operatorDID {
            return .fail(
                "registry", .registrySignatureInvalid,
                "the registry is signed by \(proof.method?.controller ?? "an unknown key"), not by the pinned operator \(operatorDID)"
            )
        }
        return .pass("registry", "signed by \(operatorDID), sequence \(info.sequence)")
    }
}
