/// The verification of one proof of a document.
public struct ProofVerification: Sendable {
    /// The proof's position in the document's `proof` (0 for a single proof object).
    public var index: Int
    /// The proof's `cryptosuite` (or `type` for suites without one).
    public var cryptosuite: String?
    /// The proof's `verificationMethod`.
    public var verificationMethod: String?
    /// The proof's `proofPurpose`.
    public var proofPurpose: String?
    /// The proof's `created` time, when given and valid.
    public var created: DateTimeStamp?
    /// The key that verified the signature (set once the method resolved).
    public var publicKey: PublicKey?
    /// The verification method as resolved (its controller matters to issuer checks).
    public var method: VerificationMethod?
    /// Every check made, in order; the first failure ends the list.
    public var checks: [Check]

    /// Whether every check passed.
    public var verified: Bool { checks.allPassed }
}

/// The verification of all proofs of a document (Data Integrity §4.4–4.5).
public struct DocumentProofVerification: Sendable {
    /// One entry per proof, in document order.
    public var proofs: [ProofVerification]
    /// Document-level problems (no proof at all, a proof that is not an object).
    public var checks: [Check]

    /// Whether the document has at least one proof and every proof verified.
    public var verified: Bool {
        !proofs.isEmpty && proofs.allSatisfy(\.verified) && checks.allSatisfy { $0.status == .pass }
    }

    /// Every check of every proof, document-level checks first.
    public var allChecks: [Check] { checks + proofs.flatMap(\.checks) }
}

/// What the verifier expects of a proof besides a valid signature.
public struct ProofExpectations: Sendable {
    /// The required `proofPurpose` (`assertionMethod` for credentials, `authentication` for presentations).
    public var proofPurpose: String?
    /// The challenge the verifier issued; a proof without it, or with another, fails.
    public var challenge: String?
    /// The verifier's domain; the proof's `domain` must contain it.
    public var domain: String?

    public init(proofPurpose: String? = nil, challenge: String? = nil, domain: String? = nil) {
        self.proofPurpose = proofPurpose
        self.challenge = challenge
        self.domain = domain
    }
}
