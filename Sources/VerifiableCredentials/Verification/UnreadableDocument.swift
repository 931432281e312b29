/// Why a file meant to hold a credential or presentation could not be read.
public enum UnreadableDocument {
    /// `error`, the JSON parser's error for `bytes`, with a word for a person who may not know that a
    /// credential file is either JSON or a compact JWT: when `bytes` do not start like a JSON object or
    /// array, the message adds that the text is not a compact JWT either (three base64url parts joined by
    /// dots), rather than leaving them with `expected 'null'`.
    public static func explain(_ error: CredentialError, bytes: some Collection<UInt8>) -> CredentialError {
        guard error.code == .invalidJSON,
            let first = bytes.first(where: { !JSONWhitespace.isWhitespace($0) }),
            // A byte order mark (0xEF) has a message of its own.
            first != UInt8(ascii: "{"), first != UInt8(ascii: "["), first != 0xEF
        else { return error }
        var explained = error
        explained.message +=
            "; the text is neither a JSON credential or presentation nor a compact JWT (header.payload.signature in base64url)"
        return explained
    }
}
