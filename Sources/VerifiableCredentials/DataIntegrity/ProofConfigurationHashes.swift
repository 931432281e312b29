import Foundation

/// The hashes of the proof configurations a suite set's RDFC suites canonicalized last, for verifying.
///
/// The credentials of one batch share their proof configuration (one key, one `created` time), and canonicalizing
/// it with RDFC-1.0 (a JSON-LD expansion of a configuration that carries the credential's `@context`) was repeated
/// for each (a bench folder of RDFC credentials on one core: 2,232–2,244 → 2,347–2,425 verified per second). A configuration is looked up by its RFC 8785 bytes, which are exact (no Unicode
/// normalization, member order left out, which an RDF dataset does not depend on either), with the suite's name
/// and the key type; the suites are the set's own, and replacing one starts a new cache (``CryptosuiteSet``).
/// Only successful canonicalizations are kept, so a configuration that fails fails again each time.
///
/// `@unchecked Sendable` is safe: `entries` is read and written only under `lock`.
final class ProofConfigurationHashes: @unchecked Sendable {
    private typealias Entry = (suite: String, keyType: KeyType, canonicalJSON: [UInt8], hash: [UInt8])

    /// How many configurations are kept (a folder may hold several issuers' batches).
    static let capacity = 8

    private let lock = NSLock()
    private var entries: [Entry] = []

    /// The hash of `configuration`'s canonical form under `suite` for a key of `keyType`.
    func hash(of configuration: JSONObject, suite: any Cryptosuite, keyType: KeyType) throws(CredentialError)
        -> [UInt8]
    {
        let canonicalJSON = JSONCanonicalizer.canonicalize(.object(configuration))
        lock.lock()
        let known = entries.first {
            $0.suite == suite.name && $0.keyType == keyType && $0.canonicalJSON == canonicalJSON
        }
        lock.unlock()
        if let known { return known.hash }
        let hash = try DataIntegrityHashing.configurationHash(configuration, suite: suite, keyType: keyType)
        lock.lock()
        entries.insert((suite.name, keyType, canonicalJSON, hash), at: 0)
        if entries.count > Self.capacity { entries.removeLast() }
        lock.unlock()
        return hash
    }
}
