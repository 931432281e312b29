import Crypto

/// Adds Data Integrity proofs to JSON(-LD) documents (Data Integrity §4.2 Add Proof, §4.3 Add Proof Set/Chain).
public struct DataIntegritySigner: Sendable {
    /// The key that signs.
    public let key: SigningKey
    /// The cryptosuite that turns the document into signed bytes.
    public let suite: any Cryptosuite
    /// The last proof configuration and its hash, shared by the copies of this signer.
    private let configurations = ProofConfigurationMemo()

    /// A signer; throws `keyTypeMismatch` when the suite cannot use the key's type.
    public init(key: SigningKey, suite: any Cryptosuite) throws(CredentialError) {
        guard suite.accepts(key.type) else {
            throw CredentialError(
                .keyTypeMismatch, "the cryptosuite \(suite.name) cannot sign with a \(key.type.rawValue) key")
        }
        self.key = key
        self.suite = suite
    }

    /// Returns `document` with a new proof. A document that already has proofs gets a proof set (an array);
    /// `options.previousProof` makes the new proof part of a chain. With `asArray`, a single proof is also
    /// written as a one-element array. A JCS suite takes the canonical text of the objects of `fragments`
    /// that the document holds from there (see ``JSONFragments``); the proof is the same.
    public func addProof(
        to document: JSONValue, options: ProofOptions, asArray: Bool = false,
        reusing fragments: JSONFragments = JSONFragments()
    ) throws(CredentialError) -> JSONValue {
        guard case .object(let object) = document else {
            throw CredentialError(
                .unexpectedJSON, "only a JSON object can be signed, found \(document.kindDescription)")
        }
        let existing = ProofSet.proofs(of: object)
        let (unsecured, missing) = ProofSet.documentToSign(object, previous: options.previousProof, all: existing)
        guard missing.isEmpty else {
            throw CredentialError(
                .previousProofMissing,
                "previousProof names \(missing.joined(separator: ", ")), which is not a proof of the document")
        }
        let proof = try createProof(for: unsecured, options: options, reusing: fragments)
        var output = object.removing("proof")
        if existing.isEmpty {
            output["proof"] = asArray ? .array([.object(proof)]) : .object(proof)
        } else {
            output["proof"] = .array(existing.map { $0.map(JSONValue.object) ?? .null } + [.object(proof)])
        }
        return .object(output)
    }

    /// Creates the proof object for an unsecured document (Create Proof of the cryptosuite specs); `fragments`
    /// as ``addProof(to:options:asArray:reusing:)`` says.
    public func createProof(
        for unsecured: JSONObject, options: ProofOptions, reusing fragments: JSONFragments = JSONFragments()
    ) throws(CredentialError) -> JSONObject {
        let context = unsecured["@context"]
        let (config, configHash) = try configurations.configuration(options: options, context: context) {
            () throws(CredentialError) in
            var config = options.configuration(cryptosuite: suite.name)
            if let context { config["@context"] = context }
            return (config, try DataIntegrityHashing.configurationHash(config, suite: suite, keyType: key.type))
        }
        let documentHash = try DataIntegrityHashing.documentHash(
            unsecured, suite: suite, keyType: key.type, reusing: fragments)
        let signature = try key.signature(for: configHash + documentHash)
        var proof = config
        if !suite.proofIncludesContext { proof["@context"] = nil }
        proof["proofValue"] = .string(Multibase.encode(signature, as: .base58btc))
        return proof
    }
}

/// The hashing step shared by signing and verifying: the hash data is `H(C(proofConfig)) ‖ H(C(document))`.
/// The configuration's half comes from the signer's last one (``ProofConfigurationMemo``) or, for an RDFC proof
/// being verified, from the suite set's recent ones (``ProofConfigurationHashes``).
enum DataIntegrityHashing {
    /// The hash of the proof configuration's canonical form (the first half of the hash data).
    static func configurationHash(_ configuration: JSONObject, suite: any Cryptosuite, keyType: KeyType)
        throws(CredentialError) -> [UInt8]
    {
        suite.hash(try suite.canonicalize(.object(configuration), keyType: keyType), keyType: keyType)
    }

    /// The hash of the document's canonical form (the second half of the hash data).
    static func documentHash(
        _ document: JSONObject, suite: any Cryptosuite, keyType: KeyType,
        reusing fragments: JSONFragments = JSONFragments()
    ) throws(CredentialError) -> [UInt8] {
        let canonicalDocument =
            suite.canonicalizesWithJCS && fragments.count > 0
            ? JSONCanonicalizer.canonicalize(.object(document), reusing: fragments)
            : try suite.canonicalize(.object(document), keyType: keyType)
        return suite.hash(canonicalDocument, keyType: keyType)
    }
}
