/// One credential as the policies see it: its JSON, where it sits, its issuer and its proofs' verification.
public struct CredentialUnderVerification: Sendable {
    public var json: JSONObject
    /// The JSON Pointer of the credential in its file ("" for a lone credential).
    public var pointer: String
    /// The `issuer` (a string) or `issuer.id`.
    public var issuerID: String?
    /// The Data Integrity verification of its proofs (purpose `assertionMethod`).
    public var proofs: DocumentProofVerification

    public init(json: JSONObject, pointer: String, issuerID: String?, proofs: DocumentProofVerification) {
        self.json = json
        self.pointer = pointer
        self.issuerID = issuerID
        self.proofs = proofs
    }

    /// The `issuer` member as a DID string, from `"issuer": "did:…"` or `"issuer": {"id": "did:…"}`.
    public static func issuerID(of credential: JSONObject) -> String? {
        credential["issuer"]?.stringValue ?? credential["issuer"]?["id"]?.stringValue
    }
}

/// A check applied to each credential. Policies are small, pure and composed by ``CredentialVerifier``;
/// a "no" is a failed or unknown ``Check``, never a thrown error.
public protocol CredentialPolicy: Sendable {
    func checks(for credential: CredentialUnderVerification, context: VerificationContext) -> [Check]
}
