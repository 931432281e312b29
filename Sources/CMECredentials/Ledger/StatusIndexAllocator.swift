import Foundation
import GRDB
import VerifiableCredentials

/// Picks status list indexes: uniformly at random among the indexes of the current list that were never
/// handed out, opening the next list when the current one is full.
///
/// A ``Session`` lives for one issuing transaction, which holds the database's write lock, so no other
/// writer can take the same index in between. It loads each list's taken indexes when it first draws from it
/// (``TakenIndexes``) and marks in its copy the indexes it hands out, so two credentials of one batch never
/// share one either; ``Session/finish(_:)`` stores the copies. Random probes find a free index quickly while
/// the list is mostly empty; past that, one of the free indexes is drawn directly, so the choice stays
/// uniform and the cost bounded.
enum StatusIndexAllocator {
    static let probeLimit = 24

    struct ListKey: Hashable {
        var purpose: StatusPurpose
        var number: Int
    }

    /// The allocations of one transaction.
    struct Session {
        struct CurrentList {
            var number: Int
            var size: Int
            /// The list's `allocated` count when this session first read it: whether it is full until its
            /// bitmap is loaded, which then says (without reading a full list's allocations just to learn that).
            var allocated: Int
        }

        let listSize: Int
        private var current: [StatusPurpose: CurrentList] = [:]
        /// Per list drawn from: the committed indexes plus those handed out by this session and not released.
        private var taken: [ListKey: IndexBitmap] = [:]
        private var generator = BufferedRandomGenerator()

        /// A session that opens lists of `listSize` entries when the current one is full.
        init(listSize: Int) {
            self.listSize = listSize
        }

        /// A free index of the newest list of `purpose` with room left (opening one when there is none).
        mutating func allocate(_ db: Database, purpose: StatusPurpose, at now: Date) throws -> StatusAllocation {
            let list = try currentList(db, purpose: purpose, at: now)
            let key = ListKey(purpose: purpose, number: list.number)
            if taken[key] == nil { taken[key] = try TakenIndexes.load(db, key, size: list.size) }
            let index: Int
            do {
                guard let bitmap = taken[key] else {
                    throw CredentialError(.ledger, "status list \(purpose) \(list.number) could not be read")
                }
                index = try Self.freeIndex(in: bitmap, key: key, using: &generator)
            }
            // Marked in place (`bitmap` is gone): the session copies a cached list once, at its first mark.
            taken[key]?.insert(index)
            current[purpose] = list
            return StatusAllocation(purpose: purpose, listNumber: list.number, index: index)
        }

        /// Gives back an index whose credential was not recorded. Every index handed out is either released
        /// or has its allocation row recorded by the end of the transaction.
        mutating func release(_ allocation: StatusAllocation) {
            let key = ListKey(purpose: allocation.purpose, number: allocation.listNumber)
            guard taken[key]?.contains(allocation.index) == true else { return }
            taken[key]?.remove(allocation.index)
        }

        /// Stores the taken indexes (and so the `allocated` counts) of the lists drawn from.
        func finish(_ db: Database) throws {
            for (key, bitmap) in taken { try TakenIndexes.save(db, key, bitmap) }
        }

        private static func freeIndex(
            in bitmap: IndexBitmap, key: ListKey, using generator: inout BufferedRandomGenerator
        ) throws -> Int {
            guard bitmap.size > 0 else {
                throw CredentialError(.ledger, "status list \(key.purpose) \(key.number) has no entries")
            }
            for _ in 0..<probeLimit {
                let candidate = Int.random(in: 0..<bitmap.size, using: &generator)
                if !bitmap.contains(candidate) { return candidate }
            }
            guard bitmap.freeCount > 0,
                let index = bitmap.freeIndex(rank: Int.random(in: 0..<bitmap.freeCount, using: &generator))
            else {
                throw CredentialError(.ledger, "status list \(key.purpose) \(key.number) is full but not marked full")
            }
            return index
        }

        /// The newest list of `purpose` with room left, opening a new one when there is none.
        private mutating func currentList(_ db: Database, purpose: StatusPurpose, at now: Date) throws -> CurrentList {
            if let list = current[purpose], hasRoom(list, purpose: purpose) { return list }
            let newest: CurrentList?
            if let known = current[purpose] {
                newest = known
            } else {
                newest = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT list_number, size, allocated FROM status_lists
                        WHERE purpose = ? ORDER BY list_number DESC LIMIT 1
                        """,
                    arguments: [purpose.rawValue]
                ).map { row in
                    CurrentList(number: row["list_number"], size: row["size"], allocated: row["allocated"])
                }
            }
            if let newest, hasRoom(newest, purpose: purpose) { return newest }
            let number = (newest?.number ?? 0) + 1
            try db.execute(
                sql:
                    "INSERT INTO status_lists (purpose, list_number, size, allocated, created_at, taken_through) "
                    + "VALUES (?, ?, ?, 0, ?, \(TakenIndexes.newestRow))",
                arguments: [purpose.rawValue, number, listSize, LedgerTime.format(now)])
            return CurrentList(number: number, size: listSize, allocated: 0)
        }

        /// Whether `list` has a free index: by its bitmap (this session's marks included) once loaded.
        private func hasRoom(_ list: CurrentList, purpose: StatusPurpose) -> Bool {
            if let bitmap = taken[ListKey(purpose: purpose, number: list.number)] { return bitmap.freeCount > 0 }
            return list.allocated < list.size
        }
    }
}
