import Foundation
import Testing
import VerifiableCredentials

@Suite("PEM PKCS#8 keys")
struct PEMTests {
    static let fastScrypt = PBES2KDF.scrypt(cost: 1 << 10, blockSize: 8, parallelization: 1)
    static let fastPBKDF2 = PBES2KDF.pbkdf2(iterations: 1000)

    @Test(arguments: KeyType.allCases)
    func unencryptedRoundTrip(_ type: KeyType) throws {
        let key = SigningKey(generating: type)
        let pem = try key.pemEncoded()
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(pem.hasSuffix("-----END PRIVATE KEY-----\n"))
        let read = try SigningKey(pemEncoded: pem)
        #expect(read.type == type)
        #expect(read.secretKeyMultibase == key.secretKeyMultibase)
        // A passphrase given for an unencrypted key is simply not needed.
        #expect(try SigningKey(pemEncoded: pem, passphrase: Array("x".utf8)).publicKey == key.publicKey)
    }

    @Test(arguments: KeyType.allCases, [fastScrypt, fastPBKDF2])
    func encryptedRoundTrip(_ type: KeyType, _ kdf: PBES2KDF) throws {
        let key = SigningKey(generating: type)
        let passphrase = Array("correct horse battery staple".utf8)
        let pem = try key.pemEncoded(passphrase: passphrase, kdf: kdf)
        #expect(pem.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"))
        #expect(try SigningKey(pemEncoded: pem, passphrase: passphrase).publicKey == key.publicKey)

        let missing = #expect(throws: CredentialError.self) { try SigningKey(pemEncoded: pem) }
        #expect(missing?.code == .passphraseRequired)
        for wrong in ["correct horse battery stapler", "", "x"] {
            let error = #expect(throws: CredentialError.self) {
                try SigningKey(pemEncoded: pem, passphrase: Array(wrong.utf8))
            }
            #expect(error?.code == .wrongPassphrase)
        }
    }

    @Test
    func encryptionIsSaltedEachTime() throws {
        let key = SigningKey(generating: .ed25519)
        let a = try key.pemEncoded(passphrase: [1], kdf: Self.fastPBKDF2)
        let b = try key.pemEncoded(passphrase: [1], kdf: Self.fastPBKDF2)
        #expect(a != b)
    }

    @Test
    func rejectsInvalidKDFParameters() {
        let key = SigningKey(generating: .ed25519)
        for kdf in [
            PBES2KDF.scrypt(cost: 1000, blockSize: 8, parallelization: 1),
            .scrypt(cost: 1 << 22, blockSize: 8, parallelization: 1),
            .pbkdf2(iterations: 0),
        ] {
            let error = #expect(throws: CredentialError.self) { try key.pemEncoded(passphrase: [1], kdf: kdf) }
            #expect(error?.code == .invalidKeyFile)
        }
    }

    @Test(arguments: [
        "not a key",
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
        "-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n",
        "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----\n",
    ])
    func rejectsMalformedPEM(_ text: String) {
        let error = #expect(throws: CredentialError.self) { try SigningKey(pemEncoded: text, passphrase: [1]) }
        #expect(error?.code == .invalidKeyFile)
    }

    @Test
    func rejectsAnRSAKey() throws {
        // A small RSA PKCS#8 key is enough to show the algorithm check.
        let pem = try OpenSSL.succeed(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"]).text
        let error = #expect(throws: CredentialError.self) { try SigningKey(pemEncoded: pem) }
        #expect(error?.code == .unsupportedKeyType)
    }

    @Test
    func corruptedCiphertextIsAWrongPassphraseNotACrash() throws {
        let key = SigningKey(generating: .p256)
        let pem = try key.pemEncoded(passphrase: [7], kdf: Self.fastPBKDF2)
        var lines = pem.split(separator: "\n").map(String.init)
        // Flip a character in the last base64 line (inside the ciphertext).
        let index = lines.count - 2
        var characters = Array(lines[index])
        characters[4] = characters[4] == "A" ? "B" : "A"
        lines[index] = String(characters)
        let corrupted = lines.joined(separator: "\n") + "\n"
        let error = #expect(throws: CredentialError.self) { try SigningKey(pemEncoded: corrupted, passphrase: [7]) }
        #expect([.wrongPassphrase, .invalidKeyFile].contains(error?.code))
    }
}

@Suite("PKCS#8 structure details")
struct PKCS8DetailTests {
    @Test
    func readsTheRFC8410OneAsymmetricKeyExample() throws {
        // RFC 8410 §10.3: version 1 with attributes and the public key.
        let pem = """
            -----BEGIN PRIVATE KEY-----
            MHICAQEwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
            oB8wHQYKKoZIhvcNAQkJFDEPDA1DdXJkbGUgQ2hhaXJzgSEAGb9ECWmEzf6FQbrB
            Z9w7lshQhqowtrbLDFw4rXAxZuE=
            -----END PRIVATE KEY-----
            """
        let key = try SigningKey(pemEncoded: pem)
        #expect(key.type == .ed25519)
        #expect(key.publicKey.rawRepresentation.prefix(4) == [0x19, 0xBF, 0x44, 0x09])
    }

    @Test(arguments: [KeyType.p256, .p384])
    func rejectsAnEmbeddedPublicKeyThatDoesNotMatch(_ type: KeyType) throws {
        let pem = try SigningKey(generating: type).pemEncoded()
        let body = pem.split(separator: "\n").dropFirst().dropLast().joined()
        var der = Array(try #require(Data(base64Encoded: body)))
        // The DER ends with the embedded public point's last Y byte.
        der[der.count - 1] ^= 0x01
        let tampered =
            "-----BEGIN PRIVATE KEY-----\n" + Data(der).base64EncodedString(options: .lineLength64Characters)
            + "\n-----END PRIVATE KEY-----\n"
        let error = #expect(throws: CredentialError.self) { try SigningKey(pemEncoded: tampered) }
        #expect(error?.code == .invalidKeyFile)
    }
}
