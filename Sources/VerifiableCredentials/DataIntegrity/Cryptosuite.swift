import Crypto

/// A Data Integrity cryptosuite: how a `DataIntegrityProof` with a given `cryptosuite` name turns a document and
/// a proof configuration into the bytes that are hashed and signed.
///
/// The JCS suites (`eddsa-jcs-2022`, `ecdsa-jcs-2019`) and the RDFC suites (`eddsa-rdfc-2022`,
/// `ecdsa-rdfc-2019`) conform; callers go through ``DataIntegritySigner`` and ``DataIntegrityVerifier`` only.
public protocol Cryptosuite: Sendable {
    /// The `cryptosuite` value, such as `eddsa-jcs-2022`.
    var name: String { get }
    /// Whether the finished proof keeps the document's `@context` (the JCS suites do; the RDFC suites do not).
    var proofIncludesContext: Bool { get }
    /// Whether `canonicalize` is RFC 8785 JCS (then a verifier may reuse a canonical form it already has).
    var canonicalizesWithJCS: Bool { get }
    /// Whether keys of this type may be used with the suite.
    func accepts(_ keyType: KeyType) -> Bool
    /// The canonical bytes of a document or proof configuration, for a key of `keyType`
    /// (RDFC-1.0 hashes blank nodes with SHA-384 for P-384 keys).
    func canonicalize(_ value: JSONValue, keyType: KeyType) throws(CredentialError) -> [UInt8]
}

extension Cryptosuite {
    public var canonicalizesWithJCS: Bool { false }

    /// SHA-384 for P-384 keys, SHA-256 otherwise, as the EdDSA and ECDSA cryptosuite specs define.
    public func hash(_ bytes: [UInt8], keyType: KeyType) -> [UInt8] {
        hashesWithSHA256(keyType) ? Array(SHA256.hash(data: bytes)) : Array(SHA384.hash(data: bytes))
    }

    /// Whether ``hash(_:keyType:)`` is SHA-256 for keys of `keyType` (SHA-384 for P-384 keys).
    public func hashesWithSHA256(_ keyType: KeyType) -> Bool { keyType != .p384 }

    /// The signature length the suite expects for a key type (raw r‖s for ECDSA).
    public func signatureLength(for keyType: KeyType) -> Int {
        keyType == .p384 ? 96 : 64
    }
}

/// The cryptosuites a signer or verifier knows, by name.
public struct CryptosuiteSet: Sendable {
    private var suites: [String: any Cryptosuite]
    /// Verify-only VC 1.1 proof suites, by proof `type` (see ``LegacyProofSuite``).
    var legacyByType: [String: any LegacyProofSuite] = [:]
    /// The RDFC suites' recent proof configuration hashes, for verifying (shared by copies of this set).
    private(set) var proofConfigurationHashes = ProofConfigurationHashes()

    /// A set of the given suites.
    public init(_ suites: [any Cryptosuite]) {
        self.suites = Dictionary(suites.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The suite named `name`, when known.
    public subscript(name: String) -> (any Cryptosuite)? { suites[name] }

    /// The names of the known suites, sorted.
    public var names: [String] { suites.keys.sorted() }

    /// Adds or replaces a suite (and forgets the configuration hashes the suites before computed).
    public mutating func insert(_ suite: any Cryptosuite) {
        suites[suite.name] = suite
        proofConfigurationHashes = ProofConfigurationHashes()
    }

    /// The JSON Canonicalization Scheme suites.
    public static let jcs = CryptosuiteSet([EdDSAJCS2022(), ECDSAJCS2019()])
}
