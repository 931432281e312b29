import Foundation
import GRDB
import VerifiableCredentials

/// The status indexes recorded in the ledger, per list, kept in memory between write transactions so that
/// drawing a free index costs a bit test instead of a lookup in the database's largest index.
///
/// `status_allocations` rows are never deleted, so their rowids only grow. At the start of each issuing
/// transaction (which holds the database's write lock, so nothing changes underneath) the cache reads the rows
/// past the highest rowid it has seen: other processes' allocations and this ledger's own committed ones. A
/// list is read whole the first time this ledger draws from it. Indexes of a transaction that rolls back
/// never reach the cache, since it only ever reads committed rows.
final class StatusIndexCache: @unchecked Sendable {
    /// Guards `watermark` and `lists` (write transactions are already serialized; this keeps the class safe
    /// to share between threads all the same).
    private let lock = NSLock()
    /// The highest `status_allocations` rowid read so far; nil before the first transaction.
    private var watermark: Int?
    private var lists: [StatusIndexAllocator.ListKey: IndexBitmap] = [:]

    /// Brings the cache up to date with the committed rows; call at the start of a write transaction.
    func synchronize(_ db: Database) throws(CredentialError) {
        lock.lock()
        defer { lock.unlock() }
        guard let seen = watermark else {
            // Nothing is loaded yet: lists load whole when first drawn from, so only the high mark matters.
            let highest = try RawStatement(db, sql: "SELECT COALESCE(MAX(rowid), 0) FROM status_allocations")
            watermark = try highest.step() ? highest.int(0) : 0
            return
        }
        let newer = try RawStatement(
            db,
            sql: """
                SELECT rowid, purpose, list_number, status_index FROM status_allocations
                WHERE rowid > ? ORDER BY rowid
                """)
        newer.bind(1, seen)
        var highest = seen
        while try newer.step() {
            highest = newer.int(0)
            let key = StatusIndexAllocator.ListKey(purpose: StatusPurpose(newer.text(1)), number: newer.int(2))
            lists[key]?.insert(newer.int(3))
        }
        watermark = highest
    }

    /// The taken indexes of a list of `size` entries, read whole from the database the first time.
    func taken(_ db: Database, key: StatusIndexAllocator.ListKey, size: Int) throws(CredentialError) -> IndexBitmap {
        lock.lock()
        defer { lock.unlock() }
        if let bitmap = lists[key], bitmap.size == size { return bitmap }
        var bitmap = IndexBitmap(size: size)
        let rows = try RawStatement(
            db, sql: "SELECT status_index FROM status_allocations WHERE list_number = ? AND purpose = ?")
        rows.bind(1, key.number)
        rows.bind(2, key.purpose.rawValue)
        while try rows.step() { bitmap.insert(rows.int(0)) }
        lists[key] = bitmap
        return bitmap
    }
}
