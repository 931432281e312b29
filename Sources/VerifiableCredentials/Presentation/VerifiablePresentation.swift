public import Foundation

/// Builds and signs a `VerifiablePresentation`: credentials as received, `holder` = the key's `did:key`, and a
/// Data Integrity proof with purpose `authentication`, the verifier's challenge and domain.
public struct VerifiablePresentationBuilder: Sendable {
    /// The contexts of the presentation.
    public static let contexts: [JSONValue] = ["https://www.w3.org/ns/credentials/v2"]

    public var credentials: [JSONValue]
    public var id: String?

    public init(credentials: [JSONValue], id: String? = nil) {
        self.credentials = credentials
        self.id = id
    }

    /// The unsigned presentation for `holder`.
    public func unsigned(holder: String) -> JSONValue {
        var object = JSONObject()
        object["@context"] = .array(Self.contexts)
        if let id { object["id"] = .string(id) }
        object["type"] = ["VerifiablePresentation"]
        object["holder"] = .string(holder)
        object["verifiableCredential"] = .array(credentials)
        return .object(object)
    }

    /// The presentation signed by `key` for one verifier's `challenge` and `domain`.
    public func signed(
        with key: SigningKey, challenge: String, domain: String, suite: (any Cryptosuite)? = nil, created: Date
    ) throws(CredentialError) -> JSONValue {
        let chosen: any Cryptosuite = suite ?? (key.type == .ed25519 ? EdDSAJCS2022() : ECDSAJCS2019())
        let signer = try DataIntegritySigner(key: key, suite: chosen)
        let options = ProofOptions(
            verificationMethod: DIDKey.verificationMethodID(for: key.publicKey), proofPurpose: "authentication",
            created: created, challenge: challenge, domain: [domain])
        return try signer.addProof(to: unsigned(holder: DIDKey.did(for: key.publicKey)), options: options)
    }
}
