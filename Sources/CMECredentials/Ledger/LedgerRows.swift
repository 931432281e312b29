import Foundation
import GRDB
import VerifiableCredentials

/// Reading and writing the `credentials` and `status_allocations` rows.
enum LedgerRows {
    static func credentialInForce(_ db: Database, activityID: String, learnerKey: String) throws -> LedgerCredential? {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT * FROM credentials WHERE activity_id = ? AND learner_key = ? AND state != 'revoked'"),
            arguments: [activityID, learnerKey])
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
        let allocations = try Row.fetchAll(
            db.cachedStatement(
                sql:
                    "SELECT purpose, list_number, status_index FROM status_allocations WHERE credential_id = ? ORDER BY rowid"
            ),
            arguments: [id]
        ).map { allocation in
            StatusAllocation(
                purpose: StatusPurpose(allocation["purpose"] as String), listNumber: allocation["list_number"],
                index: allocation["status_index"])
        }
        let bytes: Data = row["credential_json"]
        return LedgerCredential(
            credentialID: id, activityID: row["activity_id"], learnerKey: row["learner_key"],
            recordHash: row["record_hash"], issuedAt: issuedAt, credentialBytes: Array(bytes), state: state,
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

    static func insert(_ db: Database, _ credential: LedgerCredential) throws {
        let learner = credential.learner
        let activity = credential.activity
        let arguments: StatementArguments = [
            credential.credentialID, credential.activityID, credential.learnerKey, credential.recordHash,
            LedgerTime.format(credential.issuedAt), Data(credential.credentialBytes), credential.state.rawValue,
            credential.replacedBy, learner.givenName, learner.familyName, learner.npi, jsonText(learner.licenses),
            jsonText(learner.boardIDs), learner.dateOfBirth, learner.email, learner.did, activity.title,
            activity.format, activity.completionDate, activity.startDate, activity.endDate, activity.parsActivityID,
            activity.jointProvider, JSONSerializer.string(credential.credits),
        ]
        try db.cachedStatement(
            sql: """
                INSERT INTO credentials (
                    credential_id, activity_id, learner_key, record_hash, issued_at, credential_json, state,
                    replaced_by, given_name, family_name, npi, licenses, board_ids, dob, email, did,
                    activity_title, activity_format, completion_date, activity_start, activity_end,
                    pars_activity_id, joint_provider, credits_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: arguments)
        // The lists' `allocated` counts are the caller's (``StatusIndexAllocator/Session/finish(_:)``).
        let allocationStatement = try db.cachedStatement(
            sql: """
                INSERT INTO status_allocations (purpose, list_number, status_index, credential_id)
                VALUES (?, ?, ?, ?)
                """)
        for allocation in credential.statusAllocations {
            try allocationStatement.execute(arguments: [
                allocation.purpose.rawValue, allocation.listNumber, allocation.index, credential.credentialID,
            ])
        }
    }

    private static func jsonText(_ strings: [String]) -> String {
        JSONSerializer.string(.array(strings.map(JSONValue.string)))
    }

    private static func stringList(_ text: String) -> [String] {
        (try? JSONParser.parse(text))?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
