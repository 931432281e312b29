import Crypto
import Foundation
import Testing
import VerifiableCredentials

/// Key files cross-checked with the `openssl` command-line tool in both directions.
@Suite("OpenSSL key file interoperability")
struct OpenSSLInteropTests {
    static let passphrase = "interop passphrase"

    /// `openssl genpkey` arguments for each key type.
    static func genpkeyArguments(_ type: KeyType) -> [String] {
        switch type {
        case .ed25519: ["genpkey", "-algorithm", "ed25519"]
        case .p256: ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]
        case .p384: ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"]
        }
    }

    /// OpenSSL's view of the public key of a key file, in our raw form (Ed25519 key or compressed point).
    static func openSSLPublicKey(of file: URL, type: KeyType, passphraseFile: URL? = nil) throws -> [UInt8] {
        var arguments = type == .ed25519 ? ["pkey"] : ["ec", "-conv_form", "compressed"]
        arguments += ["-in", file.path, "-pubout", "-outform", "DER"]
        if let passphraseFile { arguments += ["-passin", "file:\(passphraseFile.path)"] }
        let der = Array(try OpenSSL.succeed(arguments).stdout)
        return Array(der.suffix(type.publicKeyByteCount))
    }

    @Test(arguments: KeyType.allCases)
    func readsKeysOpenSSLGenerates(_ type: KeyType) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let file = directory.file("openssl.pem")
        try OpenSSL.succeed(Self.genpkeyArguments(type) + ["-out", file.path])
        let key = try KeyFile.read(at: file, passphrase: nil)
        #expect(key.type == type)
        #expect(key.publicKey.rawRepresentation == (try Self.openSSLPublicKey(of: file, type: type)))
    }

    @Test(arguments: [KeyType.p256, .p384])
    func readsSEC1ECPrivateKeys(_ type: KeyType) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let pkcs8 = directory.file("pkcs8.pem")
        let sec1 = directory.file("sec1.pem")
        try OpenSSL.succeed(Self.genpkeyArguments(type) + ["-out", pkcs8.path])
        try OpenSSL.succeed(["pkey", "-in", pkcs8.path, "-traditional", "-out", sec1.path])
        #expect(try String(contentsOf: sec1, encoding: .utf8).hasPrefix("-----BEGIN EC PRIVATE KEY-----"))
        let key = try KeyFile.read(at: sec1, passphrase: nil)
        #expect(key.publicKey == (try KeyFile.read(at: pkcs8, passphrase: nil)).publicKey)
    }

    /// OpenSSL's ways of encrypting a key: genpkey's default (PBKDF2-HMAC-SHA256), pkcs8 with scrypt,
    /// and pkcs8 with AES-128-CBC and HMAC-SHA1.
    static let openSSLEncryptions: [[String]] = [
        ["genpkey", "-aes-256-cbc"],
        ["pkcs8", "-topk8", "-v2", "aes-256-cbc", "-scrypt"],
        ["pkcs8", "-topk8", "-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1"],
    ]

    @Test(arguments: KeyType.allCases, openSSLEncryptions)
    func readsEncryptedKeysOpenSSLWrites(_ type: KeyType, _ encryption: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let passphraseFile = try directory.write(Self.passphrase, to: "passphrase")
        let plain = directory.file("plain.pem")
        let encrypted = directory.file("encrypted.pem")
        if encryption[0] == "genpkey" {
            try OpenSSL.succeed(
                Self.genpkeyArguments(type) + Array(encryption.dropFirst())
                    + ["-pass", "file:\(passphraseFile.path)", "-out", encrypted.path])
        } else {
            try OpenSSL.succeed(Self.genpkeyArguments(type) + ["-out", plain.path])
            try OpenSSL.succeed(
                encryption + ["-in", plain.path, "-passout", "file:\(passphraseFile.path)", "-out", encrypted.path])
        }
        #expect(try String(contentsOf: encrypted, encoding: .utf8).hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        let key = try KeyFile.read(at: encrypted, passphrase: Array(Self.passphrase.utf8))
        let expected = try Self.openSSLPublicKey(of: encrypted, type: type, passphraseFile: passphraseFile)
        #expect(key.publicKey.rawRepresentation == expected)

        let wrong = #expect(throws: CredentialError.self) {
            try KeyFile.read(at: encrypted, passphrase: Array("not it".utf8))
        }
        #expect(wrong?.code == .wrongPassphrase)
        let missing = #expect(throws: CredentialError.self) { try KeyFile.read(at: encrypted, passphrase: nil) }
        #expect(missing?.code == .passphraseRequired)
    }

    @Test(arguments: KeyType.allCases, [nil, PBES2KDF.default, .pbkdf2(iterations: 2048)] as [PBES2KDF?])
    func openSSLReadsKeysWeWrite(_ type: KeyType, _ kdf: PBES2KDF?) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let passphraseFile = try directory.write(Self.passphrase, to: "passphrase")
        let file = directory.file("ours.pem")
        let key = SigningKey(generating: type)
        try KeyFile.write(
            key, to: file, passphrase: kdf == nil ? nil : Array(Self.passphrase.utf8), force: false,
            kdf: kdf ?? .default)
        let publicKey = try Self.openSSLPublicKey(
            of: file, type: type, passphraseFile: kdf == nil ? nil : passphraseFile)
        #expect(publicKey == key.publicKey.rawRepresentation)
        if kdf != nil {
            let wrongFile = try directory.write("wrong", to: "wrong")
            let result = try OpenSSL.run(
                ["pkey", "-in", file.path, "-passin", "file:\(wrongFile.path)", "-noout"])
            #expect(result.status != 0)
        }
    }

    @Test(arguments: KeyType.allCases)
    func openSSLVerifiesOurSignatures(_ type: KeyType) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let key = SigningKey(generating: type)
        let keyFile = directory.file("key.pem")
        try KeyFile.write(key, to: keyFile, passphrase: nil, force: false)
        let publicFile = directory.file("public.pem")
        try OpenSSL.succeed(["pkey", "-in", keyFile.path, "-pubout", "-out", publicFile.path])
        let message = Array("hashData for openssl".utf8)
        let messageFile = directory.file("message")
        try Data(message).write(to: messageFile)
        let signature = try key.signature(for: message)
        let signatureFile = directory.file("signature")
        switch type {
        case .ed25519:
            try Data(signature).write(to: signatureFile)
            let result = try OpenSSL.succeed([
                "pkeyutl", "-verify", "-pubin", "-inkey", publicFile.path, "-rawin", "-in", messageFile.path,
                "-sigfile", signatureFile.path,
            ])
            #expect(result.text.contains("Signature Verified Successfully"))
            // Ed25519 is deterministic: OpenSSL's signature with our key file is byte-identical to ours.
            let theirs = try OpenSSL.succeed([
                "pkeyutl", "-sign", "-inkey", keyFile.path, "-rawin", "-in", messageFile.path,
            ]).stdout
            #expect(Array(theirs) == signature)
        case .p256, .p384:
            let der =
                type == .p256
                ? try P256.Signing.ECDSASignature(rawRepresentation: signature).derRepresentation
                : try P384.Signing.ECDSASignature(rawRepresentation: signature).derRepresentation
            try der.write(to: signatureFile)
            let result = try OpenSSL.succeed([
                "dgst", type == .p256 ? "-sha256" : "-sha384", "-verify", publicFile.path, "-signature",
                signatureFile.path, messageFile.path,
            ])
            #expect(result.text.contains("Verified OK"))
        }
    }

    @Test(arguments: [KeyType.p256, .p384])
    func weVerifyOpenSSLECDSASignatures(_ type: KeyType) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let keyFile = directory.file("key.pem")
        try OpenSSL.succeed(Self.genpkeyArguments(type) + ["-out", keyFile.path])
        let message = Array("signed by openssl".utf8)
        let messageFile = directory.file("message")
        try Data(message).write(to: messageFile)
        let der = try OpenSSL.succeed([
            "dgst", type == .p256 ? "-sha256" : "-sha384", "-sign", keyFile.path, messageFile.path,
        ]).stdout
        let raw =
            type == .p256
            ? Array(try P256.Signing.ECDSASignature(derRepresentation: der).rawRepresentation)
            : Array(try P384.Signing.ECDSASignature(derRepresentation: der).rawRepresentation)
        let key = try KeyFile.read(at: keyFile, passphrase: nil)
        #expect(key.publicKey.isValidSignature(raw, for: message))
    }
}
