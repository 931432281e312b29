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
                "The cryptosuite credentials are signed with; default eddsa-rdfc-2022 (Ed25519) or ecdsa-rdfc-2019 (P-256/P-384)."
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
            let signingKey = try KeyLoading.load(key, passphrase: passphrase)
            let directoryURL = URL(fileURLWithPath: directory).standardizedFileURL
            let keyURL = URL(fileURLWithPath: key).standardizedFileURL
            let inside = directoryURL.path.hasSuffix("/") ? directoryURL.path : directoryURL.path + "/"
            let keyPath = keyURL.path.hasPrefix(inside) ? String(keyURL.path.dropFirst(inside.count)) : keyURL.path
            if id.hasPrefix(DIDKey.prefix), id != DIDKey.did(for: signingKey.publicKey) {
                throw Terminal.couldNotRun(
                    "--id \(id) is a did:key of another key; this key's DID is \(DIDKey.did(for: signingKey.publicKey))"
                )
            }
            let method =
                verificationMethod
                ?? (id.hasPrefix(DIDKey.prefix)
                    ? DIDKey.verificationMethodID(for: signingKey.publicKey) : id + "#key-1")
            let configuration = IssuerConfiguration(
                profile: IssuerProfile(
                    id: id, name: name, providerID: providerID, accreditationStatement: accreditationStatement),
                keyPath: keyPath, verificationMethod: method, statusBaseURL: statusBaseURL,
                suite: suite ?? IssuanceSuites.defaultName(for: signingKey.type))
            do throws(CredentialError) {
                let chosen = try IssuanceSuites.suite(named: configuration.suite)
                guard chosen.accepts(signingKey.type) else {
                    throw CredentialError(
                        .keyTypeMismatch, "\(chosen.name) cannot sign with a \(signingKey.type.rawValue) key")
                }
                try IssuerDirectory.create(
                    at: directoryURL, configuration: configuration, publicKey: signingKey.publicKey, now: Date())
            } catch {
                throw Terminal.couldNotRun(error.description)
            }
            Terminal.err("created issuer \(id) in \(directory) (suite \(configuration.suite), key \(keyPath))")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Print issuer.json and the ledger's counts and status lists.")

        @Argument(help: ArgumentHelp("The issuer directory.", valueName: "dir"))
        var directory: String

        func run() throws {
            let options = try IssuerOptions.parse(["--issuer", directory])
            let issuerDirectory = try options.directory()
            let ledger = try options.ledger()
            var report = issuerDirectory.configuration.json.objectValue ?? JSONObject()
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
            let key = try KeyLoading.load(issuerDirectory.keyURL.path, passphrase: passphrase)
            Terminal.outBytes(
                JSONSerializer.bytes(issuerDirectory.didDocument(publicKey: key.publicKey), layout: .pretty))
        }
    }
}
