extension CredentialError.Code {
    /// `issuer init` was pointed at a directory that already holds an issuer.
    public static let issuerExists = Self("issuerExists")
    /// An issuer directory is missing its `issuer.json`, or the file is malformed.
    public static let invalidIssuerDirectory = Self("invalidIssuerDirectory")
    /// An activity record could not be turned into a credential.
    public static let recordNotIssuable = Self("recordNotIssuable")
    /// A duration such as `7d` or `24h` could not be read.
    public static let invalidDuration = Self("invalidDuration")
    /// The issuer's key cannot secure a document the way asked: an RSA key signs `vc+jwt` (RS256) only and has
    /// no Data Integrity cryptosuite.
    public static let securingNotSupported = Self("securingNotSupported")
}
