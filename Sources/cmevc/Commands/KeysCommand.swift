import ArgumentParser
import Foundation
import VerifiableCredentials

/// The key types offered on the command line.
enum KeyTypeOption: String, ExpressibleByArgument, CaseIterable {
    case ed25519, p256, p384
    /// RSA signs RS256 JWTs only (`--format jwt`); it has no did:key and no Data Integrity suite.
    case rsa

    /// The shared key type; `nil` for RSA.
    var keyType: KeyType? {
        switch self {
        case .ed25519: .ed25519
        case .p256: .p256
        case .p384: .p384
        case .rsa: nil
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

        @Option(help: "The key type: ed25519, p256, p384, or rsa (RS256 JWTs only).")
        var type: KeyTypeOption = .ed25519

        @Option(help: "The RSA modulus size in bits (2048 or more; --type rsa only).")
        var bits: Int = 2048

        @Option(help: ArgumentHelp("Where to write the private key (PEM).", valueName: "file"))
        var out: String

        @Flag(help: "Overwrite an existing file.")
        var force = false

        @OptionGroup var passphrase: PassphraseOptions

        func validate() throws {
            guard bits >= RSAPublicKey.minimumBits else {
                throw ValidationError("--bits must be \(RSAPublicKey.minimumBits) or more")
            }
        }

        func run() throws {
            guard let keyType = type.keyType else {
                try generateRSA()
                return
            }
            let key = SigningKey(generating: keyType)
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

        private func generateRSA() throws {
            do {
                let key = try RSASigningKey(generatingBits: bits)
                try KeyFile.write(
                    .rsa(key), to: URL(fileURLWithPath: out), passphrase: try passphrase.passphrase(), force: force)
                Terminal.out("wrote \(out) (rsa \(bits) bits, mode 0600; signs RS256 JWTs only)")
                Terminal.out("publicKeyJwk: \(JSONSerializer.string(key.publicKey.jwk))")
            } catch let error as CredentialError {
                throw Terminal.couldNotRun((error.location == nil ? error.located(out) : error).description)
            }
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
            let signing = try JWSKeyLoading.load(file, passphrase: passphrase)
            guard case .key(let key) = signing else {
                showRSA(signing.publicKey)
                return
            }
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

        /// An RSA key has no DID or multibase form: its type, size and JWK.
        private func showRSA(_ key: JWSPublicKey) {
            let bits = if case .rsa(let rsa) = key { rsa.bitCount } else { 0 }
            switch format {
            case .json:
                let report: JSONValue = ["type": "rsa", "bits": .number(Double(bits)), "publicKeyJwk": key.jwk]
                Terminal.outBytes(JSONSerializer.bytes(report, layout: .pretty))
            case .text:
                Terminal.out("type:               rsa (\(bits) bits; signs RS256 JWTs only)")
                Terminal.out("publicKeyJwk:       \(JSONSerializer.string(key.jwk))")
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
