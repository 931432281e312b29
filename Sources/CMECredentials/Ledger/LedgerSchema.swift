import GRDB
import VerifiableCredentials

/// The ledger's tables, created and upgraded by a `DatabaseMigrator`.
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE credentials (
                        credential_id TEXT PRIMARY KEY NOT NULL,
                        activity_id TEXT NOT NULL,
                        learner_key TEXT NOT NULL,
                        record_hash TEXT NOT NULL,
                        issued_at TEXT NOT NULL,
                        credential_json BLOB NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('active', 'suspended', 'revoked')),
                        replaced_by TEXT,
                        given_name TEXT NOT NULL,
                        family_name TEXT NOT NULL,
                        npi TEXT,
                        licenses TEXT NOT NULL,
                        board_ids TEXT NOT NULL,
                        dob TEXT,
                        email TEXT,
                        did TEXT,
                        activity_title TEXT NOT NULL,
                        activity_format TEXT NOT NULL,
                        completion_date TEXT NOT NULL,
                        activity_start TEXT,
                        activity_end TEXT,
                        pars_activity_id TEXT,
                        joint_provider TEXT,
                        credits_json TEXT NOT NULL
                    );
                    -- Idempotency: one credential in force per (activity, learner).
                    CREATE UNIQUE INDEX credentials_in_force
                        ON credentials (activity_id, learner_key) WHERE state != 'revoked';
                    CREATE INDEX credentials_by_activity ON credentials (activity_id);

                    CREATE TABLE status_lists (
                        purpose TEXT NOT NULL,
                        list_number INTEGER NOT NULL CHECK (list_number >= 1),
                        size INTEGER NOT NULL CHECK (size >= 1),
                        allocated INTEGER NOT NULL DEFAULT 0 CHECK (allocated >= 0 AND allocated <= size),
                        created_at TEXT NOT NULL,
                        PRIMARY KEY (purpose, list_number)
                    );

                    -- Rows are never deleted, so an index is never handed out twice (since v3 the lists' bitmaps
                    -- of taken indexes, TakenIndexes, take the place of the UNIQUE constraint).
                    CREATE TABLE status_allocations (
                        purpose TEXT NOT NULL,
                        list_number INTEGER NOT NULL,
                        status_index INTEGER NOT NULL CHECK (status_index >= 0),
                        credential_id TEXT NOT NULL REFERENCES credentials (credential_id),
                        UNIQUE (list_number, purpose, status_index),
                        FOREIGN KEY (purpose, list_number) REFERENCES status_lists (purpose, list_number)
                    );
                    CREATE INDEX status_allocations_by_credential ON status_allocations (credential_id);

                    CREATE TABLE audit_events (
                        seq INTEGER PRIMARY KEY,
                        at TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        credential_id TEXT,
                        details TEXT NOT NULL,
                        prev_hash TEXT NOT NULL,
                        hash TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2: drop the unused index by activity") { db in
            // Lookups by activity always name the learner too and use `credentials_in_force`; this index only
            // cost every issued credential one more B-tree insert.
            try db.execute(sql: "DROP INDEX IF EXISTS credentials_by_activity")
        }
        migrator.registerMigration("v3: status lists keep their taken indexes") { db in
            // The UNIQUE (list_number, purpose, status_index) index goes (``TakenIndexes`` says why): the table is
            // rebuilt without it, rows and rowids unchanged. Each list's bitmap is filled from its rows the first
            // time a batch draws from it (`taken` NULL, `taken_through` 0).
            try db.execute(
                sql: """
                    ALTER TABLE status_lists ADD COLUMN taken BLOB;
                    ALTER TABLE status_lists ADD COLUMN taken_through INTEGER NOT NULL DEFAULT 0;
                    CREATE TABLE status_allocations_v3 (
                        purpose TEXT NOT NULL,
                        list_number INTEGER NOT NULL,
                        status_index INTEGER NOT NULL CHECK (status_index >= 0),
                        credential_id TEXT NOT NULL REFERENCES credentials (credential_id),
                        FOREIGN KEY (purpose, list_number) REFERENCES status_lists (purpose, list_number)
                    );
                    INSERT INTO status_allocations_v3 (rowid, purpose, list_number, status_index, credential_id)
                        SELECT rowid, purpose, list_number, status_index, credential_id FROM status_allocations;
                    DROP TABLE status_allocations;
                    ALTER TABLE status_allocations_v3 RENAME TO status_allocations;
                    CREATE INDEX status_allocations_by_credential ON status_allocations (credential_id);
                    -- A status list's set bits, for publishing: the few revoked or suspended credentials, and
                    -- their allocations by credential. Issuing inserts active rows, which this index leaves out.
                    CREATE INDEX credentials_not_active ON credentials (state) WHERE state != 'active';
                    """)
        }
        migrator.registerMigration("v4: credentials share their common text") { db in
            // ``SharedTexts``: the achievement every credential of an activity holds is stored once.
            try db.execute(
                sql: """
                    CREATE TABLE shared_texts (
                        text_id INTEGER PRIMARY KEY,
                        digest TEXT NOT NULL UNIQUE,
                        text BLOB NOT NULL
                    );
                    ALTER TABLE credentials ADD COLUMN shared_text_id INTEGER REFERENCES shared_texts (text_id);
                    ALTER TABLE credentials ADD COLUMN shared_text_offset INTEGER
                        CHECK ((shared_text_id IS NULL) = (shared_text_offset IS NULL));
                    """)
        }
        migrator.registerMigration("v5: status positions in the credential's row") { db in
            // ``StatusPositions``: each credential's allocation rows become a column of its row, in rowid order.
            // The table goes, so a cmevc from before v4 (which does not refuse a newer ledger) fails on this
            // ledger instead of drawing indexes without seeing them. Every list's mark goes back to the first
            // credential: the first batch after this adds every credential's positions to the list's bitmap.
            try db.execute(sql: "ALTER TABLE credentials ADD COLUMN status_positions TEXT NOT NULL DEFAULT '[]'")
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT credential_id, purpose, list_number, status_index FROM status_allocations
                    ORDER BY credential_id, rowid
                    """)
            let update = try db.makeStatement(
                sql: "UPDATE credentials SET status_positions = ? WHERE credential_id = ?")
            var credentialID: String?
            var positions: [StatusAllocation] = []
            func store() throws {
                guard let credentialID else { return }
                try update.execute(arguments: [StatusPositions.text(positions), credentialID])
            }
            while let row = try rows.next() {
                let id: String = row["credential_id"]
                if id != credentialID {
                    try store()
                    credentialID = id
                    positions = []
                }
                positions.append(
                    StatusAllocation(
                        purpose: StatusPurpose(row["purpose"] as String), listNumber: row["list_number"],
                        index: row["status_index"]))
            }
            try store()
            try db.execute(
                sql: """
                    DROP TABLE status_allocations;
                    UPDATE status_lists SET taken_through = 0;
                    """)
        }
        migrator.registerMigration("v6: credential states checked without an IN list") { db in
            // `state IN ('active', 'suspended', 'revoked')` made SQLite build a temporary B-tree of the three
            // words for every inserted row (an IN list of more than two constants is looked up in one), about
            // 1.5 µs per issued credential on the ledger's thread; comparisons check the same. SQLite cannot
            // change a constraint in place, so the table is rebuilt with its rows, rowids (which ``TakenIndexes``
            // marks refer to) and indexes unchanged.
            let columns = """
                credential_id, activity_id, learner_key, record_hash, issued_at, credential_json, state,
                replaced_by, given_name, family_name, npi, licenses, board_ids, dob, email, did, activity_title,
                activity_format, completion_date, activity_start, activity_end, pars_activity_id, joint_provider,
                credits_json, shared_text_id, shared_text_offset, status_positions
                """
            try db.execute(
                sql: """
                    CREATE TABLE credentials_v6 (
                        credential_id TEXT PRIMARY KEY NOT NULL,
                        activity_id TEXT NOT NULL,
                        learner_key TEXT NOT NULL,
                        record_hash TEXT NOT NULL,
                        issued_at TEXT NOT NULL,
                        credential_json BLOB NOT NULL,
                        state TEXT NOT NULL CHECK (state = 'active' OR state = 'suspended' OR state = 'revoked'),
                        replaced_by TEXT,
                        given_name TEXT NOT NULL,
                        family_name TEXT NOT NULL,
                        npi TEXT,
                        licenses TEXT NOT NULL,
                        board_ids TEXT NOT NULL,
                        dob TEXT,
                        email TEXT,
                        did TEXT,
                        activity_title TEXT NOT NULL,
                        activity_format TEXT NOT NULL,
                        completion_date TEXT NOT NULL,
                        activity_start TEXT,
                        activity_end TEXT,
                        pars_activity_id TEXT,
                        joint_provider TEXT,
                        credits_json TEXT NOT NULL,
                        shared_text_id INTEGER REFERENCES shared_texts (text_id),
                        shared_text_offset INTEGER CHECK ((shared_text_id IS NULL) = (shared_text_offset IS NULL)),
                        status_positions TEXT NOT NULL DEFAULT '[]'
                    );
                    INSERT INTO credentials_v6 (rowid, \(columns)) SELECT rowid, \(columns) FROM credentials;
                    DROP TABLE credentials;
                    ALTER TABLE credentials_v6 RENAME TO credentials;
                    CREATE UNIQUE INDEX credentials_in_force
                        ON credentials (activity_id, learner_key) WHERE state != 'revoked';
                    CREATE INDEX credentials_not_active ON credentials (state) WHERE state != 'active';
                    """)
        }
        return migrator
    }
}
