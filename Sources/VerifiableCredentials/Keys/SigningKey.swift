import Crypto
public import Foundation

/// A private key that signs, of one of the supported ``KeyType``s.
///
/// The secret never appears in `description` or in error messages.
public struct SigningKey: Sendable {
    /// The algorithm of the key.
    public let type: KeyType
    /// The validated secret: Ed25519 seed or big-endian EC scalar. (The backend key types are not
    /// `Sendable`, so the key is rebuilt from these bytes for each use.)
    private let secret: [UInt8]

    /// Generates a new random key of `type` with the system's secure random source.
    public init(generating type: KeyType) {
        self.type = type
        switch type {
        case .ed25519: secret = Array(Curve25519.Signing.PrivateKey().rawRepresentation)
        case .p256: secret = Array(P256.Signing.PrivateKey().rawRepresentation)
        case .p384: secret = Array(P384.Signing.PrivateKey().rawRepresentation)
        }
    }

    /// Creates a key from its secret bytes: the 32-byte Ed25519 seed or the big-endian EC scalar.
    ///
    /// - Throws: ``CredentialError`` `invalidKey` when the bytes are not a valid secret of `type`.
    public init(type: KeyType, secretBytes bytes: [UInt8]) throws(CredentialError) {
        guard bytes.count == type.secretKeyByteCount else {
            throw .invalidKeyBytes(type, "expected a \(type.secretKeyByteCount)-byte secret, got \(bytes.count) bytes")
        }
        do {
            switch type {
            case .ed25519: _ = try Curve25519.Signing.PrivateKey(rawRepresentation: bytes)
            case .p256: _ = try P256.Signing.PrivateKey(rawRepresentation: bytes)
            case .p384: _ = try P384.Signing.PrivateKey(rawRepresentation: bytes)
            }
        } catch {
            throw .invalidKeyBytes(type, "the secret scalar is out of range")
        }
        self.type = type
        self.secret = bytes
    }

    /// Creates a key from its `secretKeyMultibase` (Multikey) text.
    ///
    /// Ed25519 secrets are `0x80 0x26` ‖ 32-byte seed (`z3u2…`); the older 64-byte form is rejected.
    /// - Throws: ``CredentialError`` `invalidMultibase`, `invalidBase58`, `invalidMultikey`, or `invalidKey`.
    public init(secretKeyMultibase: String) throws(CredentialError) {
        let (type, bytes) = try Multikey.decode(secretKeyMultibase, secret: true)
        try self.init(type: type, secretBytes: bytes)
    }

    /// The matching public key.
    public var publicKey: PublicKey {
        // The secret was validated on creation, so rebuilding the backend key cannot fail.
        let bytes: [UInt8]? =
            switch type {
            case .ed25519:
                (try? Curve25519.Signing.PrivateKey(rawRepresentation: secret)).map {
                    Array($0.publicKey.rawRepresentation)
                }
            case .p256:
                (try? P256.Signing.PrivateKey(rawRepresentation: secret)).map {
                    Array($0.publicKey.compressedRepresentation)
                }
            case .p384:
                (try? P384.Signing.PrivateKey(rawRepresentation: secret)).map {
                    Array($0.publicKey.compressedRepresentation)
                }
            }
        return PublicKey(validatedType: type, rawRepresentation: bytes ?? [])
    }

    /// The secret bytes: the 32-byte Ed25519 seed or the big-endian EC scalar. Handle with care.
    public var secretBytes: [UInt8] {
        secret
    }

    /// The `secretKeyMultibase` (Multikey) text: `z` + base58btc(multicodec header ‖ ``secretBytes``).
    public var secretKeyMultibase: String {
        Multikey.encode(type, secretKey: secretBytes)
    }

    /// Signs `message`.
    ///
    /// Ed25519: pure EdDSA over `message` (deterministic). ECDSA: over SHA-256 (P-256) or SHA-384 (P-384)
    /// of `message`; returns the raw r‖s, 64 or 96 bytes.
    /// - Throws: ``CredentialError`` `signingFailed` if the backend fails.
    public func signature(for message: some DataProtocol) throws(CredentialError) -> [UInt8] {
        do {
            switch type {
            case .ed25519:
                let key = try Curve25519.Signing.PrivateKey(rawRepresentation: secret)
                return Array(try key.signature(for: message))
            case .p256:
                let key = try P256.Signing.PrivateKey(rawRepresentation: secret)
                return Array(try key.signature(for: message).rawRepresentation)
            case .p384:
                let key = try P384.Signing.PrivateKey(rawRepresentation: secret)
                return Array(try key.signature(for: message).rawRepresentation)
            }
        } catch {
            throw CredentialError(.signingFailed, "The \(type.displayName) key could not sign.", underlying: "\(error)")
        }
    }
}

extension SigningKey: CustomStringConvertible {
    /// The key type and public key only; never the secret.
    public var description: String { "SigningKey(\(type.displayName), public \(publicKey.multibase))" }
}

extension PublicKey {
    /// Wraps bytes that came from a valid backend key.
    init(validatedType type: KeyType, rawRepresentation bytes: [UInt8]) {
        self.type = type
        self.rawRepresentation = bytes
    }
}
