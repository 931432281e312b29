public import Foundation

/// One signing key of a registered issuer, with the window in which it may sign and its revocation.
public struct RegisteredKey: Sendable, Hashable {
    /// Why and since when a key must no longer be trusted.
    public struct Revocation: Sendable, Hashable {
        /// From this instant on the key signs nothing valid.
        public var at: RegistryDate
        /// Why, such as `keyCompromise`, `superseded` or `cessationOfOperation`.
        public var reason: String?
        /// For a compromised key: signatures dated on or after this instant are rejected even when they claim
        /// an earlier time than ``at``.
        public var compromisedSince: RegistryDate?

        public init(at: RegistryDate, reason: String? = nil, compromisedSince: RegistryDate? = nil) {
            self.at = at
            self.reason = reason
            self.compromisedSince = compromisedSince
        }
    }

    /// The verification method id that proofs name, such as `did:web:cme.example.org#key-2024`.
    public var id: String
    /// The public key: an Ed25519, P-256 or P-384 key (Data Integrity and JWS), or an RSA key (RS256 JWTs
    /// only, always written as `publicKeyJwk`).
    public var verificationKey: JWSPublicKey
    /// Whether the file wrote the key as a JWK (kept so that the registry round-trips).
    public var writtenAsJWK: Bool
    /// The first instant the key may sign.
    public var validFrom: RegistryDate?
    /// The last instant the key may sign.
    public var validUntil: RegistryDate?
    public var revoked: Revocation?

    public init(
        id: String, publicKey: PublicKey, writtenAsJWK: Bool = false, validFrom: RegistryDate? = nil,
        validUntil: RegistryDate? = nil, revoked: Revocation? = nil
    ) {
        self.init(
            id: id, verificationKey: .key(publicKey), writtenAsJWK: writtenAsJWK, validFrom: validFrom,
            validUntil: validUntil, revoked: revoked)
    }

    /// Creates a key of any type the registry holds, RSA included (an RSA key is always written as a JWK).
    public init(
        id: String, verificationKey: JWSPublicKey, writtenAsJWK: Bool = false, validFrom: RegistryDate? = nil,
        validUntil: RegistryDate? = nil, revoked: Revocation? = nil
    ) {
        self.id = id
        self.verificationKey = verificationKey
        if case .rsa = verificationKey { self.writtenAsJWK = true } else { self.writtenAsJWK = writtenAsJWK }
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.revoked = revoked
    }

    /// The key when it is an Ed25519, P-256 or P-384 key (one a Data Integrity proof can use); `nil` for RSA.
    /// Setting it replaces the key.
    public var publicKey: PublicKey? {
        get {
            if case .key(let key) = verificationKey { key } else { nil }
        }
        set {
            if let newValue { verificationKey = .key(newValue) }
        }
    }

    /// The key type for people: `ed25519`, `p256`, `p384` or `rsa`.
    public var typeName: String {
        switch verificationKey {
        case .key(let key): key.type.rawValue
        case .rsa: "rsa"
        }
    }

    /// The window as text for reports: `2024-01-01 … 2026-12-31`.
    public var windowDescription: String {
        "\(validFrom?.text ?? "…") … \(validUntil?.text ?? "…")"
    }

    /// Whether a signature made at `signed` may be trusted: a passing check, a failing one with the reason, or
    /// an unknown one for a signature dated before a compromised key's compromise (it may be backdated).
    public func check(signedAt signed: Date, stamp: String) -> Check {
        if let compromised = revoked?.compromisedSince, signed >= compromised.start {
            return .fail(
                "key", .keyCompromised,
                "key \(id) was compromised since \(compromised.text); the proof is dated \(stamp)")
        }
        if let revoked, signed >= revoked.at.start {
            return .fail(
                "key", .keyRevoked,
                "key \(id) was revoked at \(revoked.at.text)\(revoked.reason.map { " (\($0))" } ?? ""); the proof is dated \(stamp)"
            )
        }
        if let validFrom, signed < validFrom.start {
            return .fail(
                "key", .keyNotYetValid, "key \(id) is valid from \(validFrom.text); the proof is dated \(stamp)")
        }
        if let validUntil, signed > validUntil.end {
            return .fail(
                "key", .keyExpired, "key \(id) was valid until \(validUntil.text); the proof is dated \(stamp)")
        }
        if let revoked, revoked.compromisedSince != nil || revoked.reason == Self.keyCompromise {
            // DOMAIN.md §5.5: dates inside a compromised window can be forged, so an older one is flagged for review.
            let since = revoked.compromisedSince ?? revoked.at
            return .unknown(
                "key", .keyCompromiseReview,
                "key \(id) was compromised (since \(since.text)); the proof is dated \(stamp), earlier, but whoever held the key could have backdated it: confirm the credential with its issuer"
            )
        }
        return .pass("key", "\(id) registered \(windowDescription), proof dated \(stamp)")
    }

    /// The revocation reason of a key whose private key was exposed.
    public static let keyCompromise = "keyCompromise"
}
