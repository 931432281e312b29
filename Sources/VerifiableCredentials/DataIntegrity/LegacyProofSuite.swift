import Crypto

/// A verify-only proof suite of the VC 1.1 era, named by the proof's `type` rather than a `cryptosuite`
/// (`Ed25519Signature2020`, `Ed25519Signature2018`, `JsonWebSignature2020`, `EcdsaSecp256r1Signature2019`).
///
/// All of them sign the same 64 bytes as the Data Integrity RDFC suites, `hashData` =
/// SHA-256(RDFC-1.0(proof configuration)) ‖ SHA-256(RDFC-1.0(document)), where the proof configuration is the
/// proof without its signature member and with the document's `@context`. They differ in where the signature
/// sits (`proofValue` or a detached `jws`) and in what is signed around `hashData` (a JWS adds its header).
/// ``DataIntegrityVerifier`` consults these suites, through ``CryptosuiteSet``, for any proof whose `type` is not
/// `DataIntegrityProof`. cmevc never issues with them.
public protocol LegacyProofSuite: Sendable {
    /// The proof `type` this suite verifies, such as `Ed25519Signature2018`.
    var proofType: String { get }
    /// Whether keys of this type may verify the suite's proofs.
    func accepts(_ keyType: KeyType) -> Bool
    /// The signature a proof carries, checked against the key type (`invalidProofValue`,
    /// `invalidSignatureLength`, `keyTypeMismatch` for a JWS `alg` the key cannot verify).
    func signature(in proof: JSONObject, keyType: KeyType) throws(CredentialError) -> LegacySignature
    /// The canonical bytes of the document or of the proof configuration.
    func canonicalize(_ value: JSONValue) throws(CredentialError) -> [UInt8]
}

/// A decoded legacy signature: the raw signature and the bytes signed in front of `hashData`.
public struct LegacySignature: Sendable, Hashable {
    /// Ed25519: 64 bytes; ECDSA: raw r‖s (64 bytes for P-256, 96 for P-384).
    public var bytes: [UInt8]
    /// Signed before `hashData`: empty for `proofValue` suites, `ASCII(BASE64URL(header)) ‖ "."` for a detached
    /// JWS with `b64: false` (RFC 7797).
    public var signingInputPrefix: [UInt8]

    public init(bytes: [UInt8], signingInputPrefix: [UInt8] = []) {
        self.bytes = bytes
        self.signingInputPrefix = signingInputPrefix
    }
}

/// The members that hold a legacy proof's signature; none of them is part of the signed proof configuration.
enum LegacyProofMembers {
    static let signature = ["proofValue", "jws", "signatureValue"]
}

extension LegacyProofSuite {
    /// The 64 bytes every legacy suite signs: SHA-256 of the canonical proof configuration, then of the document.
    func hashData(document: JSONObject, proofConfiguration: JSONObject) throws(CredentialError) -> [UInt8] {
        let canonicalConfig = try canonicalize(.object(proofConfiguration))
        let canonicalDocument = try canonicalize(.object(document))
        return Array(SHA256.hash(data: canonicalConfig)) + Array(SHA256.hash(data: canonicalDocument))
    }
}

extension CryptosuiteSet {
    /// A set of Data Integrity suites and verify-only legacy proof suites.
    public init(_ suites: [any Cryptosuite], legacy: [any LegacyProofSuite]) {
        self.init(suites)
        for suite in legacy where legacyByType[suite.proofType] == nil { legacyByType[suite.proofType] = suite }
    }

    /// The legacy suite for a proof `type`, when known.
    public subscript(proofType type: String) -> (any LegacyProofSuite)? { legacyByType[type] }

    /// The proof types of the known legacy suites, sorted.
    public var legacyProofTypes: [String] { legacyByType.keys.sorted() }

    /// Adds or replaces a legacy proof suite.
    public mutating func insert(_ suite: any LegacyProofSuite) { legacyByType[suite.proofType] = suite }

    /// The four VC 1.1 proof suites cmevc verifies, canonicalizing with `documentLoader` (safe mode).
    public static func legacySuites(documentLoader: any DocumentLoader) -> [any LegacyProofSuite] {
        [
            Ed25519Signature2020(documentLoader: documentLoader), Ed25519Signature2018(documentLoader: documentLoader),
            JsonWebSignature2020(documentLoader: documentLoader),
            EcdsaSecp256r1Signature2019(documentLoader: documentLoader),
        ]
    }
}
