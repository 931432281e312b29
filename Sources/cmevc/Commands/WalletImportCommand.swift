import ArgumentParser
import Foundation
import VerifiableCredentials

/// `cmevc wallet import`: verify each credential's proof and store it once.
struct WalletImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Verify and store credentials; duplicates are skipped, bad files reported.",
        discussion:
            "A JWT signed with a key that is not a did:key (RS256 always) is verified with --registry, and skipped without it. Exit status: 0 every file imported or already there; 1 some files were rejected or skipped; 2 the wallet could not be used."
    )

    @Option(help: ArgumentHelp("The wallet folder (created if needed).", valueName: "dir"))
    var wallet: String

    @Option(
        help: ArgumentHelp(
            "A registry whose keys verify credentials of did:web issuers (RSA keys of RS256 JWTs included).",
            valueName: "registry.json"))
    var registry: String?

    @Argument(help: ArgumentHelp("Credential files or folders of them.", valueName: "file"))
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one credential file") }
    }

    func run() throws {
        let store = CredentialWallet(directory: URL(fileURLWithPath: wallet))
        let now = Date()
        // Read once, for both the Data Integrity proofs and the JWT signatures (a pipe can be read only once).
        var trusted: IssuerRegistry?
        if let registry {
            let loaded = try RegistryLoading.load(registry)
            RegistryLoading.warnIfStale(loaded, path: registry, now: now)
            trusted = loaded
        }
        let verifier = try WalletResolving.verifier(registry: trusted, now: now)
        let jwtKeys = JWTKeyResolver(registry: trusted)
        let paths: [String]
        do {
            try store.create()
            paths = try DocumentFiles.expand(files)
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
        var imported = 0
        var duplicates = 0
        var rejected = 0
        var skipped = 0
        for path in paths {
            let outcome: CredentialWallet.ImportOutcome
            do {
                outcome = store.importCredential(
                    bytes: try DocumentFiles.read(path), verifier: verifier, jwtKeys: jwtKeys)
            } catch {
                outcome = .rejected(error)
            }
            switch outcome {
            case .imported(let name):
                imported += 1
                Terminal.out("imported   \(path) → \(name)")
            case .duplicate(let name):
                duplicates += 1
                Terminal.out("duplicate  \(path) (already stored as \(name))")
            case .rejected(let error):
                rejected += 1
                // A read error names the file already (`big.json: the file is … bytes`).
                let placed = error.location?.hasPrefix(path) == true ? error : error.located(path)
                Terminal.err("\(placed.description) [\(placed.code)]")
            case .skipped(let error):
                skipped += 1
                Terminal.err("skipped    \(path): \(error.message)")
            }
        }
        Terminal.out(
            "\(imported) imported, \(duplicates) duplicate\(duplicates == 1 ? "" : "s") skipped, \(rejected) rejected"
                + (skipped > 0 ? ", \(skipped) not verifiable without --registry" : "") + " → \(wallet)"
        )
        if rejected + skipped > 0 { throw ExitStatus.notVerified }
    }
}
