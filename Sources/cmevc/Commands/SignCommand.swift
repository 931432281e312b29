import ArgumentParser
import CMECredentials
import Foundation
import VerifiableCredentials

/// `cmevc sign`: add a Data Integrity proof to any JSON-LD document.
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract:
            "Add a Data Integrity proof to a JSON-LD document (a proof set if it already has proofs), or sign it as a JWT."
    )

    @Option(help: ArgumentHelp(SecuringFormat.help))
    var format: SecuringFormat = .dataIntegrity

    @Option(help: ArgumentHelp("The private key file (PEM).", valueName: "file"))
    var key: String

    @Option(
        help: "The cryptosuite; default by key type (eddsa-rdfc-2022 for Ed25519, ecdsa-rdfc-2019 for P-256/P-384).")
    var suite: String?

    @Option(help: ArgumentHelp("The verification method id; default the key's did:key method.", valueName: "id"))
    var verificationMethod: String?

    @Option(help: "assertionMethod (credentials) or authentication (presentations).")
    var purpose: String = "assertionMethod"

    @Option(help: "A verifier's challenge to bind the proof to.")
    var challenge: String?

    @Option(help: "The domain the proof is meant for.")
    var domain: String?

    @Option(help: ArgumentHelp("An id for the proof (needed to chain a later proof to it).", valueName: "id"))
    var proofID: String?

    @Option(help: ArgumentHelp("The id of an earlier proof to chain to (repeatable).", valueName: "id"))
    var previousProof: [String] = []

    @Option(help: ArgumentHelp("Where to write the signed document; default standard output.", valueName: "file"))
    var out: String?

    @OptionGroup var passphrase: PassphraseOptions

    @Argument(help: ArgumentHelp("The JSON-LD document to sign.", valueName: "doc.json"))
    var document: String

    func validate() throws {
        if format == .jwt {
            guard suite == nil, proofID == nil, previousProof.isEmpty else {
                throw ValidationError(
                    "--suite, --proof-id and --previous-proof apply to Data Integrity, not to --format jwt")
            }
        }
        if let suite, !Suites.names.contains(suite) {
            throw ValidationError("unknown suite \(suite); choose one of \(Suites.names.joined(separator: ", "))")
        }
        guard ["assertionMethod", "authentication"].contains(purpose) else {
            throw ValidationError("--purpose must be assertionMethod or authentication")
        }
    }

    func run() throws {
        if format == .jwt {
            try runJWT()
            return
        }
        let signingKey = try KeyLoading.load(key, passphrase: passphrase)
        do {
            let chosen = try Suites.suite(named: suite, for: signingKey.type)
            let input = try InputFiles.json(document)
            try Self.refuseMalformedCredential(input, in: document)
            let signer = try DataIntegritySigner(key: signingKey, suite: chosen)
            let options = ProofOptions(
                verificationMethod: verificationMethod ?? DIDKey.verificationMethodID(for: signingKey.publicKey),
                proofPurpose: purpose, challenge: challenge, domain: domain.map { [$0] } ?? [], id: proofID,
                previousProof: previousProof)
            let signed = try InputFiles.within(document) { () throws(CredentialError) in
                try signer.addProof(to: input, options: options)
            }
            let bytes = JSONSerializer.bytes(signed, layout: .pretty)
            if let out {
                try InputFiles.write(bytes, to: out)
                Terminal.err("signed \(document) with \(chosen.name) → \(out)")
            } else {
                Terminal.outBytes(bytes)
            }
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
    }
}

extension SignCommand {
    /// Refuses a document typed `VerifiableCredential` that every verifier would reject for its structure
    /// (``StructurePolicy/signingProblem(_:)``): the message names the file and the field.
    static func refuseMalformedCredential(_ input: JSONValue, in path: String) throws(CredentialError) {
        guard let problem = StructurePolicy.signingProblem(input) else { return }
        throw CredentialError(
            .invalidCredential, "not signed: \(problem), and verifiers reject such a credential", location: path)
    }
}

/// The cryptosuites the CLI offers (all of them, RDFC suites over the bundled contexts).
enum Suites {
    static let names = ["ecdsa-jcs-2019", "ecdsa-rdfc-2019", "eddsa-jcs-2022", "eddsa-rdfc-2022"]

    static func all() throws(CredentialError) -> CryptosuiteSet { try CMEContexts.suites() }

    /// The JCS suite for a key type, for plain JSON documents that are not JSON-LD (the issuer registry).
    static func jcsSuite(for type: KeyType) -> any Cryptosuite {
        type == .ed25519 ? EdDSAJCS2022() : ECDSAJCS2019()
    }

    /// The suite named `name`, or the default for the key type.
    static func suite(named name: String?, for type: KeyType) throws(CredentialError) -> any Cryptosuite {
        guard let name else { return try CMEContexts.defaultSuite(for: type) }
        guard let suite = try all()[name] else {
            throw CredentialError(.unknownCryptosuite, "unknown cryptosuite \(name)")
        }
        return suite
    }
}
