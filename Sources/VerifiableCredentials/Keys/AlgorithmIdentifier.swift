import SwiftASN1

/// `AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL }` (RFC 5280).
struct AlgorithmIdentifier: DERImplicitlyTaggable, Hashable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    var algorithm: ASN1ObjectIdentifier
    var parameters: ASN1Any?

    init(algorithm: ASN1ObjectIdentifier, parameters: ASN1Any? = nil) {
        self.algorithm = algorithm
        self.parameters = parameters
    }

    init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(node, identifier: identifier) { nodes in
            let algorithm = try ASN1ObjectIdentifier(derEncoded: &nodes)
            let parameters = nodes.next().map { ASN1Any(derEncoded: $0) }
            return AlgorithmIdentifier(algorithm: algorithm, parameters: parameters)
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(algorithm)
            if let parameters { try coder.serialize(parameters) }
        }
    }
}

/// The object identifiers of keys, key derivation and encryption that key files use.
enum KeyOID {
    /// id-Ed25519 (RFC 8410).
    static let ed25519: ASN1ObjectIdentifier = [1, 3, 101, 112]
    /// id-ecPublicKey (RFC 5480).
    static let ecPublicKey: ASN1ObjectIdentifier = [1, 2, 840, 10_045, 2, 1]
    /// secp256r1 / prime256v1.
    static let p256: ASN1ObjectIdentifier = [1, 2, 840, 10_045, 3, 1, 7]
    /// secp384r1.
    static let p384: ASN1ObjectIdentifier = [1, 3, 132, 0, 34]
    /// id-PBES2 (RFC 8018).
    static let pbes2: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 5, 13]
    /// id-PBKDF2 (RFC 8018).
    static let pbkdf2: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 5, 12]
    /// id-scrypt (RFC 7914).
    static let scrypt: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 11_591, 4, 11]
    /// HMAC PRFs for PBKDF2 (RFC 8018 B.1).
    static let hmacWithSHA1: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 2, 7]
    static let hmacWithSHA256: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 2, 9]
    static let hmacWithSHA384: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 2, 10]
    static let hmacWithSHA512: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 2, 11]
    /// AES-CBC with a 16-byte IV parameter (NIST).
    static let aes128CBC: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 1, 2]
    static let aes192CBC: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 1, 22]
    static let aes256CBC: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 1, 42]

    static func curve(_ type: KeyType) -> ASN1ObjectIdentifier? {
        switch type {
        case .ed25519: nil
        case .p256: p256
        case .p384: p384
        }
    }
}
