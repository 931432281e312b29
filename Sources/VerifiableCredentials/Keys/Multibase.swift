import Foundation

/// Multibase text: one prefix character naming the encoding, then the encoded bytes.
///
/// Only the two encodings Data Integrity and the Bitstring Status List use are supported:
/// `z` (base58btc) and `u` (base64url without padding).
public enum Multibase {
    /// A multibase encoding, named by its prefix character.
    public enum Encoding: Character, Sendable, Hashable, CaseIterable {
        /// `z`: base58btc, Bitcoin alphabet.
        case base58btc = "z"
        /// `u`: base64url (RFC 4648 §5) without padding.
        case base64url = "u"
    }

    /// Encodes `bytes` with the prefix character of `encoding`.
    public static func encode(_ bytes: [UInt8], as encoding: Encoding = .base58btc) -> String {
        switch encoding {
        case .base58btc: "z" + Base58BTC.encode(bytes)
        case .base64url: "u" + Base64URL.encode(bytes)
        }
    }

    /// Decodes multibase text in any supported encoding.
    ///
    /// - Throws: ``CredentialError`` `invalidMultibase` for an unknown or missing prefix or bad base64url,
    ///   `invalidBase58` for a bad base58btc character.
    public static func decode(_ text: String) throws(CredentialError) -> [UInt8] {
        guard let first = text.first, let encoding = Encoding(rawValue: first) else {
            throw .unknownMultibasePrefix(text)
        }
        return try decode(text, expecting: encoding)
    }

    /// Decodes multibase text that must use `encoding`.
    ///
    /// - Throws: ``CredentialError`` `invalidMultibase` when the prefix is not `encoding`'s.
    public static func decode(_ text: String, expecting encoding: Encoding) throws(CredentialError) -> [UInt8] {
        guard text.first == encoding.rawValue else { throw .wrongMultibasePrefix(text, expected: encoding) }
        let body = String(text.dropFirst())
        switch encoding {
        case .base58btc:
            return try Base58BTC.decode(body)
        case .base64url:
            guard let bytes = Base64URL.decode(body) else { throw .invalidBase64URL(text) }
            return bytes
        }
    }
}
