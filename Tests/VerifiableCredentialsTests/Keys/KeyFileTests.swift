import Foundation
import Testing
import VerifiableCredentials

@Suite("Key files")
struct KeyFileTests {
    @Test(arguments: [nil, Array("pass".utf8)] as [[UInt8]?])
    func writesWithMode0600AndReadsBack(_ passphrase: [UInt8]?) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let file = directory.file("issuer.pem")
        let key = SigningKey(generating: .ed25519)
        try KeyFile.write(key, to: file, passphrase: passphrase, force: false, kdf: .pbkdf2(iterations: 1000))
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try KeyFile.read(at: file, passphrase: passphrase).publicKey == key.publicKey)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["issuer.pem"])
    }

    @Test
    func refusesToOverwriteUnlessForced() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let file = directory.file("issuer.pem")
        let first = SigningKey(generating: .p256)
        let second = SigningKey(generating: .p256)
        try KeyFile.write(first, to: file, passphrase: nil, force: false)
        let error = #expect(throws: CredentialError.self) {
            try KeyFile.write(second, to: file, passphrase: nil, force: false)
        }
        #expect(error?.code == .fileExists)
        #expect(try KeyFile.read(at: file, passphrase: nil).publicKey == first.publicKey)
        try KeyFile.write(second, to: file, passphrase: nil, force: true)
        #expect(try KeyFile.read(at: file, passphrase: nil).publicKey == second.publicKey)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test
    func readErrorsNameTheFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let missing = directory.file("missing.pem")
        let io = #expect(throws: CredentialError.self) { try KeyFile.read(at: missing, passphrase: nil) }
        #expect(io?.code == .io)
        #expect(io?.location?.contains("missing.pem") == true)

        let key = SigningKey(generating: .p384)
        let encrypted = directory.file("enc.pem")
        try KeyFile.write(key, to: encrypted, passphrase: [1, 2], force: false, kdf: .pbkdf2(iterations: 1000))
        let required = #expect(throws: CredentialError.self) { try KeyFile.read(at: encrypted, passphrase: nil) }
        #expect(required?.code == .passphraseRequired)
        #expect(required?.location?.contains("enc.pem") == true)
        let wrong = #expect(throws: CredentialError.self) { try KeyFile.read(at: encrypted, passphrase: [2, 1]) }
        #expect(wrong?.code == .wrongPassphrase)
    }

    @Test
    func writeIntoAMissingDirectoryIsAnIOError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let error = #expect(throws: CredentialError.self) {
            try KeyFile.write(
                SigningKey(generating: .ed25519), to: directory.file("no/such/key.pem"), passphrase: nil, force: false)
        }
        #expect(error?.code == .io)
    }
}

extension KeyFileTests {
    @Test
    func refusesAnOversizedFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let file = try directory.write(String(repeating: "A", count: KeyFile.maximumFileSize + 1), to: "big.pem")
        let error = #expect(throws: CredentialError.self) { try KeyFile.read(at: file, passphrase: nil) }
        #expect(error?.code == .invalidKeyFile)
    }
}
