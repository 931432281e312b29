import GRDB

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

                    -- Rows are never deleted, so an index is never handed out twice.
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
        return migrator
    }
}
