import Foundation
import Testing
import VerifiableCredentials

/// One key-pair vector file.
struct KeyPairVector: Sendable, CustomTestStringConvertible {
    let file: String
    let type: KeyType
    let publicKeyMultibase: String
    let secretKeyMultibase: String
    var testDescription: String { file }

    static func all() throws -> [KeyPairVector] {
        try [
            ("eddsa/keyPair.json", KeyType.ed25519), ("ecdsa/p256KeyPair.json", .p256),
            ("ecdsa/p384KeyPair.json", .p384),
        ].map { file, type in
            let json = try Vectors.json(file)
            let secret = json["secretKeyMultibase"]?.stringValue ?? json["privateKeyMultibase"]?.stringValue
            return KeyPairVector(
                file: file, type: type, publicKeyMultibase: try #require(json["publicKeyMultibase"]?.stringValue),
                secretKeyMultibase: try #require(secret))
        }
    }
}

@Suite("Multikey keys")
struct MultikeyTests {
    @Test(arguments: try KeyPairVector.all())
    func secretDerivesThePublishedPublicKey(_ vector: KeyPairVector) throws {
        let key = try SigningKey(secretKeyMultibase: vector.secretKeyMultibase)
        #expect(key.type == vector.type)
        #expect(key.publicKey.multibase == vector.publicKeyMultibase)
        #expect(key.secretKeyMultibase == vector.secretKeyMultibase)
        let publicKey = try PublicKey(multibase: vector.publicKeyMultibase)
        #expect(publicKey == key.publicKey)
        #expect(publicKey.rawRepresentation.count == vector.type.publicKeyByteCount)
    }

    @Test(arguments: KeyType.allCases)
    func generatedKeysSignAndVerify(_ type: KeyType) throws {
        let key = SigningKey(generating: type)
        #expect(key.type == type)
        let message = Array("hashData".utf8)
        let signature = try key.signature(for: message)
        #expect(signature.count == type.signatureByteCount)
        #expect(key.publicKey.isValidSignature(signature, for: message))
        #expect(!key.publicKey.isValidSignature(signature, for: Array("other".utf8)))
        #expect(!key.publicKey.isValidSignature(Array(signature.dropLast()), for: message))
        #expect(!SigningKey(generating: type).publicKey.isValidSignature(signature, for: message))
        let restored = try SigningKey(secretKeyMultibase: key.secretKeyMultibase)
        #expect(restored.publicKey == key.publicKey)
        #expect(try PublicKey(multibase: key.publicKey.multibase) == key.publicKey)
    }

    @Test(arguments: [(KeyType.ed25519, "z6Mk"), (.p256, "zDna"), (.p384, "z82L")])
    func publicMultibasePrefixes(_ type: KeyType, _ prefix: String) {
        #expect(SigningKey(generating: type).publicKey.multibase.hasPrefix(prefix))
    }

    @Test
    func ed25519SigningIsDeterministic() throws {
        let key = try SigningKey(secretKeyMultibase: try KeyPairVector.all()[0].secretKeyMultibase)
        #expect(try key.signature(for: [1, 2, 3]) == key.signature(for: [1, 2, 3]))
    }

    @Test
    func descriptionNeverShowsTheSecret() throws {
        let key = SigningKey(generating: .ed25519)
        #expect(!"\(key)".contains(key.secretKeyMultibase))
        #expect(!String(reflecting: key).contains(key.secretKeyMultibase.dropFirst(4)))
    }

    @Test
    func aSecretIsNotAPublicKeyAndViceVersa() throws {
        let vector = try KeyPairVector.all()[0]
        let asPublic = #expect(throws: CredentialError.self) { try PublicKey(multibase: vector.secretKeyMultibase) }
        #expect(asPublic?.code == .invalidMultikey)
        let asSecret = #expect(throws: CredentialError.self) {
            try SigningKey(secretKeyMultibase: vector.publicKeyMultibase)
        }
        #expect(asSecret?.code == .invalidMultikey)
    }

    @Test
    func rejectsWrongLengthsAndBadPoints() throws {
        // Ed25519 header with 31 bytes.
        let short = Multibase.encode([0xED, 0x01] + [UInt8](repeating: 7, count: 31))
        #expect((#expect(throws: CredentialError.self) { try PublicKey(multibase: short) })?.code == .invalidMultikey)
        // P-256 header with a compressed point whose X is not on the curve (prefix 0x05 is invalid).
        let badPoint = Multibase.encode([0x80, 0x24, 0x05] + [UInt8](repeating: 1, count: 32))
        #expect((#expect(throws: CredentialError.self) { try PublicKey(multibase: badPoint) })?.code == .invalidKey)
        // P-256 secret of all zero bytes is out of range.
        let zero = Multibase.encode([0x86, 0x26] + [UInt8](repeating: 0, count: 32))
        #expect(
            (#expect(throws: CredentialError.self) { try SigningKey(secretKeyMultibase: zero) })?.code == .invalidKey)
        // An unknown multicodec (secp256k1-pub 0xe7).
        let k1 = Multibase.encode([0xE7, 0x01] + [UInt8](repeating: 2, count: 33))
        #expect((#expect(throws: CredentialError.self) { try PublicKey(multibase: k1) })?.code == .invalidMultikey)
    }

    @Test
    func verifiesAHighSSignature() throws {
        // Flip s to n - s: ECDSA accepts both; the vectors contain high-S signatures.
        let key = SigningKey(generating: .p256)
        let message = Array("m".utf8)
        let signature = try key.signature(for: message)
        let order: [UInt8] = [
            0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51,
        ]
        var negated = [UInt8](repeating: 0, count: 32)
        var borrow = 0
        for index in (0..<32).reversed() {
            var difference = Int(order[index]) - Int(signature[32 + index]) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 256 }
            negated[index] = UInt8(difference)
        }
        #expect(key.publicKey.isValidSignature(Array(signature.prefix(32)) + negated, for: message))
    }
}
