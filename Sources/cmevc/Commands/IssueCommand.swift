import ArgumentParser
import CMECredentials
import Foundation
import VerifiableCredentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `cmevc issue`: one signed credential per valid activity record, recorded in the issuer ledger.
struct IssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue one CME credential per valid record (CSV or JSON Lines), never twice.",
        discussion: """
            Every problem of every record is printed as FILE:LINE: field: expected …, found …; valid records \
            are issued. A rerun (also after a crash) issues only what is missing and rewrites missing files. \
            A records file with no record at all (empty, or a header alone) is named as FILE:1: file: …, counted \
            in the summary as a file not read, and the other files are still issued. Exit status: 0 all issued, \
            1 some records rejected or a file held no record, 2 could not run.
            """)

    @OptionGroup var issuerOptions: IssuerOptions

    @Option(help: ArgumentHelp("Write one <credential id>.json per credential into this directory.", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Write every credential of the batch to one JSON Lines file.", valueName: "file"))
    var jsonl: String?

    @Option(
        help: ArgumentHelp(
            "data-integrity (a proof inside each credential, the default) or jwt (each credential a vc+jwt, written as <id>.jwt; the only choice for an RSA issuer)."
        ))
    var format: SecuringFormat = .dataIntegrity

    @Flag(help: "Issue a replacement for records that already have a credential, revoking the old one.")
    var reissue = false

    @Argument(help: ArgumentHelp("Records files (.csv, .jsonl).", valueName: "records"))
    var records: [String]

    func validate() throws {
        if out != nil && jsonl != nil { throw ValidationError("give --out or --jsonl, not both") }
        if records.isEmpty { throw ValidationError("name at least one records file") }
    }

    func run() throws {
        var issuer = try issuerOptions.credentialIssuer()
        issuer.securing = format == .jwt ? .jwt : .dataIntegrity
        let output: CredentialOutput =
            if let out { .directory(URL(fileURLWithPath: out)) } else if let jsonl {
                .jsonLines(URL(fileURLWithPath: jsonl))
            } else { .none }
        let batch = BatchIssuer(issuer: issuer, output: output, reissue: reissue, progressInterval: 250)
        BatchMemory.keepFreedMemory()
        let progress = ProgressLine(enabled: isatty(STDERR_FILENO) == 1)
        let summary: BatchSummary
        do {
            summary = try batch.run(
                files: records.map { URL(fileURLWithPath: $0) }, now: Date(),
                diagnostic: { problem in
                    progress.clear()
                    Terminal.err(problem.description)
                },
                progress: { progress.show("\($0) …") })
        } catch {
            progress.clear()
            throw Terminal.couldNotRun(error.description)
        }
        progress.clear()
        Terminal.err(summary.description)
        if !summary.isClean { throw ExitStatus.notVerified }
    }
}

/// A one-line progress report on a terminal, redrawn in place and at most a few times a second.
final class ProgressLine {
    let enabled: Bool
    private var lastDraw = Date.distantPast
    private var visible = false

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ text: String) {
        guard enabled, Date().timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = Date()
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        visible = true
    }

    func clear() {
        guard visible else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        visible = false
    }
}
