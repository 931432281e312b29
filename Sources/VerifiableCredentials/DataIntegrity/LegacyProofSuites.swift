/// `Ed25519Signature2020` (VC 1.1, verify only): Ed25519 over the RDFC-1.0 hash data, signature in `proofValue`
/// as multibase base58btc (Data Integrity EdDSA Cryptosuites, Appendix A).
public struct Ed25519Signature2020: LegacyProofSuite {
    private let form: RDFCanonicalForm

    /// A suite that resolves `@context` URLs with `documentLoader` (bundled contexts only, safe mode).
    public init(documentLoader: any DocumentLoader) { form = RDFCanonicalForm(documentLoader: documentLoader) }

    public var proofType: String { "Ed25519Signature2020" }
    public func accepts(_ keyType: KeyType) -> Bool { keyType == .ed25519 }
    public func signature(in proof: JSONObject, keyType: KeyType) throws(CredentialError) -> LegacySignature {
        LegacySignature(bytes: try LegacyProofValue.signature(in: proof, keyType: keyType, proofType: proofType))
    }
    public func canonicalize(_ value: JSONValue) throws(CredentialError) -> [UInt8] {
        try form.bytes(value, keyType: .ed25519)
    }
}

/// `Ed25519Signature2018` (VC 1.1, verify only): a detached `EdDSA` JWS with `b64: false` in `jws`, over
/// `ASCII(BASE64URL(header)) ‖ "." ‖ hashData`.
public struct Ed25519Signature2018: LegacyProofSuite {
    private let form: RDFCanonicalForm

    /// A suite that resolves `@context` URLs with `documentLoader` (bundled contexts only, safe mode).
    public init(documentLoader: any DocumentLoader) { form = RDFCanonicalForm(documentLoader: documentLoader) }

    public var proofType: String { "Ed25519Signature2018" }
    public func accepts(_ keyType: KeyType) -> Bool { keyType == .ed25519 }
    public func signature(in proof: JSONObject, keyType: KeyType) throws(CredentialError) -> LegacySignature {
        try LegacyProofValue.jws(in: proof).legacySignature(keyType: keyType, proofType: proofType)
    }
    public func canonicalize(_ value: JSONValue) throws(CredentialError) -> [UInt8] {
        try form.bytes(value, keyType: .ed25519)
    }
}

/// `JsonWebSignature2020` (verify only): a detached JWS with `b64: false` in `jws` (`EdDSA`, `ES256` or `ES384`,
/// matching the key), over `ASCII(BASE64URL(header)) ‖ "." ‖ hashData`; hashData uses SHA-256 for every key.
public struct JsonWebSignature2020: LegacyProofSuite {
    private let form: RDFCanonicalForm

    /// A suite that resolves `@context` URLs with `documentLoader` (bundled contexts only, safe mode).
    public init(documentLoader: any DocumentLoader) { form = RDFCanonicalForm(documentLoader: documentLoader) }

    public var proofType: String { "JsonWebSignature2020" }
    public func accepts(_ keyType: KeyType) -> Bool { true }
    public func signature(in proof: JSONObject, keyType: KeyType) throws(CredentialError) -> LegacySignature {
        try LegacyProofValue.jws(in: proof).legacySignature(keyType: keyType, proofType: proofType)
    }
    public func canonicalize(_ value: JSONValue) throws(CredentialError) -> [UInt8] {
        try form.bytes(value, keyType: .ed25519)
    }
}

/// `EcdsaSecp256r1Signature2019` (VC 1.1, verify only): ECDSA P-256 with SHA-256 over the hash data, raw r‖s in
/// `proofValue` as multibase base58btc.
public struct EcdsaSecp256r1Signature2019: LegacyProofSuite {
    private let form: RDFCanonicalForm

    /// A suite that resolves `@context` URLs with `documentLoader` (bundled contexts only, safe mode).
    public init(documentLoader: any DocumentLoader) { form = RDFCanonicalForm(documentLoader: documentLoader) }

    public var proofType: String { "EcdsaSecp256r1Signature2019" }
    public func accepts(_ keyType: KeyType) -> Bool { keyType == .p256 }
    public func signature(in proof: JSONObject, keyType: KeyType) throws(CredentialError) -> LegacySignature {
        LegacySignature(bytes: try LegacyProofValue.signature(in: proof, keyType: keyType, proofType: proofType))
    }
    public func canonicalize(_ value: JSONValue) throws(CredentialError) -> [UInt8] {
        try form.bytes(value, keyType: .p256)
    }
}

/// Reading the signature members of legacy proofs.
enum LegacyProofValue {
    /// The raw signature in `proofValue` (multibase), checked for the key type's length.
    static func signature(in proof: JSONObject, keyType: KeyType, proofType: String) throws(CredentialError)
        -> [UInt8]
    {
        guard let text = proof["proofValue"]?.stringValue else {
            throw CredentialError(.invalidProofValue, "the \(proofType) proof has no proofValue string")
        }
        let bytes: [UInt8]
        do {
            bytes = try Multibase.decode(text)
        } catch {
            throw CredentialError(.invalidProofValue, "proofValue is not multibase (base58btc z… or base64url u…)")
        }
        guard bytes.count == keyType.signatureByteCount else {
            throw .legacySignatureLength(bytes.count, proofType: proofType, keyType: keyType)
        }
        return bytes
    }

    /// The detached JWS in `jws`.
    static func jws(in proof: JSONObject) throws(CredentialError) -> DetachedJWS {
        guard let text = proof["jws"]?.stringValue else {
            throw CredentialError(.invalidProofValue, "the proof has no jws string")
        }
        return try DetachedJWS(text)
    }
}
