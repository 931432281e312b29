public import Foundation

/// A key that signs a JWS: one of the shared ``SigningKey`` types (Ed25519, P-256, P-384) or, for RS256
/// only, an ``RSASigningKey`` (RSA does not fit ``KeyType``, which the Data Integrity suites enumerate).
public enum JWSSigningKey: Sendable {
    case key(SigningKey)
    case rsa(RSASigningKey)

    /// The one algorithm this key signs with: EdDSA, ES256, ES384 or RS256.
    public var algorithm: JWSAlgorithm {
        switch self {
        case .key(let key): JWSAlgorithm(keyType: key.type)
        case .rsa: .rs256
        }
    }

    /// The matching public key.
    public var publicKey: JWSPublicKey {
        switch self {
        case .key(let key): .key(key.publicKey)
        case .rsa(let key): .rsa(key.publicKey)
        }
    }

    /// Reads a PEM private key: whatever ``SigningKey/init(pemEncoded:passphrase:)`` reads, and otherwise
    /// an RSA key of 2048 bits or more in `PRIVATE KEY`, `ENCRYPTED PRIVATE KEY` (PKCS#8) or
    /// `RSA PRIVATE KEY` (PKCS#1) form. An encrypted RSA key is decrypted twice (once by each reader).
    ///
    /// - Throws: ``CredentialError`` as ``SigningKey/init(pemEncoded:passphrase:)`` does, or
    ///   `invalidKeyFile` for an RSA key that cannot be read.
    public init(pemEncoded: String, passphrase: [UInt8]? = nil) throws(CredentialError) {
        do {
            self = .key(try SigningKey(pemEncoded: pemEncoded, passphrase: passphrase))
        } catch  where error.code == .unsupportedKeyType || pemEncoded.contains("-----BEGIN RSA PRIVATE KEY-----") {
            self = .rsa(try RSASigningKey(pemEncoded: pemEncoded, passphrase: passphrase))
        }
    }

    /// Signs `message` with ``algorithm``.
    ///
    /// - Throws: ``CredentialError`` `signingFailed` if the backend fails.
    public func signature(for message: some DataProtocol) throws(CredentialError) -> [UInt8] {
        switch self {
        case .key(let key): try key.signature(for: message)
        case .rsa(let key): try key.signature(for: message)
        }
    }
}

/// A key that verifies a JWS: a shared ``PublicKey`` (Ed25519, P-256, P-384) or an ``RSAPublicKey``.
public enum JWSPublicKey: Sendable, Hashable {
    case key(PublicKey)
    case rsa(RSAPublicKey)

    /// The one algorithm a signature under this key may use.
    public var algorithm: JWSAlgorithm {
        switch self {
        case .key(let key): JWSAlgorithm(keyType: key.type)
        case .rsa: .rs256
        }
    }

    /// The length every signature under this key has.
    public var signatureByteCount: Int {
        switch self {
        case .key(let key): key.type.signatureByteCount
        case .rsa(let key): key.signatureByteCount
        }
    }

    /// Reads a public JWK: `OKP`/`Ed25519`, `EC`/`P-256`, `EC`/`P-384` or `RSA` (2048 bits or more).
    ///
    /// - Throws: ``CredentialError`` `invalidKey` or `unsupportedKeyType`.
    public init(jwk: JSONValue) throws(CredentialError) {
        if jwk["kty"]?.stringValue == "RSA" {
            self = .rsa(try RSAPublicKey(jwk: jwk))
        } else {
            self = .key(try PublicKey(jwk: jwk))
        }
    }

    /// The key as a public JWK.
    public var jwk: JSONValue {
        switch self {
        case .key(let key): key.jwk
        case .rsa(let key): key.jwk
        }
    }

    /// Whether `signature` is valid for `message` under this key's ``algorithm``.
    public func isValidSignature(_ signature: [UInt8], for message: some DataProtocol) -> Bool {
        switch self {
        case .key(let key): key.isValidSignature(signature, for: message)
        case .rsa(let key): key.isValidSignature(signature, for: message)
        }
    }
}
