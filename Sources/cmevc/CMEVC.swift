import ArgumentParser
import CMECredentials

@main
struct CMEVC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cmevc",
        abstract: "Issue, present and verify CME certificates as W3C Verifiable Credentials, offline.",
        version: CMECredentials.version,
        subcommands: [
            KeysCommand.self, SignCommand.self, VerifyCommand.self, CanonicalizeCommand.self, IssuerCommand.self,
            IssueCommand.self, StatusCommand.self, AuditCommand.self, RegistryCommand.self, WalletCommand.self,
            PresentCommand.self, CheckCommand.self, ReportCommand.self, ExportCommand.self,
        ]
    )
}
