import Foundation
import GRDB
import VerifiableCredentials

/// The taken indexes of each status list, kept in the list's row (`status_lists.taken`, an ``IndexBitmap``), so
/// that drawing a free index costs a bit test and recording one appends a row in the order of issue.
///
/// Until ledger migration v3 a `UNIQUE (list_number, purpose, status_index)` index on `status_allocations`
/// kept them. Status indexes are drawn at random, so every credential put two entries at random places in that
/// index and each batch transaction rewrote most of its pages, a cost that grew with the ledger: at 100,000
/// credentials it was about 7 % of issuing (one-off measurements, 2026-11-24).
///
/// The bitmap sums up the list's positions held by credentials up to `taken_through`, a rowid of `credentials`
/// (since migration v5, which keeps each credential's positions in its row, ``StatusPositions``; rows are never
/// deleted, so rowids only grow). ``load(_:_:size:)`` reads it and adds the list's positions held by
/// credentials past that mark: all of them for a list whose bitmap was never written or is damaged, and once
/// after migration v5 (which sets every mark back to 0). ``save(_:_:_:)`` writes it back with the newest
/// credential as the mark.
/// Both happen inside one write transaction, which holds the database's write lock, so nothing is written in
/// between: the allocator hands out an index only when no committed row and no earlier allocation of the
/// transaction holds it.
enum TakenIndexes {
    /// The taken indexes of a list of `size` entries, as committed.
    static func load(_ db: Database, _ key: StatusIndexAllocator.ListKey, size: Int) throws -> IndexBitmap {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT taken, taken_through FROM status_lists WHERE purpose = ? AND list_number = ?"),
            arguments: [key.purpose.rawValue, key.number])
        var bitmap = IndexBitmap(size: size)
        var through = 0
        if let row, let stored = row["taken"] as Data?, let summary = IndexBitmap(size: size, bytes: Array(stored)) {
            bitmap = summary
            through = row["taken_through"] ?? 0
        }
        let newer = try RawStatement(db, sql: "SELECT credential_id, status_positions FROM credentials WHERE rowid > ?")
        newer.bind(1, through)
        while try newer.step() {
            for position in try StatusPositions.parse(newer.text(1), credentialID: newer.text(0))
            where position.purpose == key.purpose && position.listNumber == key.number {
                bitmap.insert(position.index)
            }
        }
        return bitmap
    }

    /// Stores `bitmap` as the list's taken indexes, up to the newest credential, and its count as the list's
    /// `allocated`.
    static func save(_ db: Database, _ key: StatusIndexAllocator.ListKey, _ bitmap: IndexBitmap) throws {
        try db.cachedStatement(
            sql: """
                UPDATE status_lists SET taken = ?, allocated = ?, taken_through = \(newestRow)
                WHERE purpose = ? AND list_number = ?
                """
        ).execute(arguments: [Data(bitmap.bytes), bitmap.count, key.purpose.rawValue, key.number])
    }

    /// The newest credential's row, as SQL: the mark of a bitmap saved now, and of a list opened now (no
    /// credential so far holds one of its indexes).
    static let newestRow = "(SELECT COALESCE(MAX(rowid), 0) FROM credentials)"
}
