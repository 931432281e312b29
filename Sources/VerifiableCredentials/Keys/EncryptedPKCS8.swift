import Crypto
import SwiftASN1
import _CryptoExtras

/// `EncryptedPrivateKeyInfo` (RFC 5958 §3) with PBES2 (RFC 8018 §6.2): scrypt (RFC 7914) or PBKDF2,
/// then AES-CBC (128, 192 or 256; AES-256-CBC when writing).
enum EncryptedPKCS8 {
    /// Encrypts a DER `PrivateKeyInfo` with a key derived from `passphrase`.
    static func encrypt(_ privateKeyInfo: [UInt8], passphrase: [UInt8], kdf: PBES2KDF) throws(CredentialError)
        -> [UInt8]
    {
        try kdf.validate()
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let iv = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let key = try deriveKey(passphrase: passphrase, salt: salt, kdf: kdf, prf: KeyOID.hmacWithSHA256, length: 32)
        let ciphertext: [UInt8]
        do {
            ciphertext = Array(try AES._CBC.encrypt(privateKeyInfo, using: key, iv: try AES._CBC.IV(ivBytes: iv)))
        } catch {
            throw CredentialError(.invalidKeyFile, "the key could not be encrypted", underlying: "\(error)")
        }
        return try asKeyFileError("encrypted private key") { () throws -> [UInt8] in
            let kdfAlgorithm: AlgorithmIdentifier
            switch kdf {
            case .scrypt(let n, let r, let p):
                kdfAlgorithm = AlgorithmIdentifier(
                    algorithm: KeyOID.scrypt,
                    parameters: try ASN1Any(
                        erasing: ScryptParameters(salt: salt, cost: n, blockSize: r, parallelization: p)))
            case .pbkdf2(let iterations):
                kdfAlgorithm = AlgorithmIdentifier(
                    algorithm: KeyOID.pbkdf2,
                    parameters: try ASN1Any(
                        erasing: PBKDF2Parameters(salt: salt, iterations: iterations, prf: KeyOID.hmacWithSHA256)))
            }
            var serializer = DER.Serializer()
            try serializer.appendConstructedNode(identifier: .sequence) { coder in
                try coder.appendConstructedNode(identifier: .sequence) { coder in
                    try coder.serialize(KeyOID.pbes2)
                    try coder.appendConstructedNode(identifier: .sequence) { coder in
                        try coder.serialize(kdfAlgorithm)
                        try coder.serialize(
                            AlgorithmIdentifier(
                                algorithm: KeyOID.aes256CBC,
                                parameters: try ASN1Any(erasing: ASN1OctetString(contentBytes: iv[...]))))
                    }
                }
                try coder.serialize(ASN1OctetString(contentBytes: ciphertext[...]))
            }
            return serializer.serializedBytes
        }
    }

    /// Decrypts an `EncryptedPrivateKeyInfo`, returning the DER `PrivateKeyInfo`.
    ///
    /// A wrong passphrase shows up as bad padding or as plaintext that is not DER; both are `wrongPassphrase`.
    static func decrypt(_ der: [UInt8], passphrase: [UInt8]) throws(CredentialError) -> [UInt8] {
        let (scheme, ciphertext) = try parse(der)
        guard ciphertext.count >= 16, ciphertext.count % 16 == 0 else {
            throw CredentialError.malformedKeyFile("the encrypted key is not a whole number of AES blocks")
        }
        let key = try deriveKey(
            passphrase: passphrase, salt: scheme.salt, kdf: scheme.kdf, prf: scheme.prf, length: scheme.keyLength)
        let plaintext: [UInt8]
        do {
            plaintext = Array(try AES._CBC.decrypt(ciphertext, using: key, iv: try AES._CBC.IV(ivBytes: scheme.iv)))
        } catch {
            throw .wrongPassphrase
        }
        // Check that the plaintext is one DER SEQUENCE; random bytes with valid padding are not.
        guard (try? DER.parse(plaintext))?.identifier == .sequence else { throw .wrongPassphrase }
        return plaintext
    }

    /// The PBES2 parameters of a file.
    private struct Scheme {
        var kdf: PBES2KDF
        var salt: [UInt8]
        var prf: ASN1ObjectIdentifier
        var keyLength: Int
        var iv: [UInt8]
    }

