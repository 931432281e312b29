import ArgumentParser
import Foundation
import VerifiableCredentials

/// `cmevc registry revoke-key`: mark a key revoked (and, for a compromise, since when it was compromised).
struct RegistryRevokeKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke-key", abstract: "Revoke an issuer's key.")

    @Option(help: ArgumentHelp("The registry file.", valueName: "registry.json"))
    var registry: String

    @Option(help: ArgumentHelp("The verification method id of the key.", valueName: "id"))
    var key: String

    @Option(help: ArgumentHelp("From when the key signs nothing valid (default: now).", valueName: "datetime"))
    var at: String?

    @Option(help: "keyCompromise, superseded, cessationOfOperation, …")
    var reason: String = "superseded"

    @Option(
        help: ArgumentHelp("For a compromise: signatures dated from this time on are rejected.", valueName: "datetime"))
    var compromisedSince: String?

    func validate() throws {
        _ = try RegistryEditing.date(at, option: "--at")
        _ = try RegistryEditing.date(compromisedSince, option: "--compromised-since")
    }

    func run() throws {
        var current = try RegistryLoading.load(registry)
        guard let (issuer, _) = current.key(key), let issuerIndex = current.issuerIndex(issuer.id),
            let keyIndex = current.issuers[issuerIndex].keys.firstIndex(where: { $0.id == key })
        else { throw Terminal.couldNotRun("\(registry): no key \(key)") }
        let revokedAt = try RegistryEditing.date(at, option: "--at") ?? RegistryDate(Date())
        let since = try RegistryEditing.date(compromisedSince, option: "--compromised-since")
        if let since, since > revokedAt {
            throw ValidationError("--compromised-since must not be after the revocation time \(revokedAt.text)")
        }
        current.issuers[issuerIndex].keys[keyIndex].revoked = .init(
            at: revokedAt, reason: reason, compromisedSince: since)
        try RegistryEditing.save(current, to: registry, change: "revoked key \(key) at \(revokedAt.text) (\(reason))")
    }
}
