import ArgumentParser
import Foundation
import VerifiableCredentials

/// `cmevc wallet`: the physician's folder of credentials.
struct WalletCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wallet", abstract: "Collect credentials into a wallet folder and list them as a transcript.",
        subcommands: [WalletImportCommand.self, WalletListCommand.self])
}

/// The resolver for proofs on import: did:key always, registry keys when a registry is given.
enum WalletResolving {
    /// The proof verifier at `now`: `registry`'s keys, then did:key; did:key alone without a registry. The
    /// caller reads the registry (once: the JWT key resolver shares it) and warns if it is stale.
    static func verifier(registry: IssuerRegistry?, now: Date) throws -> DataIntegrityVerifier {
        let suites: CryptosuiteSet
        do {
            suites = try Suites.all()
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
        guard let registry else {
            return DataIntegrityVerifier(suites: suites, resolver: DIDKeyResolver(), now: now)
        }
        return DataIntegrityVerifier(suites: suites, resolver: RegistryOrDIDKeyResolver(registry: registry), now: now)
    }
}
