import ArgumentParser
import CMECredentials
import Foundation
import VerifiableCredentials

/// `--issuer DIR` and the key passphrase: how commands that act for an issuer find it.
struct IssuerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The issuer directory (made by cmevc issuer init).", valueName: "dir"))
    var issuer: String

    @OptionGroup var passphrase: PassphraseOptions

    /// The issuer directory, or exit 2 with a one-line message.
    func directory() throws -> IssuerDirectory {
        do {
            return try IssuerDirectory(opening: URL(fileURLWithPath: issuer))
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
    }

    /// The issuer with its key loaded and its ledger open, or exit 2 with a one-line message.
    func credentialIssuer() throws -> CredentialIssuer {
        let directory = try directory()
        do {
            let key = try directory.jwsSigningKey(passphrase: try passphrase.passphrase())
            return try CredentialIssuer(directory: directory, key: key)
        } catch let error as CredentialError {
            throw Terminal.couldNotRun(error.description)
        }
    }

    /// The ledger alone (no key needed), or exit 2 with a one-line message.
    func ledger() throws -> IssuerLedger {
        let directory = try directory()
        do {
            return try directory.ledger()
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
    }
}
