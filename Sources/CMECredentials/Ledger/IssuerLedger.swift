public import Foundation
import GRDB
public import VerifiableCredentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The issuer's ledger: every credential issued, its status positions, its state, and a hash-chained
/// audit log, in `<issuer directory>/ledger.sqlite`.
///
/// The database runs in WAL mode with a busy timeout, and every change is one `BEGIN IMMEDIATE`
/// transaction, so several `IssuerLedger`s (threads or processes) on the same directory take turns
/// instead of failing or colliding. A crash at any moment leaves each change either absent or complete.
/// Commits are durable against a process crash (`synchronous = NORMAL`); a power cut may lose the last
/// few commits, never corrupt the file.
public final class IssuerLedger: Sendable {
    /// The database file name inside the issuer directory.
    public static let fileName = "ledger.sqlite"
    /// The number of indexes a new status list hands out: the specification's minimum, 131,072.
    public static let defaultListSize = BitstringStatusList.minimumEntries

    /// The issuer directory.
    public let directory: URL
    /// The size of status lists this ledger opens (existing lists keep the size they were opened with).
    public let listSize: Int
    let database: DatabaseQueue

    /// Opens (creating if needed) the ledger in `directory`, which must exist.
    ///
    /// - Parameters:
    ///   - listSize: how many indexes each new status list hands out; lower it only in tests.
    ///   - busyTimeout: how long to wait for another process's transaction, in seconds.
    /// - Throws: ``CredentialError`` `ledger` when the database cannot be opened or migrated.
    public init(
        directory: URL, listSize: Int = defaultListSize, busyTimeout: TimeInterval = 60
    ) throws(CredentialError) {
        guard listSize >= 1 else {
            throw CredentialError(.ledger, "status list size must be at least 1, found \(listSize)")
        }
        self.directory = directory
        self.listSize = listSize
        let path = directory.appendingPathComponent(Self.fileName).path
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // In WAL mode a commit has reached the WAL file (the OS's cache) when it returns, so it survives a
            // kill -9 of the process; credential files are written only after that. Only a power cut can lose
            // the last commits, and then the files written after them may name credentials the ledger lacks.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A batch transaction (2,000 credentials of about 3 KB, their rows in several indexes) dirties more
            // pages than SQLite's default 2 MB cache holds; spilling them mid-transaction writes and rereads
            // pages. 16 MB is a ceiling, not an allocation: the cache grows only as pages are used (a 64 MB
            // cache measured no faster and held 60 MB more).
            try db.execute(sql: "PRAGMA cache_size = -16384")
            // A new ledger gets 16 KB pages, so a credential (about 6 KB) sits in its table page instead of an
            // overflow chain of 4 KB pages. An existing file keeps its page size (WAL files cannot change it).
            try db.execute(sql: "PRAGMA page_size = 16384")
        }
        // Opening (which switches a new file to WAL) and migrating happen under a file lock, so two
        // processes that open a fresh directory at once do not race to create the tables.
        database = try withFileLock(path + ".lock") { () throws(CredentialError) -> DatabaseQueue in
            do {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                let migrator = LedgerSchema.migrator
                // A newer cmevc may store things this one would read wrongly (a credential without its shared
                // text, say): refuse its ledger instead.
                if try queue.read({ db in try migrator.hasBeenSuperseded(db) }) {
                    throw CredentialError(
                        .ledger, "the ledger was last changed by a newer cmevc; use that version (or newer)",
                        location: path)
                }
                try migrator.migrate(queue)
                return queue
            } catch let error as CredentialError {
                throw error
            } catch {
                throw Self.databaseError("cannot open the ledger", error, path)
            }
        }
    }

    /// The ledger file's path, for messages.
    var path: String { directory.appendingPathComponent(Self.fileName).path }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction; any error rolls everything back.
    ///
    /// - Parameter checkingForeignKeys: false turns SQLite's foreign key checks off for this transaction,
    ///   for a writer whose rows reference only rows it has just read or written itself (issuing: a
    ///   credential's allocations name that credential and a list the allocator holds). Turning them off made a
    ///   20,000-record batch about a tenth faster; the constraints stay in the schema for every other writer.
    func writeTransaction<T>(
        checkingForeignKeys: Bool = true, _ body: (Database) throws -> T
    ) throws(CredentialError) -> T {
        do {
            return try database.writeWithoutTransaction { db in
                // The setting cannot change inside a transaction, so it is switched around it.
                if !checkingForeignKeys { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if !checkingForeignKeys { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                var output: T?
                try db.inTransaction(.immediate) {
                    output = try body(db)
                    return .commit
                }
                guard let output else { throw CredentialError(.ledger, "the transaction produced no result") }
                return output
            }
        } catch let error as CredentialError {
            throw error
        } catch {
            throw Self.databaseError("cannot write the ledger", error, path)
        }
    }

    /// Copies the pages committed to the write-ahead log into the database file, as closing the ledger
    /// would; a passive checkpoint, which never waits for another process's transaction (pages it cannot
    /// copy yet stay in the log for a later checkpoint). A batch calls it while its last files are written,
    /// so that closing the ledger afterwards has nothing left to copy.
    ///
    /// - Throws: ``CredentialError`` `ledger` when the database cannot be written.
    public func checkpoint() throws(CredentialError) {
        do {
            _ = try database.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        } catch {
            throw Self.databaseError("cannot checkpoint the ledger", error, path)
        }
    }

    /// Runs `body` on a consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws(CredentialError) -> T {
        do {
            return try database.read(body)
        } catch let error as CredentialError {
            throw error
        } catch {
            throw Self.databaseError("cannot read the ledger", error, path)
        }
    }

    static func databaseError(_ message: String, _ error: any Error, _ path: String) -> CredentialError {
        let detail = (error as? DatabaseError).map { $0.message ?? $0.description } ?? String(describing: error)
        return CredentialError(.ledger, message, location: path, underlying: detail)
    }

    // MARK: Queries

    /// The credential in force (active or suspended) for this activity and learner, if any.
    public func lookup(activityID: String, learnerKey: String) throws(CredentialError) -> LedgerCredential? {
        try read { db in try LedgerRows.credentialInForce(db, activityID: activityID, learnerKey: learnerKey) }
    }

    /// The credential with this id, in any state.
    public func credential(id credentialID: String) throws(CredentialError) -> LedgerCredential? {
        try read { db in try LedgerRows.credential(db, id: credentialID) }
    }

    /// The state of a credential.
    ///
    /// - Throws: ``CredentialError`` `unknownCredential` when the ledger has no such credential.
    public func state(of credentialID: String) throws(CredentialError) -> CredentialState {
        guard let credential = try credential(id: credentialID) else {
            throw CredentialError(.unknownCredential, "no credential \(credentialID) in the ledger", location: path)
        }
        return credential.state
    }

    /// The number of credentials recorded, in any state.
    public func credentialCount() throws(CredentialError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM credentials") ?? 0 }
    }
}

/// Holds an exclusive `flock` on `path` while `body` runs.
private func withFileLock<T>(_ path: String, _ body: () throws(CredentialError) -> T) throws(CredentialError) -> T {
    let descriptor = open(path, O_RDWR | O_CREAT, 0o644)
    guard descriptor >= 0 else {
        throw CredentialError(.ledger, "cannot create the ledger lock file", location: path)
    }
    defer { close(descriptor) }
    guard flock(descriptor, LOCK_EX) == 0 else {
        throw CredentialError(.ledger, "cannot lock the ledger", location: path)
    }
    defer { flock(descriptor, LOCK_UN) }
    return try body()
}
