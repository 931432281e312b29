import Crypto
public import Foundation

/// A private key that signs, of one of the supported ``KeyType``s.
///
/// The secret never appears in `description` or in error messages.
public struct SigningKey: Sendable {
    /// The algorithm of the key.
    public let type: KeyType
    /// The validated secret: Ed25519 seed or big-endian EC scalar.
    private let secret: [UInt8]
    /// The backend key, built once (building an Ed25519 key costs as much as a signature).
    private let backend: BackendKey
    /// The matching public key.
    public let publicKey: PublicKey

    /// Generates a new random key of `type` with the system's secure random source.
    public init(generating type: KeyType) {
        let backend = BackendKey(generating: type)
        self.type = type
        self.backend = backend
        self.secret = backend.secretBytes
        self.publicKey = PublicKey(validatedType: type, rawRepresentation: backend.publicKeyBytes)
    }

    /// Creates a key from its secret bytes: the 32-byte Ed25519 seed or the big-endian EC scalar.
    ///
    /// - Throws: ``CredentialError`` `invalidKey` when the bytes are not a valid secret of `type`.
    public init(type: KeyType, secretBytes bytes: [UInt8]) throws(CredentialError) {
        guard bytes.count == type.secretKeyByteCount else {
            throw .invalidKeyBytes(type, "expected a \(type.secretKeyByteCount)-byte secret, got \(bytes.count) bytes")
        }
        guard let backend = try? BackendKey(type: type, secret: bytes) else {
            throw .invalidKeyBytes(type, "the secret scalar is out of range")
        }
        self.type = type
        self.secret = bytes
        self.backend = backend
        self.publicKey = PublicKey(validatedType: type, rawRepresentation: backend.publicKeyBytes)
    }

    /// Creates a key from its `secretKeyMultibase` (Multikey) text.
    ///
    /// Ed25519 secrets are `0x80 0x26` ‖ 32-byte seed (`z3u2…`); the older 64-byte form is rejected.
    /// - Throws: ``CredentialError`` `invalidMultibase`, `invalidBase58`, `invalidMultikey`, or `invalidKey`.
    public init(secretKeyMultibase: String) throws(CredentialError) {
        let (type, bytes) = try Multikey.decode(secretKeyMultibase, secret: true)
        try self.init(type: type, secretBytes: bytes)
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
            return try backend.signature(for: message)
        } catch {
            throw CredentialError(.signingFailed, "the \(type.displayName) key could not sign", underlying: "\(error)")
        }
    }
}

/// The swift-crypto key behind a ``SigningKey``.
///
/// `@unchecked Sendable` is safe here: the stored keys are immutable `let`s of value types that are never
/// mutated after `init`; swift-crypto 3.x only lacks the `Sendable` annotation for them on Linux.
private final class BackendKey: @unchecked Sendable {
    private enum Key {
        case ed25519(Curve25519.Signing.PrivateKey)
        case p256(P256.Signing.PrivateKey)
        case p384(P384.Signing.PrivateKey)
    }

    private let key: Key

    init(generating type: KeyType) {
        switch type {
        case .ed25519: key = .ed25519(Curve25519.Signing.PrivateKey())
        case .p256: key = .p256(P256.Signing.PrivateKey())
        case .p384: key = .p384(P384.Signing.PrivateKey())
        }
    }

    init(type: KeyType, secret: [UInt8]) throws {
        switch type {
        case .ed25519: key = .ed25519(try Curve25519.Signing.PrivateKey(rawRepresentation: secret))
        case .p256: key = .p256(try P256.Signing.PrivateKey(rawRepresentation: secret))
        case .p384: key = .p384(try P384.Signing.PrivateKey(rawRepresentation: secret))
        }
    }

    var secretBytes: [UInt8] {
        switch key {
        case .ed25519(let k): Array(k.rawRepresentation)
        case .p256(let k): Array(k.rawRepresentation)
        case .p384(let k): Array(k.rawRepresentation)
        }
    }

    var publicKeyBytes: [UInt8] {
        switch key {
        case .ed25519(let k): Array(k.publicKey.rawRepresentation)
        case .p256(let k): Array(k.publicKey.compressedRepresentation)
        case .p384(let k): Array(k.publicKey.compressedRepresentation)
        }
    }

    func signature(for message: some DataProtocol) throws -> [UInt8] {
        switch key {
        case .ed25519(let k): Array(try k.signature(for: message))
        case .p256(let k): Array(try k.signature(for: message).rawRepresentation)
        case .p384(let k): Array(try k.signature(for: message).rawRepresentation)
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
