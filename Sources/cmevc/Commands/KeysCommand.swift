import ArgumentParser
import Foundation
import VerifiableCredentials

/// The key types offered on the command line.
enum KeyTypeOption: String, ExpressibleByArgument, CaseIterable {
    case ed25519, p256, p384

    var keyType: KeyType {
        switch self {
        case .ed25519: .ed25519
        case .p256: .p256
        case .p384: .p384
        }
    }
}

/// `cmevc keys`: generate and inspect key files.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Generate and inspect signing keys (PEM PKCS#8, OpenSSL-compatible).",
        subcommands: [Generate.self, Show.self]
    )
}

extension KeysCommand {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a key, write it with mode 0600, and print its did:key.")

        @Option(help: "The key type: ed25519, p256 or p384.")
        var type: KeyTypeOption = .ed25519

        @Option(help: ArgumentHelp("Where to write the private key (PEM).", valueName: "file"))
        var out: String

        @Flag(help: "Overwrite an existing file.")
        var force = false

        @OptionGroup var passphrase: PassphraseOptions

        func run() throws {
            let key = SigningKey(generating: type.keyType)
            do {
                try KeyFile.write(
                    key, to: URL(fileURLWithPath: out), passphrase: try passphrase.passphrase(), force: force)
            } catch let error as CredentialError {
                throw Terminal.couldNotRun((error.location == nil ? error.located(out) : error).description)
            }
            Terminal.out("wrote \(out) (\(type.rawValue), mode 0600)")
            Terminal.out("did: \(DIDKey.did(for: key.publicKey))")
            Terminal.out("verificationMethod: \(DIDKey.verificationMethodID(for: key.publicKey))")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a key's DID, verification method, publicKeyMultibase and publicKeyJwk (never the secret).")

        @Argument(help: ArgumentHelp("The private key file (PEM).", valueName: "file"))
        var file: String

        @Option(help: "text or json.")
        var format: OutputFormat = .text

        @OptionGroup var passphrase: PassphraseOptions

        func run() throws {
            let key = try KeyLoading.load(file, passphrase: passphrase)
            let publicKey = key.publicKey
            var report = JSONObject()
            report["type"] = .string(publicKey.type.rawValue)
            report["did"] = .string(DIDKey.did(for: publicKey))
            report["verificationMethod"] = .string(DIDKey.verificationMethodID(for: publicKey))
            report["publicKeyMultibase"] = .string(publicKey.multibase)
            report["publicKeyJwk"] = publicKey.jwk
            switch format {
            case .json:
                Terminal.outBytes(JSONSerializer.bytes(.object(report), layout: .pretty))
            case .text:
                Terminal.out("type:               \(publicKey.type.rawValue)")
                Terminal.out("did:                \(DIDKey.did(for: publicKey))")
                Terminal.out("verificationMethod: \(DIDKey.verificationMethodID(for: publicKey))")
                Terminal.out("publicKeyMultibase: \(publicKey.multibase)")
                Terminal.out("publicKeyJwk:       \(JSONSerializer.string(publicKey.jwk))")
            }
        }
    }
}

/// Loading a key file for a command, with one-line errors.
enum KeyLoading {
    static func load(_ path: String, passphrase: PassphraseOptions) throws -> SigningKey {
        do {
            return try KeyFile.read(at: URL(fileURLWithPath: path), passphrase: try passphrase.passphrase())
        } catch let error as CredentialError {
            throw Terminal.couldNotRun((error.location == nil ? error.located(path) : error).description)
        }
    }
}
