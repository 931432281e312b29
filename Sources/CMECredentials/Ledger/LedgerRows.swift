import Foundation
import GRDB
import VerifiableCredentials

/// Reading and writing the `credentials` rows.
enum LedgerRows {
    /// The rows of the credential in force (not revoked) for an activity (first argument) and a learner key
    /// (second): at most one, by the `credentials_in_force` index.
    static let inForceRows = "FROM credentials WHERE activity_id = ? AND learner_key = ? AND state != 'revoked'"

    static func credentialInForce(_ db: Database, activityID: String, learnerKey: String) throws -> LedgerCredential? {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT * " + inForceRows), arguments: [activityID, learnerKey])
        return try row.map { try credential(db, from: $0) }
    }

    static func credential(_ db: Database, id: String) throws -> LedgerCredential? {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM credentials WHERE credential_id = ?"), arguments: [id])
        return try row.map { try credential(db, from: $0) }
    }

    static func credential(_ db: Database, from row: Row) throws -> LedgerCredential {
        let id: String = row["credential_id"]
        let stateText: String = row["state"]
        let issuedText: String = row["issued_at"]
        guard let state = CredentialState(rawValue: stateText), let issuedAt = LedgerTime.parse(issuedText) else {
            throw CredentialError(.ledger, "credential \(id) has an unreadable state or issue time")
        }
        guard let positions = row["status_positions"] as String? else {
            throw CredentialError(.ledger, "credential \(id) has no status positions")
        }
        let allocations = try StatusPositions.parse(positions, credentialID: id)
        var bytes = Array(row["credential_json"] as Data)
        if let textID = row["shared_text_id"] as Int? {
            bytes = try SharedTexts.restore(
                db, bytes, textID: textID, offset: row["shared_text_offset"] ?? -1, credentialID: id)
        }
        return LedgerCredential(
            credentialID: id, activityID: row["activity_id"], learnerKey: row["learner_key"],
            recordHash: row["record_hash"], issuedAt: issuedAt, credentialBytes: bytes, state: state,
            replacedBy: row["replaced_by"], statusAllocations: allocations,
            learner: LedgerLearner(
                givenName: row["given_name"], familyName: row["family_name"], npi: row["npi"],
                licenses: stringList(row["licenses"]), boardIDs: stringList(row["board_ids"]), dateOfBirth: row["dob"],
                email: row["email"], did: row["did"]),
            activity: LedgerActivity(
                id: row["activity_id"], title: row["activity_title"], format: row["activity_format"],
                completionDate: row["completion_date"], startDate: row["activity_start"], endDate: row["activity_end"],
                parsActivityID: row["pars_activity_id"], jointProvider: row["joint_provider"]),
            credits: (try? JSONParser.parse(row["credits_json"] as String)) ?? .null)
    }

    /// The statements that record issued credentials, prepared once per write transaction and run through
    /// SQLite's C API (``RawStatement``).
    final class Writer {
        private let credentialInsert: RawStatement
        private let inForce: RawStatement
        private var times = LedgerTime.Formatter()
        private var sharedTexts = SharedTexts.Cache()
        private let db: Database

        init(_ db: Database) throws(CredentialError) {
            self.db = db
            inForce = try RawStatement(db, sql: "SELECT credential_id " + LedgerRows.inForceRows)
            credentialInsert = try RawStatement(
                db,
                sql: """
                    INSERT INTO credentials (
                        credential_id, activity_id, learner_key, record_hash, issued_at, credential_json, state,
                        replaced_by, given_name, family_name, npi, licenses, board_ids, dob, email, did,
                        activity_title, activity_format, completion_date, activity_start, activity_end,
                        pars_activity_id, joint_provider, credits_json, shared_text_id, shared_text_offset,
                        status_positions)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
        }

        /// The id of the credential in force for this activity and learner, if any (a batch's first question
        /// for each record, almost always answered "none").
        func credentialIDInForce(activityID: String, learnerKey: String) throws(CredentialError) -> String? {
            inForce.bind(1, activityID)
            inForce.bind(2, learnerKey)
            guard try inForce.step() else { return nil }
            let id = inForce.text(0)
            inForce.reset()
            return id
        }

        /// Inserts the credential row, its status positions included; `sharedText`, when the credential's bytes
        /// hold it, is stored once (``SharedTexts``). The lists' `allocated` counts are the caller's
        /// (``StatusIndexAllocator/Session/finish(_:)``).
        func insert(_ credential: LedgerCredential, sharedText: [UInt8]? = nil) throws {
            let issuedAt = times.format(credential.issuedAt)
            let learner = credential.learner
            let activity = credential.activity
            let row = credentialInsert
            row.bind(1, credential.credentialID)
            row.bind(2, credential.activityID)
            row.bind(3, credential.learnerKey)
            row.bind(4, credential.recordHash)
            row.bind(5, issuedAt)
            if let sharedText, let cut = SharedTexts.cut(sharedText, from: credential.credentialBytes) {
                row.bind(6, blob: cut.rest)
                row.bind(25, try sharedTexts.id(of: sharedText, in: db))
                row.bind(26, cut.offset)
            } else {
                row.bind(6, blob: credential.credentialBytes)
                row.bind(25, nil as Int?)
                row.bind(26, nil as Int?)
            }
            row.bind(7, credential.state.rawValue)
            row.bind(8, credential.replacedBy)
            row.bind(9, learner.givenName)
            row.bind(10, learner.familyName)
            row.bind(11, learner.npi)
            row.bind(12, jsonText(learner.licenses))
            row.bind(13, jsonText(learner.boardIDs))
            row.bind(14, learner.dateOfBirth)
            row.bind(15, learner.email)
            row.bind(16, learner.did)
            row.bind(17, activity.title)
            row.bind(18, activity.format)
            row.bind(19, activity.completionDate)
            row.bind(20, activity.startDate)
            row.bind(21, activity.endDate)
            row.bind(22, activity.parsActivityID)
            row.bind(23, activity.jointProvider)
            row.bind(24, JSONSerializer.string(credential.credits))
            row.bind(27, StatusPositions.text(credential.statusAllocations))
            try row.execute()
        }
    }

    private static func jsonText(_ strings: [String]) -> String {
        JSONSerializer.string(.array(strings.map(JSONValue.string)))
    }

    private static func stringList(_ text: String) -> [String] {
        (try? JSONParser.parse(text))?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
