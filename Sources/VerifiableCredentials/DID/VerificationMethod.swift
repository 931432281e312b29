/// A verification method: a public key with the identifier a proof names in `verificationMethod`.
public struct VerificationMethod: Sendable, Hashable {
    /// The verification method URL, such as `did:key:z6Mk…#z6Mk…`.
    public var id: String
    /// The method type, such as `Multikey`.
    public var type: String
    /// The DID that controls the key.
    public var controller: String
    /// The key itself.
    public var publicKey: PublicKey
    /// The verification method as a JSON object, as it appears in the DID document.
    public var json: JSONValue

    /// Creates a verification method from its parts.
    public init(id: String, type: String, controller: String, publicKey: PublicKey, json: JSONValue) {
        self.id = id
        self.type = type
        self.controller = controller
        self.publicKey = publicKey
        self.json = json
    }

    /// A `Multikey` verification method with `publicKeyMultibase`.
    public static func multikey(id: String, controller: String, publicKey: PublicKey) -> VerificationMethod {
        let json: JSONValue = [
            "id": .string(id), "type": "Multikey", "controller": .string(controller),
            "publicKeyMultibase": .string(publicKey.multibase),
        ]
        return VerificationMethod(id: id, type: "Multikey", controller: controller, publicKey: publicKey, json: json)
    }
}
