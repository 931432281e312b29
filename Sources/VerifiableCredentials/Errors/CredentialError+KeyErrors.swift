// Named factories for the errors of keys, key files and DIDs, so each message is written once.
// The codes themselves live in CredentialError+Code.swift.

extension CredentialError {
    static func invalidBase58Character(at offset: Int, in text: String) -> CredentialError {
        CredentialError(
            .invalidBase58, "character \(offset + 1) of \"\(abbreviated(text))\" is not in the base58btc alphabet")
    }

    static func base58TooLong(_ count: Int, limit: Int) -> CredentialError {
        CredentialError(
            .invalidBase58,
            "the base58btc text is \(count) characters long, more than the \(limit) any key or signature needs")
    }

    static func unknownMultibasePrefix(_ text: String) -> CredentialError {
        CredentialError(
            .invalidMultibase,
            "\"\(abbreviated(text))\" is not multibase text with a supported prefix (z = base58btc, u = base64url)")
    }

    static func wrongMultibasePrefix(_ text: String, expected: Multibase.Encoding) -> CredentialError {
        CredentialError(
            .invalidMultibase, "\"\(abbreviated(text))\" must start with \"\(expected.rawValue)\" (\(expected))")
    }

    static func invalidBase64URL(_ text: String) -> CredentialError {
        CredentialError(.invalidMultibase, "\"\(abbreviated(text))\" is not valid base64url without padding")
    }

    static func unsupportedMultikey(_ text: String, header: [UInt8], secret: Bool) -> CredentialError {
        let hex = header.map { String($0, radix: 16, uppercase: false) }.joined(separator: " ")
        return CredentialError(
            .invalidMultikey,
            "\"\(abbreviated(text))\" has multicodec header 0x\(hex), not an Ed25519, P-256 or P-384 "
                + (secret ? "secret key" : "public key"))
    }

    static func multikeyLength(_ text: String, type: KeyType, count: Int, expected: Int) -> CredentialError {
        CredentialError(
            .invalidMultikey,
            "\"\(abbreviated(text))\" holds \(count) key bytes; a \(type.displayName) key has \(expected)")
    }

    static func invalidKeyBytes(_ type: KeyType, _ reason: String) -> CredentialError {
        CredentialError(.invalidKey, "not a valid \(type.displayName) key: \(reason)")
    }

    static func invalidJWK(_ reason: String) -> CredentialError {
        CredentialError(.invalidKey, "not a valid public JWK: \(reason)")
    }

    static func invalidDID(_ did: String, _ reason: String) -> CredentialError {
        CredentialError(.invalidDID, "\"\(abbreviated(did))\" is not a valid did:key: \(reason)")
    }

    /// Long inputs (a pasted document) are cut in messages so one error stays one line.
    private static func abbreviated(_ text: String) -> String {
        text.count <= 120 ? text : String(text.prefix(117)) + "…"
    }
}

extension CredentialError {
    static func malformedKeyFile(_ reason: String) -> CredentialError {
        CredentialError(.invalidKeyFile, "the key file is malformed: \(reason)")
    }

    static var wrongPassphrase: CredentialError {
        CredentialError(.wrongPassphrase, "the passphrase does not decrypt the key file")
    }

    static var passphraseRequired: CredentialError {
        CredentialError(.passphraseRequired, "the key file is encrypted; give its passphrase")
    }
}
