public import Foundation

/// What a new Data Integrity proof says besides its signature (Data Integrity §2.1). A field added here must
/// also be compared where a signer decides whether it may reuse its last proof configuration
/// (``ProofConfigurationMemo``).
public struct ProofOptions: Sendable {
    /// The verification method that will verify the proof (for did:key, `did:key:<mb>#<mb>`).
    public var verificationMethod: String
    /// Why the proof was made: `assertionMethod` for credentials, `authentication` for presentations.
    public var proofPurpose: String
    /// When the proof was made; written to whole seconds in UTC.
    public var created: Date?
    /// When the proof stops being valid.
    public var expires: Date?
    /// The verifier's challenge, against replay.
    public var challenge: String?
    /// The security domains the proof is meant for; one domain is written as a string.
    public var domain: [String]
    /// An identifier for the proof, needed when a later proof chains to it.
    public var id: String?
    /// The ids of earlier proofs this proof chains to; one id is written as a string.
    public var previousProof: [String]
    /// An optional nonce.
    public var nonce: String?

    public init(
        verificationMethod: String, proofPurpose: String = "assertionMethod", created: Date? = Date(),
        expires: Date? = nil, challenge: String? = nil, domain: [String] = [], id: String? = nil,
        previousProof: [String] = [], nonce: String? = nil
    ) {
        self.verificationMethod = verificationMethod
        self.proofPurpose = proofPurpose
        self.created = created
        self.expires = expires
        self.challenge = challenge
        self.domain = domain
        self.id = id
        self.previousProof = previousProof
        self.nonce = nonce
    }

    /// The proof configuration object (without `@context` and `proofValue`), members in a readable order.
    func configuration(cryptosuite: String) -> JSONObject {
        var object = JSONObject()
        if let id { object["id"] = .string(id) }
        object["type"] = "DataIntegrityProof"
        object["cryptosuite"] = .string(cryptosuite)
        if let created { object["created"] = .string(DateTimeStamp(created).text) }
        if let expires { object["expires"] = .string(DateTimeStamp(expires).text) }
        object["verificationMethod"] = .string(verificationMethod)
        object["proofPurpose"] = .string(proofPurpose)
        if let challenge { object["challenge"] = .string(challenge) }
        if domain.count == 1 { object["domain"] = .string(domain[0]) }
        if domain.count > 1 { object["domain"] = .array(domain.map { .string($0) }) }
        if let nonce { object["nonce"] = .string(nonce) }
        if previousProof.count == 1 { object["previousProof"] = .string(previousProof[0]) }
        if previousProof.count > 1 { object["previousProof"] = .array(previousProof.map { .string($0) }) }
        return object
    }
}
