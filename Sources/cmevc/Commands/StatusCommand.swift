import ArgumentParser
import CMECredentials
import Foundation
import VerifiableCredentials

/// `cmevc status revoke|suspend|reinstate|publish`: change a credential's status, publish the lists.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Revoke, suspend or reinstate credentials; publish the Bitstring Status Lists.",
        subcommands: [Revoke.self, Suspend.self, Reinstate.self, Publish.self])

    struct Change: ParsableArguments {
        @Option(help: ArgumentHelp("The issuer directory (made by cmevc issuer init).", valueName: "dir"))
        var issuer: String

        @Option(help: "Why (recorded in the audit log).")
        var reason: String?

        @Argument(help: ArgumentHelp("Credential ids (urn:uuid:…) or credential files.", valueName: "credential"))
        var credentials: [String]

        /// Applies `change` to each credential; exit 1 when any change was refused, 2 when the ledger failed.
        func apply(_ verb: String, _ change: (IssuerLedger, String, Date) throws(CredentialError) -> LedgerCredential)
            throws
        {
            guard !credentials.isEmpty else { throw ValidationError("name at least one credential") }
            let ledger = try IssuerOptions.parse(["--issuer", issuer]).ledger()
            var refused = false
            for argument in credentials {
                do {
                    let id = try credentialID(argument)
                    let credential = try change(ledger, id, Date())
                    let positions = credential.statusAllocations.map {
                        "\($0.purpose) list \($0.listNumber) index \($0.index)"
                    }
                    Terminal.out("\(verb) \(id) (\(positions.joined(separator: ", ")))")
                } catch  where error.code == .ledger || error.code == .io {
                    throw Terminal.couldNotRun(error.description)
                } catch {
                    Terminal.err("Error: \(error.description)")
                    refused = true
                }
            }
            if refused { throw ExitCode(1) }
        }

        /// The argument itself, or the `id` of the credential file it names.
        private func credentialID(_ argument: String) throws(CredentialError) -> String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), !isDirectory.boolValue
            else { return argument }
            let bytes = try DocumentFiles.read(argument)
            do throws(CredentialError) {
                // A vc+jwt file names its credential in the payload.
                let document: JSONValue =
                    CompactJWS.looksCompact(bytes)
                    ? .object(try DecodedJWT(compact: String(decoding: bytes, as: UTF8.self)).document)
                    : try JSONParser.parse(bytes)
                guard let id = document["id"]?.stringValue else {
                    throw CredentialError(.unexpectedJSON, "the credential has no id", location: argument)
                }
                return id
            } catch {
                throw error.location == argument ? error : error.located(argument)
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: "Revoke credentials for good (active or suspended).")
        @OptionGroup var change: Change
        func run() throws {
            try change.apply("revoked") { ledger, id, now throws(CredentialError) in
                try ledger.revoke(credentialID: id, reason: change.reason, at: now)
            }
        }
    }

    struct Suspend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suspend", abstract: "Suspend active credentials (reinstate lifts it).")
        @OptionGroup var change: Change
        func run() throws {
            try change.apply("suspended") { ledger, id, now throws(CredentialError) in
                try ledger.suspend(credentialID: id, reason: change.reason, at: now)
            }
        }
    }

    struct Reinstate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reinstate", abstract: "Lift a suspension (a revoked credential stays revoked).")
        @OptionGroup var change: Change
        func run() throws {
            try change.apply("reinstated") { ledger, id, now throws(CredentialError) in
                try ledger.reinstate(credentialID: id, reason: change.reason, at: now)
            }
        }
    }

    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract:
                "Write one signed BitstringStatusListCredential per list and purpose (<purpose>-<n>.json, or .jwt).")

        @OptionGroup var issuerOptions: IssuerOptions

        @Option(help: ArgumentHelp("The directory to write the list credentials to.", valueName: "dir"))
        var out: String

        @Option(
            help: ArgumentHelp(
                "How long the lists are valid: validUntil = now + ttl (7d, 24h, 30m, 90s).", valueName: "duration"))
        var ttl: String = "7d"

        @Option(
            help: ArgumentHelp(
                "data-integrity (the default) or jwt (each list a vc+jwt, <purpose>-<n>.jwt; the default for an RSA issuer)."
            ))
        var format: SecuringFormat?

        func validate() throws {
            do {
                _ = try DurationText.seconds(ttl)
            } catch {
                throw ValidationError("--ttl: \(error.message)")
            }
        }

        func run() throws {
            let issuer = try issuerOptions.credentialIssuer()
            do throws(CredentialError) {
                let securing = format.map { $0 == .jwt ? CredentialSecuring.jwt : .dataIntegrity }
                let lists = try StatusListPublisher(issuer: issuer).publish(
                    now: Date(), ttl: try DurationText.seconds(ttl), securing: securing)
                let directory = URL(fileURLWithPath: out)
                do {
                    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                } catch {
                    throw CredentialError(.io, "cannot create the directory", location: out)
                }
                for list in lists {
                    let path = directory.appendingPathComponent(list.fileName).path
                    try InputFiles.write(list.bytes, to: path)
                    Terminal.out("\(path)  \(list.url)  \(list.setCount) set")
                }
                if lists.isEmpty { Terminal.err("no status lists yet (nothing issued)") }
            } catch {
                throw Terminal.couldNotRun(error.description)
            }
        }
    }
}
