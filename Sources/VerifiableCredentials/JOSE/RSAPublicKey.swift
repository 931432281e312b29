import Crypto
public import Foundation
import _CryptoExtras

/// An RSA public key of 2048 bits or more, for RS256 (RSASSA-PKCS1-v1_5 with SHA-256).
///
/// Two keys are equal when their SubjectPublicKeyInfo DER encodings are equal.
public struct RSAPublicKey: Sendable, Hashable {
    /// The smallest modulus accepted, in bits.
    public static let minimumBits = 2048

    let backend: RSAPublicBackend
    /// The key's SubjectPublicKeyInfo, DER.
    public let derRepresentation: [UInt8]

    init(validated key: _RSA.Signing.PublicKey) {
        backend = RSAPublicBackend(key)
        derRepresentation = Array(key.derRepresentation)
    }

    /// Reads a PEM `PUBLIC KEY` (SubjectPublicKeyInfo) or `RSA PUBLIC KEY` (PKCS#1) block.
    ///
    /// - Throws: ``CredentialError`` `invalidKey` for malformed text, another algorithm, or a key under
    ///   2048 bits.
    public init(pemEncoded: String) throws(CredentialError) {
        let key: _RSA.Signing.PublicKey
        do {
            key = try _RSA.Signing.PublicKey(pemRepresentation: pemEncoded)
        } catch {
            throw CredentialError(
                .invalidKey, "not an RSA public key of \(Self.minimumBits) bits or more in PEM",
                underlying: "\(error)")
        }
        self.init(validated: key)
    }

    /// Reads a public JWK `{"kty":"RSA","n":…,"e":…}` (RFC 7518 §6.3.1).
    ///
    /// `n` and `e` must be base64url without padding and without a leading zero octet; a private member
    /// (`d`, `p`, `q`, …) is refused.
    /// - Throws: ``CredentialError`` `invalidKey`, or `unsupportedKeyType` for another `kty`.
    public init(jwk: JSONValue) throws(CredentialError) {
        guard let object = jwk.objectValue else { throw .invalidJWK("expected an object, got \(jwk.kindDescription)") }
        guard object["kty"]?.stringValue == "RSA" else {
            throw CredentialError(.unsupportedKeyType, "the JWK is not an RSA key (kty \"RSA\")")
        }
        for secret in ["d", "p", "q", "dp", "dq", "qi"] where object.contains(secret) {
            throw .invalidJWK("it holds a private RSA key (\"\(secret)\"); give the public key")
        }
        func integer(_ name: String) throws(CredentialError) -> [UInt8] {
            guard let text = object[name]?.stringValue, let bytes = Base64URL.decode(text), let first = bytes.first
            else { throw .invalidJWK("\"\(name)\" must be non-empty base64url without padding") }
            guard first != 0 else { throw .invalidJWK("\"\(name)\" has a leading zero octet") }
            return bytes
        }
        let n = try integer("n")
        let e = try integer("e")
        guard n.count * 8 >= Self.minimumBits else {
            throw .invalidJWK("the RSA modulus has \(n.count * 8) bits; at least \(Self.minimumBits) are needed")
        }
        guard e.count <= 4, e.last.map({ $0 & 1 == 1 }) == true, e != [1] else {
            throw .invalidJWK("the RSA exponent \"e\" is not a small odd number above 1")
        }
        do {
            self.init(validated: try _RSA.Signing.PublicKey(n: n, e: e))
        } catch {
            throw CredentialError(.invalidKey, "not a valid RSA public JWK", underlying: "\(error)")
        }
    }

    /// The modulus size in bits (2048 or more).
    public var bitCount: Int { backend.key.keySizeInBits }

    /// The length of an RS256 signature with this key: the modulus length in bytes.
    public var signatureByteCount: Int { (bitCount + 7) / 8 }

    /// The key as PEM `PUBLIC KEY` (SubjectPublicKeyInfo).
    public var pemEncoded: String { backend.key.pemRepresentation + "\n" }

    /// The key as a public JWK `{"kty":"RSA","n":…,"e":…}`.
    public var jwk: JSONValue {
        // Primitives of a key that BoringSSL already parsed are always readable.
        let primitives = try? backend.key.getKeyPrimitives()
        func trimmed(_ data: Data?) -> String {
            Base64URL.encode(Array((data ?? Data()).drop { $0 == 0 }))
        }
        return [
            "kty": "RSA", "n": .string(trimmed(primitives?.modulus)), "e": .string(trimmed(primitives?.publicExponent)),
        ]
    }

    /// Whether `signature` is a valid RS256 signature of `message`. A signature whose length is not the
    /// modulus length is invalid.
    public func isValidSignature(_ signature: [UInt8], for message: some DataProtocol) -> Bool {
        guard signature.count == signatureByteCount else { return false }
        return backend.key.isValidSignature(
            _RSA.Signing.RSASignature(rawRepresentation: signature), for: message, padding: .insecurePKCS1v1_5)
    }

    public static func == (lhs: RSAPublicKey, rhs: RSAPublicKey) -> Bool {
        lhs.derRepresentation == rhs.derRepresentation
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(derRepresentation) }
}

extension RSAPublicKey: CustomStringConvertible {
    public var description: String { "RSA-\(bitCount) public key" }
}

/// The swift-crypto key behind an ``RSAPublicKey``.
///
/// `@unchecked Sendable` is safe: the key is an immutable `let` that is never mutated after `init`.
final class RSAPublicBackend: @unchecked Sendable {
    let key: _RSA.Signing.PublicKey
    init(_ key: _RSA.Signing.PublicKey) { self.key = key }
}
