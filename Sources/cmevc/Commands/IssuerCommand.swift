import ArgumentParser
import CMECredentials
import Foundation
import VerifiableCredentials

/// `cmevc issuer init|show|did-document`: the provider's issuer directory.
struct IssuerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issuer",
        abstract: "Create and inspect an issuer directory (profile, key reference, ledger).",
        subcommands: [Init.self, Show.self, DIDDocument.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: "Create an issuer directory: issuer.json and the ledger database.")

        @Argument(help: ArgumentHelp("The directory to create (must not hold an issuer yet).", valueName: "dir"))
        var directory: String

        @Option(help: ArgumentHelp("The issuer's DID (did:web:… or the key's did:key:…).", valueName: "did"))
        var id: String

        @Option(help: "The provider's name as statements print it.")
        var name: String

        @Option(
            help: ArgumentHelp(
                "The signing key file (PEM); stored relative to the directory when inside it.", valueName: "file"))
        var key: String

        @Option(
            help: ArgumentHelp(
                "Where status lists will be published; entries name <url>/<purpose>/<n>.", valueName: "url"))
        var statusBaseURL: String

        @Option(
            help: ArgumentHelp(
                "The verification method id for proofs; default <did>#key-1 (did:key: the key's method).",
                valueName: "id"))
        var verificationMethod: String?

        @Option(help: ArgumentHelp("The ACCME provider id.", valueName: "id"))
        var providerID: String?

        @Option(
            help: ArgumentHelp(
                "The accreditation statement; default the ACCME statement when --provider-id is given.",
                valueName: "text"))
        var accreditationStatement: String?

        @Option(
            help:
                "The cryptosuite credentials are signed with; default eddsa-rdfc-2022 (Ed25519) or ecdsa-rdfc-2019 (P-256/P-384); none for RSA (vc+jwt only)."
        )
        var suite: String?

        @OptionGroup var passphrase: PassphraseOptions

        func validate() throws {
            if let suite, !IssuanceSuites.names.contains(suite) {
                throw ValidationError(
                    "unknown suite \(suite); choose one of \(IssuanceSuites.names.joined(separator: ", "))")
            }
            guard id.hasPrefix("did:") || id.hasPrefix("https://") else {
                throw ValidationError("--id must be a DID (did:web:…, did:key:…) or an https URL")
            }
            guard statusBaseURL.hasPrefix("https://") || statusBaseURL.hasPrefix("http://") else {
                throw ValidationError("--status-base-url must be an http(s) URL")
            }
        }

        func run() throws {
            let signingKey = try JWSKeyLoading.load(key, passphrase: passphrase)
            let directoryURL = URL(fileURLWithPath: directory).standardizedFileURL
            let keyURL = URL(fileURLWithPath: key).standardizedFileURL
            let inside = directoryURL.path.hasSuffix("/") ? directoryURL.path : directoryURL.path + "/"
            let keyPath = keyURL.path.hasPrefix(inside) ? String(keyURL.path.dropFirst(inside.count)) : keyURL.path
            let configuration = IssuerConfiguration(
                profile: IssuerProfile(
                    id: id, name: name, providerID: providerID, accreditationStatement: accreditationStatement),
                keyPath: keyPath, verificationMethod: try methodID(for: signingKey), statusBaseURL: statusBaseURL,
                suite: try suiteName(for: signingKey))
            do throws(CredentialError) {
                try IssuerDirectory.create(
                    at: directoryURL, configuration: configuration, publicKey: signingKey.publicKey, now: Date())
            } catch {
                throw Terminal.couldNotRun(error.description)
            }
            let securing = configuration.suite.map { "suite \($0)" } ?? "RS256 vc+jwt only"
            Terminal.err("created issuer \(id) in \(directory) (\(securing), key \(keyPath))")
        }

        /// `--verification-method`, else the key's did:key method for a did:key issuer, else `<did>#key-1`.
        private func methodID(for signingKey: JWSSigningKey) throws -> String {
            guard case .key(let shared) = signingKey else {
                if id.hasPrefix(DIDKey.prefix) {
                    throw Terminal.couldNotRun("an RSA key has no did:key; give the issuer a did:web (or https) --id")
                }
                return verificationMethod ?? id + "#key-1"
            }
            if id.hasPrefix(DIDKey.prefix), id != DIDKey.did(for: shared.publicKey) {
                throw Terminal.couldNotRun(
                    "--id \(id) is a did:key of another key; this key's DID is \(DIDKey.did(for: shared.publicKey))")
            }
            return verificationMethod
                ?? (id.hasPrefix(DIDKey.prefix) ? DIDKey.verificationMethodID(for: shared.publicKey) : id + "#key-1")
        }

        /// The Data Integrity suite for the key: `--suite` (checked against the key type) or the type's default;
        /// none for RSA.
        private func suiteName(for signingKey: JWSSigningKey) throws -> String? {
            guard case .key(let shared) = signingKey else {
                if let suite {
                    throw Terminal.couldNotRun(
                        "\(suite) cannot sign with an RSA key; an RSA issuer signs RS256 vc+jwt only (leave out --suite)"
                    )
                }
                return nil
            }
            let name = suite ?? IssuanceSuites.defaultName(for: shared.type)
            do throws(CredentialError) {
                let chosen = try IssuanceSuites.suite(named: name)
                guard chosen.accepts(shared.type) else {
                    throw CredentialError(
                        .keyTypeMismatch, "\(chosen.name) cannot sign with a \(shared.type.rawValue) key")
                }
            } catch {
                throw Terminal.couldNotRun(error.description)
            }
            return name
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print issuer.json, how it secures credentials, its public key, the ledger's counts and lists.")

        @Argument(help: ArgumentHelp("The issuer directory.", valueName: "dir"))
        var directory: String

        @OptionGroup var passphrase: PassphraseOptions

        func run() throws {
            let options = try IssuerOptions.parse(["--issuer", directory])
            let issuerDirectory = try options.directory()
            let ledger = try options.ledger()
            var report = issuerDirectory.configuration.json.objectValue ?? JSONObject()
            report["securing"] = issuerDirectory.configuration.suite == nil ? ["jwt"] : ["data-integrity", "jwt"]
            // The public key when the key file can be read (an encrypted one needs its passphrase).
            switch try? issuerDirectory.jwsSigningKey(passphrase: try passphrase.passphrase()) {
            case .key(let key)?:
                report["keyType"] = .string(key.type.rawValue)
                report["publicKeyMultibase"] = .string(key.publicKey.multibase)
            case .rsa(let key)?:
                report["keyType"] = "rsa"
                report["publicKeyJwk"] = key.publicKey.jwk
            case nil:
                break
            }
            do {
                var counts = JSONObject()
                for state in CredentialState.allCases {
                    counts[state.rawValue] = .number(Double(try ledger.credentialCount(state: state)))
                }
                report["credentials"] = .object(counts)
                report["statusLists"] = .array(
                    try ledger.allLists().map { info in
                        [
                            "id": .string(
                                issuerDirectory.configuration.statusListURL(purpose: info.purpose, number: info.number)),
                            "purpose": .string(info.purpose.rawValue), "size": .number(Double(info.size)),
                            "allocated": .number(Double(info.allocated)),
                        ]
                    })
            } catch {
                throw Terminal.couldNotRun(error.description)
            }
            Terminal.outBytes(JSONSerializer.bytes(.object(report), layout: .pretty))
        }
    }

    struct DIDDocument: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "did-document",
            abstract: "Print the DID document to publish (did:web: serve it as /.well-known/did.json).")

        @Argument(help: ArgumentHelp("The issuer directory.", valueName: "dir"))
        var directory: String

        @OptionGroup var passphrase: PassphraseOptions

        func run() throws {
            let issuerDirectory = try IssuerOptions.parse(["--issuer", directory]).directory()
            let key = try JWSKeyLoading.load(issuerDirectory.keyURL.path, passphrase: passphrase)
            Terminal.outBytes(
                JSONSerializer.bytes(issuerDirectory.didDocument(publicKey: key.publicKey), layout: .pretty))
        }
    }
}