    private static func parse(_ der: [UInt8]) throws(CredentialError) -> (Scheme, [UInt8]) {
        try asKeyFileError("encrypted private key") { () throws -> (Scheme, [UInt8]) in
            try DER.sequence(try DER.parse(der), identifier: .sequence) { nodes in
                let encryption = try AlgorithmIdentifier(derEncoded: &nodes)
                let ciphertext = try ASN1OctetString(derEncoded: &nodes)
                guard encryption.algorithm == KeyOID.pbes2, let parameters = encryption.parameters else {
                    throw CredentialError(
                        .invalidKeyFile,
                        "the key file is encrypted with \(encryption.algorithm); only PBES2 (scrypt or PBKDF2 with AES-CBC) is supported"
                    )
                }
                let pbes2 = try PBES2Parameters(asn1Any: parameters)
                let (kdfAlgorithm, cipher) = (pbes2.keyDerivation, pbes2.encryption)
                let keyLength: Int
                switch cipher.algorithm {
                case KeyOID.aes128CBC: keyLength = 16
                case KeyOID.aes192CBC: keyLength = 24
                case KeyOID.aes256CBC: keyLength = 32
                default:
                    throw CredentialError(
                        .invalidKeyFile, "the key file uses cipher \(cipher.algorithm); only AES-CBC is supported")
                }
                guard let ivAny = cipher.parameters, let iv = try? ASN1OctetString(asn1Any: ivAny), iv.bytes.count == 16
                else { throw CredentialError.malformedKeyFile("the AES-CBC IV must be 16 bytes") }
                guard let kdfParameters = kdfAlgorithm.parameters else {
                    throw CredentialError.malformedKeyFile("the key derivation has no parameters")
                }
                var scheme: Scheme
                switch kdfAlgorithm.algorithm {
                case KeyOID.scrypt:
                    let p = try ScryptParameters(asn1Any: kdfParameters)
                    scheme = Scheme(
                        kdf: .scrypt(cost: p.cost, blockSize: p.blockSize, parallelization: p.parallelization),
                        salt: p.salt, prf: KeyOID.hmacWithSHA256, keyLength: keyLength, iv: Array(iv.bytes))
                    if let length = p.keyLength, length != keyLength {
                        throw CredentialError.malformedKeyFile("the scrypt key length does not fit the cipher")
                    }
                case KeyOID.pbkdf2:
                    let p = try PBKDF2Parameters(asn1Any: kdfParameters)
                    scheme = Scheme(
                        kdf: .pbkdf2(iterations: p.iterations), salt: p.salt, prf: p.prf, keyLength: keyLength,
                        iv: Array(iv.bytes))
                    if let length = p.keyLength, length != keyLength {
                        throw CredentialError.malformedKeyFile("the PBKDF2 key length does not fit the cipher")
                    }
                default:
                    throw CredentialError(
                        .invalidKeyFile,
                        "the key file derives its key with \(kdfAlgorithm.algorithm); only scrypt and PBKDF2 are supported"
                    )
                }
                return (scheme, Array(ciphertext.bytes))
            }
        }
    }

    private static func deriveKey(
        passphrase: [UInt8], salt: [UInt8], kdf: PBES2KDF, prf: ASN1ObjectIdentifier, length: Int
    ) throws(CredentialError) -> SymmetricKey {
        try kdf.validate()
        do {
            switch kdf {
            case .scrypt(let n, let r, let p):
                return try KDF.Scrypt.deriveKey(
                    from: passphrase, salt: salt, outputByteCount: length, rounds: n, blockSize: r, parallelism: p)
            case .pbkdf2(let iterations):
                let hash: KDF.Insecure.PBKDF2.HashFunction
                switch prf {
                case KeyOID.hmacWithSHA1: hash = .insecureSHA1
                case KeyOID.hmacWithSHA256: hash = .sha256
                case KeyOID.hmacWithSHA384: hash = .sha384
                case KeyOID.hmacWithSHA512: hash = .sha512
                default:
                    throw CredentialError(
                        .invalidKeyFile, "the key file uses PBKDF2 with PRF \(prf), which is not supported")
                }
                return try KDF.Insecure.PBKDF2.deriveKey(
                    from: passphrase, salt: salt, using: hash, outputByteCount: length,
                    unsafeUncheckedRounds: iterations)
            }
        } catch let error as CredentialError {
            throw error
        } catch {
            throw CredentialError(.invalidKeyFile, "the key derivation failed", underlying: "\(error)")
        }
    }
}

