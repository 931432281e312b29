extension CredentialError.Code {
    /// A credential's validity dates are malformed, missing where required, of the wrong data model, or reversed.
    public static let invalidValidityPeriod = Self("invalidValidityPeriod")
}

extension CredentialError {
    static func invalidValidityPeriod(_ reason: String, at pointer: String) -> CredentialError {
        CredentialError(.invalidValidityPeriod, reason, location: pointer)
    }
}
