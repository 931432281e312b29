/// A detached JWS with an unencoded payload (RFC 7515 Appendix F, RFC 7797 `b64: false`), as the
/// `Ed25519Signature2018` and `JsonWebSignature2020` proofs carry in `jws`: `BASE64URL(header)..BASE64URL(signature)`.
struct DetachedJWS: Sendable {
    /// The protected header's `alg`.
    var algorithm: String
    /// `ASCII(BASE64URL(header)) ‖ "."`, the bytes signed before the payload.
    var signingInputPrefix: [UInt8]
    /// The raw signature (Ed25519, or ECDSA r‖s).
    var signature: [UInt8]

    /// Parses `text`, requiring a detached payload and a header with `"b64": false` and `"crit": ["b64"]`.
    init(_ text: String) throws(CredentialError) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].isEmpty else {
            throw .invalidJWS("it must be a detached JWS, header..signature (two dots, empty payload)")
        }
        guard let headerBytes = Base64URL.decode(String(parts[0])),
            let header = (try? JSONParser.parse(headerBytes))?.objectValue
        else {
            throw .invalidJWS("the header is not base64url-encoded JSON object")
        }
        guard let algorithm = header["alg"]?.stringValue else { throw .invalidJWS("the header has no alg string") }
        guard header["b64"]?.boolValue == false else {
            throw .invalidJWS("the header must say \"b64\": false (the payload is the unencoded hash data)")
        }
        guard header["crit"]?.asArray.contains(where: { $0.stringValue == "b64" }) == true else {
            throw .invalidJWS("the header must list \"b64\" in \"crit\" (RFC 7797 §6)")
        }
        guard let signature = Base64URL.decode(String(parts[2])) else {
            throw .invalidJWS("the signature is not base64url without padding")
        }
        self.algorithm = algorithm
        self.signingInputPrefix = Array(parts[0].utf8) + [UInt8(ascii: ".")]
        self.signature = signature
    }

    /// The key type a JWS `alg` needs: `EdDSA` → Ed25519, `ES256` → P-256, `ES384` → P-384.
    static func keyType(for algorithm: String) -> KeyType? {
        switch algorithm {
        case "EdDSA": .ed25519
        case "ES256": .p256
        case "ES384": .p384
        default: nil
        }
    }

    /// The signature as a ``LegacySignature`` for a key of `keyType`, checking `alg` and the signature length.
    func legacySignature(keyType: KeyType, proofType: String) throws(CredentialError) -> LegacySignature {
        guard let needed = Self.keyType(for: algorithm) else {
            throw .invalidJWS("the JWS alg \(algorithm) is not supported (EdDSA, ES256, ES384 are)")
        }
        guard needed == keyType else {
            throw CredentialError(
                .keyTypeMismatch,
                "the JWS alg \(algorithm) needs a \(needed.displayName) key, but the verification method holds a "
                    + "\(keyType.displayName) key")
        }
        guard signature.count == keyType.signatureByteCount else {
            throw .legacySignatureLength(signature.count, proofType: proofType, keyType: keyType)
        }
        return LegacySignature(bytes: signature, signingInputPrefix: signingInputPrefix)
    }
}
