import ArgumentParser
import Foundation
import VerifiableCredentials

/// `cmevc present`: a signed VerifiablePresentation of selected wallet credentials for one verifier.
struct PresentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Present selected wallet credentials to one verifier (holder = the key's did:key).")

    @Option(help: ArgumentHelp("The wallet folder.", valueName: "dir"))
    var wallet: String

    @Option(help: ArgumentHelp("The holder's private key (PEM).", valueName: "file"))
    var key: String

    @Option(help: "The verifier's challenge.")
    var challenge: String

    @Option(help: "The verifier's domain.")
    var domain: String

    @Option(help: ArgumentHelp("Only credentials completed on or after this date.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only credentials completed on or before this date.", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Only credentials with this credit type (repeatable, any of).", valueName: "code"))
    var creditType: [String] = []

    @Option(help: ArgumentHelp("Only credentials with this topic (repeatable, any of).", valueName: "code"))
    var topic: [String] = []

    @Option(help: ArgumentHelp("Only the credential with this id (repeatable).", valueName: "id"))
    var id: [String] = []

    @Option(help: ArgumentHelp("Where to write the presentation.", valueName: "vp.json"))
    var out: String

    @Option(
        help: ArgumentHelp(
            "data-integrity (a proof inside the JSON, the default) or jwt (a vp+jwt: challenge as nonce, domain as aud)."
        ))
    var format: SecuringFormat = .dataIntegrity

    @OptionGroup var passphrase: PassphraseOptions

    func validate() throws {
        guard !challenge.isEmpty, !domain.isEmpty else {
            throw ValidationError("--challenge and --domain must not be empty")
        }
        if let since { _ = try DateArgument.parse(since, option: "--since") }
        if let until { _ = try DateArgument.parse(until, option: "--until") }
    }

    func run() throws {
        let holder = try KeyLoading.load(key, passphrase: passphrase)
        var untilDate = try until.map { try DateArgument.parse($0, option: "--until") }
        if let text = until, text.count == 10 { untilDate = untilDate?.addingTimeInterval(86_399) }
        let selection = WalletSelection(
            since: try since.map { try DateArgument.parse($0, option: "--since") }, until: untilDate,
            creditTypes: creditType, topics: topic, ids: id)
        let contents: CredentialWallet.Contents
        do {
            contents = try CredentialWallet(directory: URL(fileURLWithPath: wallet)).contents()
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
        // A wallet file that cannot be read is never presented, and never left out without a word.
        for skipped in contents.skipped { Terminal.warn("\(skipped.description); not presented") }
        let selected = contents.entries.filter { entry in
            entry.credential.objectValue.map { selection.matches(TranscriptLine(credential: $0)) } ?? false
        }
        guard !selected.isEmpty else {
            Terminal.err("no credential in \(wallet) matches the selection; nothing written")
            throw ExitStatus.notVerified
        }
        do {
            let builder = VerifiablePresentationBuilder(credentials: selected.map(\.json))
            if format == .jwt {
                // JWT credentials stay enveloped; the holder's did:key signs the vp+jwt.
                let jwt = try VCJWTSigner(key: .key(holder), keyID: DIDKey.verificationMethodID(for: holder.publicKey))
                    .sign(
                        presentation: builder.unsigned(holder: DIDKey.did(for: holder.publicKey)), nonce: challenge,
                        audience: domain, issuedAt: Date())
                try InputFiles.write(Array((jwt.compact + "\n").utf8), to: out)
            } else {
                let presentation = try builder.signed(
                    with: holder, challenge: challenge, domain: domain, created: Date())
                try InputFiles.write(JSONSerializer.bytes(presentation, layout: .pretty), to: out)
            }
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
        Terminal.err(
            "presented \(selected.count) credential\(selected.count == 1 ? "" : "s") as \(DIDKey.did(for: holder.publicKey)) for \(domain) → \(out)"
        )
        if !contents.skipped.isEmpty { throw ExitStatus.notVerified }
    }
}
