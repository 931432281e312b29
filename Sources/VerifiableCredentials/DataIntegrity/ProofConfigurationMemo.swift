import Foundation

/// The proof configuration a signer made last, with the hash of its canonical form.
///
/// A batch signs every document with the same options and `@context` (one key, one `created` time), so the
/// configuration is built, canonicalized and hashed once instead of once per document (for RDFC a JSON-LD
/// expansion and an RDFC-1.0 run: issuing with `eddsa-rdfc-2022` went from 372–390 to 348–358 µs of CPU per
/// credential; with JCS 77 → 76 µs, interleaved one-off runs). The entry is reused only for options
/// and a `@context` equal to the ones it was made for, strings compared byte for byte (`String`'s `==` takes
/// canonically equivalent Unicode as equal, which would put the other text into the proof); the suite (with its
/// document loader) and the key type are the signer's own, so nothing else goes into the hash.
///
/// `@unchecked Sendable` is safe: `last` is read and written only under `lock`.
final class ProofConfigurationMemo: @unchecked Sendable {
    typealias Entry = (options: ProofOptions, context: JSONValue?, configuration: JSONObject, hash: [UInt8])

    private let lock = NSLock()
    private var last: Entry?

    /// The configuration and its hash for `options` and `context`: the remembered ones when both are equal to
    /// theirs, otherwise what `make` returns (then remembered).
    func configuration(
        options: ProofOptions, context: JSONValue?,
        make: () throws(CredentialError) -> (configuration: JSONObject, hash: [UInt8])
    ) throws(CredentialError) -> (configuration: JSONObject, hash: [UInt8]) {
        lock.lock()
        let remembered = last
        lock.unlock()
        if let remembered, remembered.options.hasSameFields(as: options), remembered.context == context {
            return (remembered.configuration, remembered.hash)
        }
        let made = try make()
        lock.lock()
        last = (options, context, made.configuration, made.hash)
        lock.unlock()
        return made
    }
}

extension ProofOptions {
    /// Whether every field is the same, strings compared byte for byte.
    fileprivate func hasSameFields(as other: ProofOptions) -> Bool {
        func same(_ a: String?, _ b: String?) -> Bool {
            switch (a, b) {
            case (nil, nil): true
            case (let a?, let b?): JSONObject.sameKey(a, b)
            default: false
            }
        }
        func same(_ a: [String], _ b: [String]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { JSONObject.sameKey($0, $1) }
        }
        return same(verificationMethod, other.verificationMethod) && same(proofPurpose, other.proofPurpose)
            && created == other.created && expires == other.expires && same(challenge, other.challenge)
            && same(domain, other.domain) && same(id, other.id) && same(previousProof, other.previousProof)
            && same(nonce, other.nonce)
    }
}
