import Crypto
public import Foundation

/// A public key of one of the supported ``KeyType``s, validated on creation.
///
/// Two keys are equal when their type and ``rawRepresentation`` are equal.
public struct PublicKey: Sendable, Hashable {
    /// The algorithm of the key.
    public let type: KeyType
    /// Ed25519: the 32-byte key. P-256 / P-384: the compressed SEC1 point (`02`/`03` ‖ X), 33 / 49 bytes.
    public let rawRepresentation: [UInt8]

    /// Creates a key from its raw representation (see ``rawRepresentation``).
    ///
    /// - Throws: ``CredentialError`` `invalidKey` when the bytes are not a valid key of `type`.
    public init(type: KeyType, rawRepresentation bytes: [UInt8]) throws(CredentialError) {
        guard bytes.count == type.publicKeyByteCount else {
            throw .invalidKeyBytes(type, "expected \(type.publicKeyByteCount) bytes, got \(bytes.count)")
        }
        do {
            switch type {
            case .ed25519: _ = try Curve25519.Signing.PublicKey(rawRepresentation: bytes)
            case .p256: _ = try P256.Signing.PublicKey(compressedRepresentation: bytes)
            case .p384: _ = try P384.Signing.PublicKey(compressedRepresentation: bytes)
            }
        } catch {
            throw .invalidKeyBytes(type, "not a point on the curve")
        }
        self.type = type
        self.rawRepresentation = bytes
    }

    /// Creates a key from its `publicKeyMultibase` (Multikey) text, such as `z6Mk…`, `zDna…` or `z82L…`.
    ///
    /// - Throws: ``CredentialError`` `invalidMultibase`, `invalidBase58`, `invalidMultikey`, or `invalidKey`.
    public init(multibase: String) throws(CredentialError) {
        let (type, bytes) = try Multikey.decode(multibase, secret: false)
        try self.init(type: type, rawRepresentation: bytes)
    }

    /// The `publicKeyMultibase` (Multikey) text: `z` + base58btc(multicodec header ‖ ``rawRepresentation``).
    public var multibase: String {
        Multikey.encode(type, publicKey: rawRepresentation)
    }

    /// Whether `signature` is a valid signature of `message` under this key.
    ///
    /// Ed25519: pure EdDSA over `message`. ECDSA: over SHA-256 (P-256) or SHA-384 (P-384) of `message`,
    /// with `signature` the raw r‖s; high-S signatures are accepted. A signature of the wrong length
    /// is simply invalid.
    public func isValidSignature(_ signature: [UInt8], for message: some DataProtocol) -> Bool {
        guard signature.count == type.signatureByteCount else { return false }
        do {
            switch type {
            case .ed25519:
                let key = try Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation)
                return key.isValidSignature(signature, for: message)
            case .p256:
                let key = try P256.Signing.PublicKey(compressedRepresentation: rawRepresentation)
                let ecdsa = try P256.Signing.ECDSASignature(rawRepresentation: signature)
                return key.isValidSignature(ecdsa, for: message)
            case .p384:
                let key = try P384.Signing.PublicKey(compressedRepresentation: rawRepresentation)
                let ecdsa = try P384.Signing.ECDSASignature(rawRepresentation: signature)
                return key.isValidSignature(ecdsa, for: message)
            }
        } catch {
            return false
        }
    }

    /// The uncompressed SEC1 point `04 ‖ X ‖ Y` of an EC key; `nil` for Ed25519.
    var uncompressedPoint: [UInt8]? {
        switch type {
        case .ed25519: nil
        case .p256:
            (try? P256.Signing.PublicKey(compressedRepresentation: rawRepresentation)).map {
                Array($0.x963Representation)
            }
        case .p384:
            (try? P384.Signing.PublicKey(compressedRepresentation: rawRepresentation)).map {
                Array($0.x963Representation)
            }
        }
    }
}

extension PublicKey: CustomStringConvertible {
    /// The key type and multibase text, for logs and messages.
    public var description: String { "\(type.displayName) \(multibase)" }
}
