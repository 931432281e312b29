import Crypto

extension PublicKey {
    /// The key as a public JSON Web Key.
    ///
    /// Ed25519: `{"kty":"OKP","crv":"Ed25519","x":…}` (RFC 8037). P-256 / P-384:
    /// `{"kty":"EC","crv":"P-256","x":…,"y":…}` (RFC 7518 §6.2), coordinates base64url without padding.
    public var jwk: JSONValue {
        switch type {
        case .ed25519:
            return ["kty": "OKP", "crv": "Ed25519", "x": .string(Base64URL.encode(rawRepresentation))]
        case .p256, .p384:
            // A validated compressed point always decompresses.
            let point = uncompressedPoint ?? []
            let size = (point.count - 1) / 2
            let x = Array(point.dropFirst().prefix(size))
            let y = Array(point.suffix(size))
            return [
                "kty": "EC", "crv": .string(type.displayName),
                "x": .string(Base64URL.encode(x)), "y": .string(Base64URL.encode(y)),
            ]
        }
    }

    /// Creates a key from a public JSON Web Key (`OKP`/`Ed25519`, `EC`/`P-256`, `EC`/`P-384`).
    ///
    /// A private member `d` is refused, so a secret is never accepted where a public key is expected.
    /// - Throws: ``CredentialError`` `unsupportedKeyType` for another `kty`/`crv`, `invalidKey` for a
    ///   malformed or off-curve key.
    public init(jwk: JSONValue) throws(CredentialError) {
        guard let object = jwk.objectValue else { throw .invalidJWK("expected an object, got \(jwk.kindDescription)") }
        guard let kty = object["kty"]?.stringValue else { throw .invalidJWK("missing string member \"kty\"") }
        guard let crv = object["crv"]?.stringValue else { throw .invalidJWK("missing string member \"crv\"") }
        guard !object.contains("d") else { throw .invalidJWK("it holds a private key (\"d\"); give the public key") }
        func coordinate(_ name: String, _ size: Int) throws(CredentialError) -> [UInt8] {
            guard let text = object[name]?.stringValue, let bytes = Base64URL.decode(text) else {
                throw .invalidJWK("\"\(name)\" must be base64url without padding")
            }
            guard bytes.count == size else {
                throw .invalidJWK("\"\(name)\" must be \(size) bytes, got \(bytes.count)")
            }
            return bytes
        }
        switch (kty, crv) {
        case ("OKP", "Ed25519"):
            try self.init(type: .ed25519, rawRepresentation: try coordinate("x", 32))
        case ("EC", "P-256"), ("EC", "P-384"):
            let type: KeyType = crv == "P-256" ? .p256 : .p384
            let size = type.secretKeyByteCount
            let point = [0x04] + (try coordinate("x", size)) + (try coordinate("y", size))
            let compressed: [UInt8]
            do {
                compressed =
                    type == .p256
                    ? Array(try P256.Signing.PublicKey(x963Representation: point).compressedRepresentation)
                    : Array(try P384.Signing.PublicKey(x963Representation: point).compressedRepresentation)
            } catch {
                throw .invalidKeyBytes(type, "the JWK point is not on the curve")
            }
            self.init(validatedType: type, rawRepresentation: compressed)
        default:
            throw CredentialError(
                .unsupportedKeyType,
                "the JWK has kty \"\(kty)\" and crv \"\(crv)\"; supported are OKP/Ed25519, EC/P-256 and EC/P-384")
        }
    }
}
