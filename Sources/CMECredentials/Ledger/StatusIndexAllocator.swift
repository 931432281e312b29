import Foundation
import GRDB
import VerifiableCredentials

/// Picks status list indexes: uniformly at random among the indexes of the current list that were never
/// handed out, opening the next list when the current one is full.
///
/// It runs inside the issuing transaction, which holds the database's write lock, so no other writer can
/// take the same index in between. Random probes find a free index quickly while the list is mostly
/// empty; past that, the free indexes are enumerated and one is drawn, so the choice stays uniform and
/// the cost bounded.
enum StatusIndexAllocator {
    static let probeLimit = 24

    static func allocate(
        _ db: Database, purpose: StatusPurpose, listSize: Int, at now: Date,
        using generator: inout some RandomNumberGenerator
    ) throws -> StatusAllocation {
        let list = try currentList(db, purpose: purpose, listSize: listSize, at: now)
        for _ in 0..<probeLimit {
            let candidate = Int.random(in: 0..<list.size, using: &generator)
            if try !isTaken(db, purpose: purpose, list: list.number, index: candidate) {
                return StatusAllocation(purpose: purpose, listNumber: list.number, index: candidate)
            }
        }
        let taken = try Int.fetchAll(
            db,
            sql:
                "SELECT status_index FROM status_allocations WHERE purpose = ? AND list_number = ? ORDER BY status_index",
            arguments: [purpose.rawValue, list.number])
        let freeCount = list.size - taken.count
        guard freeCount > 0 else {
            throw CredentialError(.ledger, "status list \(purpose) \(list.number) is full but not marked full")
        }
        // The rank-th free index: walk the gaps between taken indexes.
        var rank = Int.random(in: 0..<freeCount, using: &generator)
        var next = 0
        for index in taken {
            let gap = index - next
            if rank < gap { break }
            rank -= gap
            next = index + 1
        }
        return StatusAllocation(purpose: purpose, listNumber: list.number, index: next + rank)
    }

    private static func isTaken(_ db: Database, purpose: StatusPurpose, list: Int, index: Int) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM status_allocations
                               WHERE list_number = ? AND purpose = ? AND status_index = ?)
                """,
            arguments: [list, purpose.rawValue, index]) ?? false
    }

    /// The newest list of `purpose` with room left, opening a new one when there is none.
    private static func currentList(
        _ db: Database, purpose: StatusPurpose, listSize: Int, at now: Date
    ) throws -> (number: Int, size: Int) {
        let newest = try Row.fetchOne(
            db,
            sql: """
                SELECT list_number, size, allocated FROM status_lists
                WHERE purpose = ? ORDER BY list_number DESC LIMIT 1
                """,
            arguments: [purpose.rawValue])
        if let newest, (newest["allocated"] as Int) < (newest["size"] as Int) {
            return (newest["list_number"], newest["size"])
        }
        let number = (newest.map { $0["list_number"] as Int } ?? 0) + 1
        try db.execute(
            sql: "INSERT INTO status_lists (purpose, list_number, size, allocated, created_at) VALUES (?, ?, ?, 0, ?)",
            arguments: [purpose.rawValue, number, listSize, LedgerTime.format(now)])
        return (number, listSize)
    }
}
