import ArgumentParser
import Foundation
import VerifiableCredentials

/// `cmevc registry add-key`: list a signing key for a registered issuer.
struct RegistryAddKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add-key", abstract: "Add a signing key to an issuer.")

    @Option(help: ArgumentHelp("The registry file.", valueName: "registry.json"))
    var registry: String

    @Option(help: ArgumentHelp("The issuer's DID.", valueName: "did"))
    var issuer: String

    @Option(
        help: ArgumentHelp(
            "The verification method id; default the key's did:key method for a did:key issuer.", valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp("The key as publicKeyMultibase (z6Mk…, zDna…, z82L…).", valueName: "multibase"))
    var publicKeyMultibase: String?

    @Option(
        help: ArgumentHelp(
            "The key as a public JWK (OKP, EC, or RSA of 2048 bits or more), as keys generate/show print it.",
            valueName: "json"))
    var publicKeyJwk: String?

    @Option(help: ArgumentHelp("A key file (PEM) whose public key to list.", valueName: "file"))
    var keyFile: String?

    @Flag(help: "Write the key as publicKeyJwk instead of publicKeyMultibase.")
    var jwk = false

    @Option(help: ArgumentHelp("The first time the key may sign.", valueName: "date"))
    var validFrom: String?

    @Option(help: ArgumentHelp("The last time the key may sign.", valueName: "date"))
    var validUntil: String?

    @OptionGroup var passphrase: PassphraseOptions

    func validate() throws {
        guard [publicKeyMultibase, publicKeyJwk, keyFile].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --public-key-multibase, --public-key-jwk and --key-file")
        }
        _ = try RegistryEditing.date(validFrom, option: "--valid-from")
        _ = try RegistryEditing.date(validUntil, option: "--valid-until")
        if let id, !(id.hasPrefix(issuer + "#")) {
            throw ValidationError("--id must be a verification method of the issuer (\(issuer)#…), got \"\(id)\"")
        }
    }

    func run() throws {
        var current = try RegistryLoading.load(registry)
        guard let index = current.issuerIndex(issuer) else {
            throw Terminal.couldNotRun("\(registry): no issuer \(issuer); add it with `cmevc registry add-issuer`")
        }
        let verificationKey: JWSPublicKey
        if let keyFile {
            // Any key type, RSA included (an RSA key verifies RS256 JWTs only).
            verificationKey = try JWSKeyLoading.load(keyFile, passphrase: passphrase).publicKey
        } else if let publicKeyJwk {
            do {
                verificationKey = try JWSPublicKey(jwk: try JSONParser.parse(Array(publicKeyJwk.utf8)))
            } catch {
                throw Terminal.couldNotRun("--public-key-jwk: \(error.message)")
            }
        } else {
            do {
                verificationKey = .key(try PublicKey(multibase: publicKeyMultibase ?? ""))
            } catch {
                throw ValidationError("--public-key-multibase: \(error.message)")
            }
        }
        let methodID: String
        if let id {
            methodID = id
        } else if case .key(let publicKey) = verificationKey, issuer == DIDKey.did(for: publicKey) {
            methodID = DIDKey.verificationMethodID(for: publicKey)
        } else {
            throw ValidationError("--id is required unless the issuer is the key's own did:key")
        }
        guard current.key(methodID) == nil else {
            throw Terminal.couldNotRun("\(registry): key \(methodID) is already listed")
        }
        current.issuers[index].keys.append(
            RegisteredKey(
                id: methodID, verificationKey: verificationKey, writtenAsJWK: jwk,
                validFrom: try RegistryEditing.date(validFrom, option: "--valid-from"),
                validUntil: try RegistryEditing.date(validUntil, option: "--valid-until")))
        try RegistryEditing.save(current, to: registry, change: "added key \(methodID)")
    }
}
