import ArgumentParser
import CMECredentials
import Foundation
import VerifiableCredentials

/// `cmevc audit verify|export`: the ledger's hash-chained audit log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check or export the issuer's hash-chained audit log.",
        subcommands: [Verify.self, Export.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract:
                "Check every event's hash and link; exit 1 naming each edited, deleted, inserted or reordered event.")

        @Option(help: ArgumentHelp("The issuer directory.", valueName: "dir"))
        var issuer: String

        func run() throws {
            let ledger = try IssuerOptions.parse(["--issuer", issuer]).ledger()
            let report: AuditChainReport
            do {
                report = try ledger.verifyAuditChain()
            } catch {
                throw Terminal.couldNotRun(error.description)
            }
            guard report.isIntact else {
                for problem in report.problems { Terminal.out(problem.description) }
                Terminal.out("audit chain BROKEN: \(report.problems.count) problem(s) in \(report.eventCount) events")
                throw ExitCode(1)
            }
            Terminal.out("audit chain intact: \(report.eventCount) events")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write every audit event as JSON Lines.")

        @Option(help: ArgumentHelp("The issuer directory.", valueName: "dir"))
        var issuer: String

        @Option(help: ArgumentHelp("The file to write; default standard output.", valueName: "file"))
        var out: String?

        func run() throws {
            let ledger = try IssuerOptions.parse(["--issuer", issuer]).ledger()
            do {
                var bytes: [UInt8] = []
                for event in try ledger.exportAudit() { bytes += JSONSerializer.bytes(event) + [0x0A] }
                if let out { try InputFiles.write(bytes, to: out) } else { Terminal.outBytes(bytes) }
            } catch {
                throw Terminal.couldNotRun(error.description)
            }
        }
    }
}
