import ArgumentParser
import Foundation
import VerifiableCredentials

/// `cmevc registry`: build and maintain the issuer key registry without hand-editing JSON.
struct RegistryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Build and maintain an issuer key registry (cme-issuer-registry/1).",
        discussion:
            "Every change bumps the registry's sequence and removes its signature; run `registry sign` afterwards.",
        subcommands: [
            RegistryInitCommand.self, RegistryAddIssuerCommand.self, RegistryAddKeyCommand.self,
            RegistryRevokeKeyCommand.self, RegistrySignCommand.self, RegistryShowCommand.self,
            RegistryValidateCommand.self,
        ])
}

/// Saving an edited registry: the sequence goes up, `issued` is now, and the old signature no longer applies.
enum RegistryEditing {
    static func save(_ registry: IssuerRegistry, to path: String, now: Date = Date(), change: String) throws {
        var edited = registry
        edited.info.sequence += 1
        edited.info.issued = RegistryDate(now)
        let wasSigned = edited.proof != nil
        edited.proof = nil
        edited.document = nil
        try RegistryLoading.write(edited, to: path)
        Terminal.err(
            "\(path): \(change); sequence \(edited.info.sequence)\(wasSigned ? "; the signature was removed, run `cmevc registry sign`" : "")"
        )
    }

    /// `TYPE=VALUE` pairs.
    static func pair(_ text: String, option: String) throws -> (String, String) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ValidationError("\(option): expected KEY=VALUE, got \"\(text)\"")
        }
        return (parts[0], parts[1])
    }

    static func date(_ text: String?, option: String) throws -> RegistryDate? {
        guard let text else { return nil }
        guard let date = RegistryDate(text) else {
            throw ValidationError(
                "\(option): expected a date such as 2026-03-02 or 2026-03-02T00:00:00Z, got \"\(text)\"")
        }
        return date
    }
}
