import GRDB
public import VerifiableCredentials

extension IssuerLedger {
    /// The number of credentials in `state`.
    ///
    /// - Throws: ``CredentialError`` `ledger` when the database cannot be read.
    public func credentialCount(state: CredentialState) throws(CredentialError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM credentials WHERE state = ?", arguments: [state.rawValue])
                ?? 0
        }
    }
}
