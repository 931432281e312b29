import Crypto
public import Foundation

/// A physician's wallet: a folder of credential files, each named by the SHA-256 of its canonical JSON
/// (RFC 8785), so the same credential is stored once whatever its formatting.
public struct CredentialWallet: Sendable {
    /// What happened to one file on import.
    public enum ImportOutcome: Sendable {
        /// Stored under this file name.
        case imported(String)
        /// Already in the wallet under this file name.
        case duplicate(String)
        /// Not imported, with why.
        case rejected(CredentialError)
        /// Not imported because it cannot be checked with what was given (an RS256 JWT without a registry).
        case skipped(CredentialError)
    }

    /// A stored credential and its file name.
    public struct Entry: Sendable {
        public var fileName: String
        public var json: JSONValue
    }

    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// The file name of `credential`: hex SHA-256 of its canonical JSON, plus `.json`.
    public static func fileName(for credential: JSONValue) -> String {
        SHA256.hash(data: JSONCanonicalizer.canonicalize(credential)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined() + ".json"
    }

    /// Creates the folder if needed.
    public func create() throws(CredentialError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw CredentialError(.walletIO, "cannot create the wallet folder", location: directory.path)
        }
    }

    /// Verifies the proofs of the credential in `bytes` (purpose `assertionMethod`) and stores it unless it
    /// is already there. Never throws: a bad file is a ``ImportOutcome/rejected(_:)``, among them a credential
    /// whose `credentialSubject` is missing or is not an object or a non-empty array of objects.
    /// A JWT credential is imported with ``importJWT(_:keys:)``, its key found through `jwtKeys`.
    public func importCredential(
        bytes: [UInt8], verifier: DataIntegrityVerifier, jwtKeys: JWTKeyResolver = JWTKeyResolver(registry: nil)
    ) -> ImportOutcome {
        if CompactJWS.looksCompact(bytes) {
            let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return importJWT(text, keys: jwtKeys)
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            return .rejected(error)
        }
        let types = json["type"]?.asArray.compactMap(\.stringValue) ?? []
        guard types.contains("VerifiableCredential"), let object = json.objectValue else {
            return .rejected(CredentialError(.invalidCredential, "not a VerifiableCredential"))
        }
        // The wallet's listing would skip a credential whose subject is missing or not an object (VC Data Model 2.0
        // §4.8), so it is not stored.
        if let problem = CredentialSubjectProblem(of: object) { return .rejected(Self.refusal(problem)) }
        let result = verifier.verify(json, expecting: ProofExpectations(proofPurpose: "assertionMethod"))
        guard result.verified else {
            let problem = result.allChecks.firstProblem
            return .rejected(
                CredentialError(problem?.code ?? .invalidProof, "proof: \(problem?.message ?? "does not verify")"))
        }
        return store(json)
    }

    /// The import refusal of a credential whose `credentialSubject` has `problem`, JSON or JWT alike:
    /// `not a VerifiableCredential: its credentialSubject is null, expected an object or an array of objects`.
    static func refusal(_ problem: CredentialSubjectProblem) -> CredentialError {
        CredentialError(
            .invalidCredential,
            "not a VerifiableCredential: \(problem.clause(owner: "it", possessive: "its", member: "credentialSubject"))"
        )
    }

    /// Stores `json` under its content name unless it is already there.
    func store(_ json: JSONValue) -> ImportOutcome {
        let name = Self.fileName(for: json)
        let url = directory.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: url.path) { return .duplicate(name) }
        do {
            try AtomicFile.write(JSONSerializer.bytes(json, layout: .pretty), to: url)
        } catch {
            return .rejected(
                CredentialError(.walletIO, "cannot write \(name) into the wallet", location: directory.path))
        }
        return .imported(name)
    }

    /// The `.json` file names in the folder, sorted.
    func fileNames() throws(CredentialError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
                .sorted()
        } catch {
            throw CredentialError(.walletIO, "cannot read the wallet folder", location: directory.path)
        }
    }
}
