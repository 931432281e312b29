/// The Multikey encodings (multicodec varint header + key bytes, base58btc multibase) of public and
/// secret keys, as in the Controlled Identifiers / Data Integrity specifications.
enum Multikey {
    /// The two-byte unsigned-varint multicodec header of a public key.
    static func publicHeader(_ type: KeyType) -> [UInt8] {
        switch type {
        case .ed25519: [0xED, 0x01]  // ed25519-pub 0xed
        case .p256: [0x80, 0x24]  // p256-pub 0x1200
        case .p384: [0x81, 0x24]  // p384-pub 0x1201
        }
    }

    /// The two-byte unsigned-varint multicodec header of a secret key.
    static func secretHeader(_ type: KeyType) -> [UInt8] {
        switch type {
        case .ed25519: [0x80, 0x26]  // ed25519-priv 0x1300
        case .p256: [0x86, 0x26]  // p256-priv 0x1306
        case .p384: [0x87, 0x26]  // p384-priv 0x1307
        }
    }

    static func encode(_ type: KeyType, publicKey bytes: [UInt8]) -> String {
        Multibase.encode(publicHeader(type) + bytes, as: .base58btc)
    }

    static func encode(_ type: KeyType, secretKey bytes: [UInt8]) -> String {
        Multibase.encode(secretHeader(type) + bytes, as: .base58btc)
    }

    /// Splits a `z…` Multikey into its key type and key bytes, checking the length for the type.
    static func decode(_ text: String, secret: Bool) throws(CredentialError) -> (KeyType, [UInt8]) {
        let bytes = try Multibase.decode(text, expecting: .base58btc)
        let header = Array(bytes.prefix(2))
        guard let type = KeyType.allCases.first(where: { (secret ? secretHeader($0) : publicHeader($0)) == header })
        else {
            throw .unsupportedMultikey(text, header: header, secret: secret)
        }
        let key = Array(bytes.dropFirst(2))
        let expected = secret ? type.secretKeyByteCount : type.publicKeyByteCount
        guard key.count == expected else {
            throw .multikeyLength(text, type: type, count: key.count, expected: expected)
        }
        return (type, key)
    }
}
