/// The key algorithms the library signs and verifies with.
public enum KeyType: String, Sendable, CaseIterable, Hashable {
    /// Ed25519 (EdDSA over Curve25519), used by `eddsa-rdfc-2022` and `eddsa-jcs-2022`.
    case ed25519 = "ed25519"
    /// ECDSA over NIST P-256 with SHA-256, used by `ecdsa-rdfc-2019` and `ecdsa-jcs-2019`.
    case p256 = "p256"
    /// ECDSA over NIST P-384 with SHA-384, used by `ecdsa-rdfc-2019` and `ecdsa-jcs-2019`.
    case p384 = "p384"

    /// A name for people: `Ed25519`, `P-256`, `P-384` (also the JWK `crv` value).
    public var displayName: String {
        switch self {
        case .ed25519: "Ed25519"
        case .p256: "P-256"
        case .p384: "P-384"
        }
    }

    /// Length of a raw signature: 64 bytes, or r‖s of 64 (P-256) / 96 (P-384) bytes.
    public var signatureByteCount: Int {
        switch self {
        case .ed25519, .p256: 64
        case .p384: 96
        }
    }

    /// Length of the public key as ``PublicKey/rawRepresentation`` (Ed25519 key or compressed SEC1 point).
    public var publicKeyByteCount: Int {
        switch self {
        case .ed25519: 32
        case .p256: 33
        case .p384: 49
        }
    }

    /// Length of the secret key: the Ed25519 seed or the big-endian EC scalar.
    public var secretKeyByteCount: Int {
        switch self {
        case .ed25519, .p256: 32
        case .p384: 48
        }
    }
}