/// `PBES2-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier, encryptionScheme AlgorithmIdentifier }`.
private struct PBES2Parameters: DERImplicitlyTaggable {
    static var defaultIdentifier: ASN1Identifier { .sequence }
    var keyDerivation: AlgorithmIdentifier
    var encryption: AlgorithmIdentifier

    init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        (keyDerivation, encryption) = try DER.sequence(node, identifier: identifier) { nodes in
            (try AlgorithmIdentifier(derEncoded: &nodes), try AlgorithmIdentifier(derEncoded: &nodes))
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(keyDerivation)
            try coder.serialize(encryption)
        }
    }
}

/// `scrypt-params ::= SEQUENCE { salt OCTET STRING, costParameter, blockSize, parallelizationParameter,
/// keyLength INTEGER OPTIONAL }` (RFC 7914 §7).
private struct ScryptParameters: DERImplicitlyTaggable {
    static var defaultIdentifier: ASN1Identifier { .sequence }
    var salt: [UInt8]
    var cost: Int
    var blockSize: Int
    var parallelization: Int
    var keyLength: Int?

    init(salt: [UInt8], cost: Int, blockSize: Int, parallelization: Int, keyLength: Int? = nil) {
        (self.salt, self.cost, self.blockSize, self.parallelization, self.keyLength) =
            (salt, cost, blockSize, parallelization, keyLength)
    }

    init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(node, identifier: identifier) { nodes in
            let salt = Array(try ASN1OctetString(derEncoded: &nodes).bytes)
            let cost = try Int(derEncoded: &nodes)
            let blockSize = try Int(derEncoded: &nodes)
            let parallelization = try Int(derEncoded: &nodes)
            let keyLength = try nodes.next().map { try Int(derEncoded: $0) }
            return ScryptParameters(
                salt: salt, cost: cost, blockSize: blockSize, parallelization: parallelization, keyLength: keyLength)
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(ASN1OctetString(contentBytes: salt[...]))
            try coder.serialize(cost)
            try coder.serialize(blockSize)
            try coder.serialize(parallelization)
            if let keyLength { try coder.serialize(keyLength) }
        }
    }
}

/// `PBKDF2-params ::= SEQUENCE { salt CHOICE { specified OCTET STRING, … }, iterationCount INTEGER,
/// keyLength INTEGER OPTIONAL, prf AlgorithmIdentifier DEFAULT algid-hmacWithSHA1 }` (RFC 8018 A.2).
private struct PBKDF2Parameters: DERImplicitlyTaggable {
    static var defaultIdentifier: ASN1Identifier { .sequence }
    var salt: [UInt8]
    var iterations: Int
    var keyLength: Int?
    var prf: ASN1ObjectIdentifier

    init(salt: [UInt8], iterations: Int, keyLength: Int? = nil, prf: ASN1ObjectIdentifier) {
        (self.salt, self.iterations, self.keyLength, self.prf) = (salt, iterations, keyLength, prf)
    }

    init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(node, identifier: identifier) { nodes in
            let salt = Array(try ASN1OctetString(derEncoded: &nodes).bytes)
            let iterations = try Int(derEncoded: &nodes)
            var keyLength: Int?
            var prf = KeyOID.hmacWithSHA1
            while let node = nodes.next() {
                if node.identifier == .integer, keyLength == nil {
                    keyLength = try Int(derEncoded: node)
                } else {
                    prf = try AlgorithmIdentifier(derEncoded: node).algorithm
                }
            }
            return PBKDF2Parameters(salt: salt, iterations: iterations, keyLength: keyLength, prf: prf)
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(ASN1OctetString(contentBytes: salt[...]))
            try coder.serialize(iterations)
            if let keyLength { try coder.serialize(keyLength) }
            try coder.serialize(AlgorithmIdentifier(algorithm: prf, parameters: ASN1Any(erasing: ASN1Null())))
        }
    }
}
