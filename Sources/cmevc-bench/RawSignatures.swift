import Crypto
import Foundation

/// How many different signatures ``RawSignatures`` cycles through.
let rawSignatureCount = 1_024

/// Raw swift-crypto signatures for the verify baselines: 1,024 different keys, messages and signatures, cycled
/// through, so that each verification meets a signature it did not just verify, as a verifier of credentials does.
///
/// Verifying one signature over and over measures a best case no verifier sees: Ed25519 verification runs in
/// variable time, and on a signature repeated the processor learns its branches (about 5 % faster on this machine
/// than on different signatures). The bench prints that figure too, next to this one.
// Shared with the threads of a parallel baseline, which only read it: swift-crypto 3's key and signature types are
// immutable values that do not declare `Sendable`.
struct RawSignatures<Key, Signature>: @unchecked Sendable {
    let keys: [Key]
    let messages: [[UInt8]]
    let signatures: [Signature]
    let check: @Sendable (Key, Signature, [UInt8]) -> Bool

    /// Verifies signature number `index` (modulo ``rawSignatureCount``); whether it verified.
    func verify(_ index: Int) -> Bool {
        let slot = index % keys.count
        return check(keys[slot], signatures[slot], messages[slot])
    }

    /// Verifies `count` signatures in turn, starting at signature `start`; whether all verified.
    func verifyAll(_ count: Int, from start: Int = 0) -> Bool {
        var verified = true
        for index in start..<start + count where !verify(index) { verified = false }
        return verified
    }

    /// Messages of `messageBytes` random bytes, each signed by its own key.
    init<Private>(
        messageBytes: Int, generate: () -> Private, publicKey: (Private) -> Key,
        sign: (Private, [UInt8]) throws -> Signature, check: @escaping @Sendable (Key, Signature, [UInt8]) -> Bool
    ) rethrows {
        var (keys, messages, signatures) = ([Key](), [[UInt8]](), [Signature]())
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<rawSignatureCount {
            let key = generate()
            let message = (0..<messageBytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            keys.append(publicKey(key))
            messages.append(message)
            signatures.append(try sign(key, message))
        }
        (self.keys, self.messages, self.signatures, self.check) = (keys, messages, signatures, check)
    }
}

extension RawSignatures where Key == Curve25519.Signing.PublicKey, Signature == Data {
    /// Ed25519 over 64-byte messages (the size of a Data Integrity proof's hash data).
    static func ed25519() throws -> Self {
        try Self(
            messageBytes: 64, generate: { Curve25519.Signing.PrivateKey() }, publicKey: { $0.publicKey },
            sign: { try $0.signature(for: $1) }, check: { $0.isValidSignature($1, for: $2) })
    }
}

extension RawSignatures where Key == P256.Signing.PublicKey, Signature == P256.Signing.ECDSASignature {
    /// ECDSA P-256 with SHA-256 over 64-byte messages.
    static func p256() throws -> Self {
        try Self(
            messageBytes: 64, generate: { P256.Signing.PrivateKey() }, publicKey: { $0.publicKey },
            sign: { try $0.signature(for: $1) }, check: { $0.isValidSignature($1, for: $2) })
    }
}

extension RawSignatures where Key == P384.Signing.PublicKey, Signature == P384.Signing.ECDSASignature {
    /// ECDSA P-384 with SHA-384 over 96-byte messages.
    static func p384() throws -> Self {
        try Self(
            messageBytes: 96, generate: { P384.Signing.PrivateKey() }, publicKey: { $0.publicKey },
            sign: { try $0.signature(for: $1) }, check: { $0.isValidSignature($1, for: $2) })
    }
}
