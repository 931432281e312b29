import Crypto
import SwiftASN1

/// Unencrypted private key structures: PKCS#8 `PrivateKeyInfo` / `OneAsymmetricKey` (RFC 5958) for
/// Ed25519 (RFC 8410) and EC keys (RFC 5915 `ECPrivateKey` inside), and bare SEC1 `ECPrivateKey`.
enum PKCS8 {
    /// Reads a PKCS#8 `PrivateKeyInfo` / `OneAsymmetricKey`.
    static func signingKey(fromPrivateKeyInfo der: [UInt8]) throws(CredentialError) -> SigningKey {
        try asKeyFileError("PKCS#8 private key") { () throws -> SigningKey in
            try DER.sequence(try DER.parse(der), identifier: .sequence) { nodes in
                let version = try Int(derEncoded: &nodes)
                guard version == 0 || version == 1 else {
                    throw CredentialError.malformedKeyFile("PKCS#8 version \(version) is not 0 or 1")
                }
                let algorithm = try AlgorithmIdentifier(derEncoded: &nodes)
                let privateKey = try ASN1OctetString(derEncoded: &nodes)
                // attributes [0] and publicKey [1] (OneAsymmetricKey): the public key is checked below.
                var embeddedPublicKey: [UInt8]?
                while let node = nodes.next() {
                    if node.identifier == ASN1Identifier(tagWithNumber: 1, tagClass: .contextSpecific) {
                        let bits = try ASN1BitString(derEncoded: node, withIdentifier: node.identifier)
                        embeddedPublicKey = Array(bits.bytes)
                    }
                }
                let key: SigningKey
                switch algorithm.algorithm {
                case KeyOID.ed25519:
                    let seed = try ASN1OctetString(derEncoded: try DER.parse(privateKey.bytes))
                    key = try SigningKey(type: .ed25519, secretBytes: Array(seed.bytes))
                    if let embeddedPublicKey, embeddedPublicKey != key.publicKey.rawRepresentation {
                        throw CredentialError.malformedKeyFile("the embedded public key does not match the private key")
                    }
                case KeyOID.ecPublicKey:
                    guard let parameters = algorithm.parameters,
                        let curve = try? ASN1ObjectIdentifier(asn1Any: parameters)
                    else {
                        throw CredentialError.malformedKeyFile(
                            "the EC key must name its curve (explicit curve parameters are not supported)")
                    }
                    key = try signingKey(fromECPrivateKey: Array(privateKey.bytes), curve: curve)
                default:
                    throw CredentialError(
                        .unsupportedKeyType,
                        "the key file holds a \(algorithm.algorithm) key; supported are Ed25519, P-256 and P-384")
                }
                return key
            }
        }
    }

    /// Reads a SEC1 `ECPrivateKey` (RFC 5915); `curve` comes from the PKCS#8 wrapper, if there is one.
    static func signingKey(fromECPrivateKey der: [UInt8], curve outerCurve: ASN1ObjectIdentifier?)
        throws(CredentialError) -> SigningKey
    {
        try asKeyFileError("EC private key") { () throws -> SigningKey in
            try DER.sequence(try DER.parse(der), identifier: .sequence) { nodes in
                let version = try Int(derEncoded: &nodes)
                guard version == 1 else {
                    throw CredentialError.malformedKeyFile("ECPrivateKey version \(version) is not 1")
                }
                let scalar = try ASN1OctetString(derEncoded: &nodes)
                let innerCurve = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                    try ASN1ObjectIdentifier(derEncoded: $0)
                }
                let publicKey = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 1, tagClass: .contextSpecific) {
                    try ASN1BitString(derEncoded: $0)
                }
                if let outerCurve, let innerCurve, outerCurve != innerCurve {
                    throw CredentialError.malformedKeyFile("the key names two different curves")
                }
                let type: KeyType
                switch outerCurve ?? innerCurve {
                case KeyOID.p256: type = .p256
                case KeyOID.p384: type = .p384
                case nil: throw CredentialError.malformedKeyFile("the EC key does not name its curve")
                case let other?:
                    throw CredentialError(
                        .unsupportedKeyType,
                        "the key file holds a key on curve \(other); supported are P-256 and P-384")
                }
                // RFC 5915 fixes the length, but tolerate an encoder that dropped leading zero bytes.
                var secret = Array(scalar.bytes)
                guard secret.count <= type.secretKeyByteCount else {
                    throw CredentialError.malformedKeyFile("the \(type.displayName) private scalar is too long")
                }
                secret = [UInt8](repeating: 0, count: type.secretKeyByteCount - secret.count) + secret
                let key = try SigningKey(type: type, secretBytes: secret)
                if let publicKey, Array(publicKey.bytes) != key.publicKey.uncompressedPoint,
                    Array(publicKey.bytes) != key.publicKey.rawRepresentation
                {
                    throw CredentialError.malformedKeyFile("the embedded public key does not match the private key")
                }
                return key
            }
        }
    }

    /// Writes a PKCS#8 `PrivateKeyInfo` (version 0), the form `openssl genpkey` writes.
    static func privateKeyInfo(for key: SigningKey) -> [UInt8] {
        var serializer = DER.Serializer()
        // Serializing integers, OIDs and octet strings into memory cannot fail.
        try? serializer.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(0)
            switch key.type {
            case .ed25519:
                try coder.serialize(AlgorithmIdentifier(algorithm: KeyOID.ed25519))
                var seed = DER.Serializer()
                try seed.serialize(ASN1OctetString(contentBytes: key.secretBytes[...]))
                try coder.serialize(ASN1OctetString(contentBytes: seed.serializedBytes[...]))
            case .p256, .p384:
                let curve = key.type == .p256 ? KeyOID.p256 : KeyOID.p384
                try coder.serialize(
                    AlgorithmIdentifier(algorithm: KeyOID.ecPublicKey, parameters: try ASN1Any(erasing: curve)))
                var ec = DER.Serializer()
                try ec.appendConstructedNode(identifier: .sequence) { coder in
                    try coder.serialize(1)
                    try coder.serialize(ASN1OctetString(contentBytes: key.secretBytes[...]))
                    let point = key.publicKey.uncompressedPoint ?? []
                    try coder.serialize(
                        ASN1BitString(bytes: point[...]), explicitlyTaggedWithTagNumber: 1, tagClass: .contextSpecific)
                }
                try coder.serialize(ASN1OctetString(contentBytes: ec.serializedBytes[...]))
            }
        }
        return serializer.serializedBytes
    }
}

/// Runs DER parsing code, turning any non-``CredentialError`` failure into `invalidKeyFile`.
func asKeyFileError<T>(_ what: String, _ body: () throws -> T) throws(CredentialError) -> T {
    do {
        return try body()
    } catch let error as CredentialError {
        throw error
    } catch {
        throw CredentialError(.invalidKeyFile, "the \(what) is not valid DER", underlying: "\(error)")
    }
}
