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
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT credential_id, activity_id, learner_key, record_hash, issued_at,
                        CAST('' AS BLOB) AS credential_json, state, replaced_by, given_name, family_name, npi,
                        licenses, board_ids, dob, email, did, activity_title, activity_format, completion_date,
                        activity_start, activity_end, pars_activity_id, joint_provider, credits_json,
                        status_positions
                    FROM credentials ORDER BY completion_date, activity_id, rowid
                    """
            ).map { row in try LedgerRows.credential(db, from: row) }
        }
    }

    /// Records a PARS export in the hash-chained audit log.
    ///
    /// The details hold the window, the counts and each file's name and SHA-256, never a learner identifier,
    /// so an auditor can tell which file was the upload without the log holding what the credentials hide.
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
            "name": .string(files.rejects.lastPathComponent), "sha256": .string(files.rejectsSHA256),
        ]
        return try appendAudit(kind: .parsExport, details: .object(details), at: now)
    }
}
