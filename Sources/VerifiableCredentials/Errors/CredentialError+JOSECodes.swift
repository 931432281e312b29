// Error codes of the compact JWS (JOSE) layer.

extension CredentialError.Code {
    /// The text is not a compact JWS: not three base64url parts, or the header is not a valid JOSE header.
    public static let malformedJWS = Self("malformedJWS")
    /// The JWS `alg` is `none`, an HMAC algorithm, or one this library does not implement.
    public static let unsupportedAlgorithm = Self("unsupportedAlgorithm")
    /// The JWS `alg` does not belong to the key's type (for example RS256 with an Ed25519 key).
    public static let algorithmKeyMismatch = Self("algorithmKeyMismatch")
    /// The JWS header lists a `crit` member this library does not understand.
    public static let unsupportedCriticalHeader = Self("unsupportedCriticalHeader")
    /// The JWS header asks for an unencoded payload (`b64: false`), which a compact JWT may not use.
    public static let unencodedPayload = Self("unencodedPayload")
}

extension CredentialError {
    static func malformedJWS(_ reason: String, location: String? = nil) -> CredentialError {
        CredentialError(.malformedJWS, "the text is not a compact JWS: \(reason)", location: location)
    }
}
