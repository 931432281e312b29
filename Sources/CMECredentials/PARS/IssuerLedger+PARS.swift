public import Foundation
import GRDB
public import VerifiableCredentials

extension AuditEventKind {
    /// A PARS export was written (details: window, counts, file names and their SHA-256; no learner data).
    public static let parsExport = Self(rawValue: "pars-export")
}

extension IssuerLedger {
    /// Every credential in the ledger, in any state, ordered by completion date, activity and issue order
    /// (record order), the order a PARS export lists them in.
    ///
    /// The signed credential bytes are not read (``LedgerCredential/credentialBytes`` is empty): a report needs
    /// the plaintext fields only, and a large ledger's credentials would not fit in memory at once.
    /// - Throws: ``CredentialError`` `ledger` when the ledger cannot be read.
    public func credentialsForReporting() throws(CredentialError) -> [LedgerCredential] {
        try credentialsForReporting(completedFrom: nil, through: nil).credentials
    }

    /// The credentials completed from `since` through `until` (`YYYY-MM-DD`, both inclusive, `nil` for no
    /// bound), in the order of ``credentialsForReporting()``, and how many others the ledger holds, read from
    /// one snapshot. Only the window's rows are read into memory: a quarter's export of a ledger that holds
    /// years of credentials reads that quarter.
    /// - Throws: ``CredentialError`` `ledger` when the ledger cannot be read.
    public func credentialsForReporting(completedFrom since: String?, through until: String?) throws(CredentialError)
        -> (credentials: [LedgerCredential], outsideWindow: Int)
    {
        try read { db in
            // Completion dates are stored as YYYY-MM-DD, so text order (SQLite's binary collation) is date order.
            let credentials = try Row.fetchAll(
                db,
                sql: """
                    SELECT credential_id, activity_id, learner_key, record_hash, issued_at,
                        CAST('' AS BLOB) AS credential_json, state, replaced_by, given_name, family_name, npi,
                        licenses, board_ids, dob, email, did, activity_title, activity_format, completion_date,
                        activity_start, activity_end, pars_activity_id, joint_provider, credits_json,
                        status_positions
                    FROM credentials
                    WHERE (?1 IS NULL OR completion_date >= ?1) AND (?2 IS NULL OR completion_date <= ?2)
                    ORDER BY completion_date, activity_id, rowid
                    """, arguments: [since, until]
            ).map { row in try LedgerRows.credential(db, from: row) }
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM credentials") ?? credentials.count
            return (credentials, total - credentials.count)
        }
    }

    /// Records a PARS export in the hash-chained audit log.
    ///
    /// The details hold the window, the counts and each file's name and SHA-256, never a learner identifier,
    /// so an auditor can tell which file was the upload without the log holding what the credentials hide
    /// (the rejects file's name is `null` when the rejected rows were not written to a file).
    /// - Throws: ``CredentialError`` `ledger` for database failures.
    @discardableResult
    public func recordPARSExport(
        _ export: PARSExport, exporter: PARSExporter, files: PARSExportFiles, at now: Date
    ) throws(CredentialError) -> AuditEvent {
        var details = JSONObject()
        details["since"] = exporter.since.map(JSONValue.string) ?? .null
        details["until"] = exporter.until.map(JSONValue.string) ?? .null
        details["format"] = .string(files.format.rawValue)
        details["exported"] = .number(Double(export.rows.count))
        details["rejected"] = .number(Double(export.rejected.count))
        details["leftOut"] = [
            "revoked": .number(Double(export.leftOut.revoked)),
            "suspended": .number(Double(export.leftOut.suspended)),
            "outsideWindow": .number(Double(export.leftOut.outsideWindow)),
        ]
        details["file"] = ["name": .string(files.table.lastPathComponent), "sha256": .string(files.tableSHA256)]
        details["rejectsFile"] = [
            "name": files.rejects.map { .string($0.lastPathComponent) } ?? .null,
            "sha256": .string(files.rejectsSHA256),
        ]
        return try appendAudit(kind: .parsExport, details: .object(details), at: now)
    }
}
