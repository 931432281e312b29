extension VerificationMethod {
    /// Reads a verification method object as DID documents and controller documents publish it.
    ///
    /// Types and key members understood: `Multikey`, `Ed25519VerificationKey2020` and
    /// `EcdsaSecp256r1VerificationKey2019` with `publicKeyMultibase` (a Multikey value); `Ed25519VerificationKey2018`
    /// with `publicKeyBase58` (the raw 32-byte key); `JsonWebKey2020` and `JsonWebKey` with `publicKeyJwk`.
    /// A missing `controller` is taken from `id` (the part before `#`).
    /// - Throws: ``CredentialError`` `unexpectedJSON` for a missing `id`/`type` or key member,
    ///   `unsupportedKeyType` for another type, `invalidKey` for a key that does not decode or does not match
    ///   the type (such as a P-256 key in an `Ed25519VerificationKey2020`).
    public init(json: JSONValue) throws(CredentialError) {
        guard let object = json.objectValue, let id = object["id"]?.stringValue,
            let type = object["type"]?.stringValue
        else {
            throw CredentialError(.unexpectedJSON, "a verification method needs an object with id and type strings")
        }
        func member(_ name: String) throws(CredentialError) -> String {
            guard let value = object[name]?.stringValue else {
                throw CredentialError(.unexpectedJSON, "the \(type) verification method \(id) has no \(name) string")
            }
            return value
        }
        let key: PublicKey
        let required: KeyType?
        switch type {
        case "Multikey":
            key = try PublicKey(multibase: try member("publicKeyMultibase"))
            required = nil
        case "Ed25519VerificationKey2020":
            key = try PublicKey(multibase: try member("publicKeyMultibase"))
            required = .ed25519
        case "EcdsaSecp256r1VerificationKey2019":
            if let jwk = object["publicKeyJwk"] {
                key = try PublicKey(jwk: jwk)
            } else {
                key = try PublicKey(multibase: try member("publicKeyMultibase"))
            }
            required = .p256
        case "Ed25519VerificationKey2018":
            key = try PublicKey(type: .ed25519, rawRepresentation: try Base58BTC.decode(try member("publicKeyBase58")))
            required = .ed25519
        case "JsonWebKey2020", "JsonWebKey":
            guard let jwk = object["publicKeyJwk"] else {
                throw CredentialError(.unexpectedJSON, "the \(type) verification method \(id) has no publicKeyJwk")
            }
            key = try PublicKey(jwk: jwk)
            required = nil
        default:
            throw CredentialError(
                .unsupportedKeyType,
                "the verification method \(id) has type \(type); supported are Multikey, Ed25519VerificationKey2020, "
                    + "Ed25519VerificationKey2018, EcdsaSecp256r1VerificationKey2019, JsonWebKey2020")
        }
        if let required, key.type != required {
            throw .invalidKeyBytes(key.type, "a \(type) must hold a \(required.displayName) key")
        }
        let controller =
            object["controller"]?.stringValue
            ?? String(id.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
        self.init(id: id, type: type, controller: controller, publicKey: key, json: json)
    }
}

/// Resolves verification methods from a fixed list (for example the methods of DID documents or of an issuer
/// registry already read), then `did:key` identifiers; nothing is fetched.
public struct KnownVerificationMethods: VerificationMethodResolver {
    private let methods: [String: VerificationMethod]

    /// A resolver over `methods` (the first of two with the same id wins).
    public init(_ methods: [VerificationMethod]) {
        self.methods = Dictionary(methods.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func resolve(_ id: String) throws(CredentialError) -> VerificationMethod {
        if let method = methods[id] { return method }
        return try DIDKeyResolver().resolve(id)
    }
}
