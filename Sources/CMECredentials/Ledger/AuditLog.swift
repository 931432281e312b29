public import Foundation
import GRDB
public import VerifiableCredentials

/// Appends to and reads the `audit_events` table.
enum AuditLog {
    @discardableResult
    static func append(
        _ db: Database, kind: AuditEventKind, credentialID: String?, details: JSONValue, at now: Date
    ) throws -> AuditEvent {
        var cursor = try Cursor(db)
        return try cursor.append(kind: kind, credentialID: credentialID, details: details, at: now)
    }

    /// The end of the log inside one write transaction: appending many events reads the last one once.
    struct Cursor {
        private(set) var seq: Int64
        private(set) var hash: String
        private let insert: RawStatement
        private var times = LedgerTime.Formatter()

        /// The current end of the log (call inside the write transaction that appends).
        init(_ db: Database) throws {
            let last = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"))
            seq = last.map { $0["seq"] as Int64 } ?? 0
            hash = last.map { $0["hash"] as String } ?? AuditEvent.genesisHash
            insert = try RawStatement(
                db,
                sql: """
                    INSERT INTO audit_events (seq, at, kind, credential_id, details, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
        }

        /// Appends an event chained to the previous one.
        @discardableResult
        mutating func append(
            kind: AuditEventKind, credentialID: String?, details: JSONValue, at now: Date
        ) throws -> AuditEvent {
            let (at, prevHash) = try append(
                kind: kind, credentialID: credentialID, canonicalDetails: JSONCanonicalizer.canonicalize(details),
                at: now)
            return AuditEvent(
                seq: seq, at: at, kind: kind, credentialID: credentialID, details: details, prevHash: prevHash,
                hash: hash)
        }

        /// Appends an event whose details are given as their canonical JSON (RFC 8785) bytes; returns the
        /// event's time text and the previous event's hash.
        @discardableResult
        mutating func append(
            kind: AuditEventKind, credentialID: String?, canonicalDetails: [UInt8], at now: Date
        ) throws -> (at: String, prevHash: String) {
            let seq = self.seq + 1
            let prevHash = hash
            let at = times.format(now)
            let hash = AuditEvent.computeHash(
                prevHash: prevHash, seq: seq, at: at, kind: kind, credentialID: credentialID,
                canonicalDetails: canonicalDetails)
            insert.bind(1, Int(seq))
            insert.bind(2, at)
            insert.bind(3, kind.rawValue)
            insert.bind(4, credentialID)
            insert.bind(5, String(decoding: canonicalDetails, as: UTF8.self))
            insert.bind(6, prevHash)
            insert.bind(7, hash)
            try insert.execute()
            self.seq = seq
            self.hash = hash
            return (at, prevHash)
        }
    }

    static func rows(_ db: Database) throws -> [AuditRow] {
        try Row.fetchAll(db, sql: "SELECT * FROM audit_events ORDER BY seq").map { row in
            AuditRow(
                seq: row["seq"], at: row["at"], kind: row["kind"], credentialID: row["credential_id"],
                details: row["details"], prevHash: row["prev_hash"], hash: row["hash"])
        }
    }
}

extension IssuerLedger {
    /// Appends an event to the audit log (publishing, key events; issue and status changes add their own).
    ///
    /// - Throws: ``CredentialError`` `ledger` for database failures.
    @discardableResult
    public func appendAudit(
        kind: AuditEventKind, credentialID: String? = nil, details: JSONValue = .object(JSONObject()), at now: Date
    ) throws(CredentialError) -> AuditEvent {
        try writeTransaction { db in
            try AuditLog.append(db, kind: kind, credentialID: credentialID, details: details, at: now)
        }
    }

    /// Checks every event's hash and its link to the one before, naming each edited, deleted, inserted
    /// or reordered event.
    ///
    /// - Throws: ``CredentialError`` `ledger` only when the log cannot be read.
    public func verifyAuditChain() throws(CredentialError) -> AuditChainReport {
        AuditChainVerifier.verify(try read { db in try AuditLog.rows(db) })
    }

    /// Every event as a JSON object (`seq`, `at`, `kind`, `credentialID`, `details`, `prevHash`, `hash`),
    /// in log order, for JSON Lines. A `details` text that no longer parses is exported as a string.
    public func exportAudit() throws(CredentialError) -> [JSONValue] {
        try read { db in try AuditLog.rows(db) }.map { row in
            row.event?.json
                ?? [
                    "seq": .number(Double(row.seq)), "at": .string(row.at), "kind": .string(row.kind),
                    "credentialID": row.credentialID.map(JSONValue.string) ?? .null, "details": .string(row.details),
                    "prevHash": .string(row.prevHash), "hash": .string(row.hash),
                ]
        }
    }
}
