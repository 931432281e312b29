import ArgumentParser
import Foundation
import VerifiableCredentials

/// `cmevc registry sign`: the operator signs the registry (a Data Integrity proof by its did:key).
struct RegistrySignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign", abstract: "Sign the registry with the operator's key (replaces an earlier signature).")

    @Option(help: ArgumentHelp("The operator's private key (PEM).", valueName: "file"))
    var key: String

    @OptionGroup var passphrase: PassphraseOptions

    @Argument(help: ArgumentHelp("The registry file, signed in place.", valueName: "registry.json"))
    var registry: String

    func run() throws {
        var current = try RegistryLoading.load(registry)
        let signingKey = try KeyLoading.load(key, passphrase: passphrase)
        current.proof = nil
        // The registry is plain JSON, not JSON-LD: always a JCS suite.
        let signed: IssuerRegistry
        do {
            signed = try current.signed(with: signingKey, suite: signingKey.type == .ed25519 ? EdDSAJCS2022() : ECDSAJCS2019(), at: Date())
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
        try RegistryLoading.write(signed, to: registry)
        Terminal.err(
            "\(registry): signed by \(DIDKey.did(for: signingKey.publicKey)) (pin it with --registry-key), sequence \(signed.info.sequence)"
        )
    }
}
