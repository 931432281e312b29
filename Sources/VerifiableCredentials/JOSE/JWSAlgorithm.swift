/// The JWS signature algorithms (RFC 7518, RFC 8037) this library signs and verifies with.
///
/// `none` and the HMAC algorithms (`HS256` …) are deliberately absent: a JWS that names them is refused.
public enum JWSAlgorithm: String, Sendable, Hashable, CaseIterable {
    /// EdDSA with Ed25519 (RFC 8037); 64-byte signature.
    case eddsa = "EdDSA"
    /// ECDSA P-256 with SHA-256; raw r‖s, 64 bytes.
    case es256 = "ES256"
    /// ECDSA P-384 with SHA-384; raw r‖s, 96 bytes.
    case es384 = "ES384"
    /// RSASSA-PKCS1-v1_5 with SHA-256; signature as long as the modulus (256 bytes or more).
    case rs256 = "RS256"

    /// The algorithm for a ``KeyType`` of the shared key abstraction.
    public init(keyType: KeyType) {
        switch keyType {
        case .ed25519: self = .eddsa
        case .p256: self = .es256
        case .p384: self = .es384
        }
    }

    /// The ``KeyType`` this algorithm needs, or `nil` for RS256 (an ``RSAPublicKey``).
    public var keyType: KeyType? {
        switch self {
        case .eddsa: .ed25519
        case .es256: .p256
        case .es384: .p384
        case .rs256: nil
        }
    }

    /// Resolves an `alg` header value.
    ///
    /// - Throws: ``CredentialError`` `unsupportedAlgorithm` for `none`, `HS*`, and every other value.
    public init(headerValue alg: String) throws(CredentialError) {
        if let known = JWSAlgorithm(rawValue: alg) {
            self = known
            return
        }
        let reason: String
        if alg.lowercased() == "none" {
            reason = "an unsecured JWS (alg \"none\") is never accepted"
        } else if alg.hasPrefix("HS") {
            reason = "HMAC (\(alg)) uses a shared secret and is never accepted"
        } else {
            reason = "alg \"\(alg)\" is not supported"
        }
        throw CredentialError(
            .unsupportedAlgorithm, "\(reason); supported are EdDSA, ES256, ES384 and RS256", location: "JWS header alg"
        )
    }
}
