/// The RDFC transformation shared by the `*-rdfc-*` suites: JSON-LD → RDF (safe mode, bundled contexts only)
/// → RDFC-1.0 canonical N-Quads, with SHA-384 inside RDFC-1.0 for P-384 keys.
struct RDFCanonicalForm: Sendable {
    let documentLoader: any DocumentLoader

    func bytes(_ value: JSONValue, keyType: KeyType) throws(CredentialError) -> [UInt8] {
        // Safe mode: a term the contexts do not define fails instead of being silently left out of what is signed.
        let options = JSONLDOptions(documentLoader: documentLoader, safeMode: true)
        let canonicalizer = RDFCanonicalizer(hashAlgorithm: keyType == .p384 ? .sha384 : .sha256)
        return try canonicalizer.canonicalNQuadsBytes(jsonLD: value, options: options)
    }
}

/// The `eddsa-rdfc-2022` cryptosuite: Ed25519 over RDFC-1.0 canonical N-Quads (Data Integrity EdDSA §3.2).
public struct EdDSARDFC2022: Cryptosuite {
    private let form: RDFCanonicalForm

    /// A suite that resolves `@context` URLs with `documentLoader` (bundled contexts only; nothing is fetched).
    public init(documentLoader: any DocumentLoader) { form = RDFCanonicalForm(documentLoader: documentLoader) }

    public var name: String { "eddsa-rdfc-2022" }
    public var proofIncludesContext: Bool { false }
    public func accepts(_ keyType: KeyType) -> Bool { keyType == .ed25519 }
    public func canonicalize(_ value: JSONValue, keyType: KeyType) throws(CredentialError) -> [UInt8] {
        try form.bytes(value, keyType: keyType)
    }
}

/// The `ecdsa-rdfc-2019` cryptosuite: ECDSA P-256 (SHA-256) or P-384 (SHA-384, also inside RDFC-1.0) over
/// RDFC-1.0 canonical N-Quads (Data Integrity ECDSA §3.2).
public struct ECDSARDFC2019: Cryptosuite {
    private let form: RDFCanonicalForm

    /// A suite that resolves `@context` URLs with `documentLoader` (bundled contexts only; nothing is fetched).
    public init(documentLoader: any DocumentLoader) { form = RDFCanonicalForm(documentLoader: documentLoader) }

    public var name: String { "ecdsa-rdfc-2019" }
    public var proofIncludesContext: Bool { false }
    public func accepts(_ keyType: KeyType) -> Bool { keyType == .p256 || keyType == .p384 }
    public func canonicalize(_ value: JSONValue, keyType: KeyType) throws(CredentialError) -> [UInt8] {
        try form.bytes(value, keyType: keyType)
    }
}

extension CryptosuiteSet {
    /// Every Data Integrity suite cmevc implements: the JCS suites and the RDFC suites over `documentLoader`.
    /// The verify-only VC 1.1 proof suites are included (``legacySuites(documentLoader:)``).
    public static func all(documentLoader: any DocumentLoader) -> CryptosuiteSet {
        CryptosuiteSet(
            [
                EdDSARDFC2022(documentLoader: documentLoader), ECDSARDFC2019(documentLoader: documentLoader),
                EdDSAJCS2022(), ECDSAJCS2019(),
            ],
            legacy: legacySuites(documentLoader: documentLoader))
    }

    /// The suite cmevc issues with by default for a key type: `eddsa-rdfc-2022` for Ed25519, `ecdsa-rdfc-2019`
    /// for P-256 and P-384.
    public static func defaultSuite(for keyType: KeyType, documentLoader: any DocumentLoader) -> any Cryptosuite {
        keyType == .ed25519
            ? EdDSARDFC2022(documentLoader: documentLoader) : ECDSARDFC2019(documentLoader: documentLoader)
    }
}
