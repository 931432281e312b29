public import VerifiableCredentials

extension CredentialError.Code {
    /// The issuer ledger (`ledger.sqlite`) could not be opened, read or written.
    public static let ledger = Self("ledger")
    /// No credential with this id is in the ledger.
    public static let unknownCredential = Self("unknownCredential")
    /// A status change the rules forbid: revoking twice, suspending a revoked credential, reinstating a
    /// credential that is not suspended.
    public static let invalidStatusChange = Self("invalidStatusChange")
    /// The credential has no status entry for the purpose the change needs.
    public static let noStatusEntry = Self("noStatusEntry")
}

extension CredentialError.Code {
    /// No status list with this number and purpose is in the ledger.
    public static let unknownStatusList = Self("unknownStatusList")
}
