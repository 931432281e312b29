import GRDB
import GRDBSQLite
import VerifiableCredentials

/// A statement prepared and run through SQLite's C API, for the few statements issuing runs once per
/// credential: GRDB's `StatementArguments` box every value and its rows copy every column, which cost
/// more than SQLite's own work for these small statements.
///
/// It lives inside one ``IssuerLedger`` transaction on that transaction's connection and is finalized
/// when it goes out of scope.
final class RawStatement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer
    private let sql: String
    private var isSQLiteCopy: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }

    init(_ db: Database, sql: String) throws(CredentialError) {
        guard let connection = db.sqliteConnection else {
            throw CredentialError(.ledger, "the ledger's database connection is closed")
        }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw CredentialError(
                .ledger, "cannot prepare a ledger statement", underlying: String(cString: sqlite3_errmsg(connection)))
        }
        self.handle = statement
        self.connection = connection
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds the `position`-th parameter (1-based) to text, or to NULL when `text` is nil.
    func bind(_ position: Int32, _ text: String?) {
        guard var text else {
            sqlite3_bind_null(handle, position)
            return
        }
        text.withUTF8 { bytes in
            // An empty buffer may have no address, which SQLite would read as NULL.
            guard let start = bytes.baseAddress, !bytes.isEmpty else {
                sqlite3_bind_text(handle, position, "", 0, isSQLiteCopy)
                return
            }
            UnsafeRawPointer(start).withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
                _ = sqlite3_bind_text(handle, position, text, Int32(bytes.count), isSQLiteCopy)
            }
        }
    }

    func bind(_ position: Int32, _ value: Int) { sqlite3_bind_int64(handle, position, Int64(value)) }

    /// Binds the `position`-th parameter to an integer, or to NULL when `value` is nil.
    func bind(_ position: Int32, _ value: Int?) {
        guard let value else {
            sqlite3_bind_null(handle, position)
            return
        }
        bind(position, value)
    }

    func bind(_ position: Int32, blob: [UInt8]) {
        blob.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob(handle, position, bytes.baseAddress, Int32(bytes.count), isSQLiteCopy)
        }
    }

    /// Runs the statement to its next row: true when a row is ready, false when done. A statement that is
    /// done is reset, ready for new bindings.
    func step() throws(CredentialError) -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(handle)
            throw CredentialError(.ledger, "a ledger statement failed", underlying: "\(message) (\(sql.prefix(60)))")
        }
        sqlite3_reset(handle)
        return false
    }

    /// Runs a statement that returns no row.
    func execute() throws(CredentialError) {
        while try step() {}
    }

    /// The integer in column `column` (0-based) of the current row.
    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    /// The text in column `column` (0-based) of the current row ("" for NULL).
    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Stops a statement that still has rows, ready for new bindings.
    func reset() { sqlite3_reset(handle) }
}
