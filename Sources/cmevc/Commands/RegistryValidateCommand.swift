import ArgumentParser
import Foundation
import VerifiableCredentials

/// `cmevc registry validate`: the file is a valid registry (and, with `--registry-key`, validly signed).
struct RegistryValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check a registry file (and its operator signature with --registry-key).",
        discussion: "Exit status: 0 valid; 1 the signature is missing or wrong; 2 the file is unreadable or invalid.")

    @Option(help: ArgumentHelp("The operator's DID whose signature is required.", valueName: "did"))
    var registryKey: String?

    @Argument(help: ArgumentHelp("The registry file.", valueName: "registry.json"))
    var registry: String

    func run() throws {
        let current = try RegistryLoading.load(registry)
        let keys = current.issuers.reduce(0) { $0 + $1.keys.count }
        if let registryKey {
            let check = current.verifySignature(operatorDID: registryKey, now: Date())
            guard check.status == .pass else {
                Terminal.out(lines: ["\(registry): NOT TRUSTED", "  \(VerificationReportText.line(check))"])
                throw ExitStatus.notVerified
            }
        }
        Terminal.out(
            "\(registry): valid \(IssuerRegistry.format), sequence \(current.info.sequence), \(current.issuers.count) issuers, \(keys) keys\(registryKey.map { ", signed by \($0)" } ?? (current.proof == nil ? ", unsigned" : ", signature not checked (pass --registry-key)"))"
        )
    }
}
