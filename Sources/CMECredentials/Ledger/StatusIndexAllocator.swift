import Foundation
import GRDB
import VerifiableCredentials

/// Picks status list indexes: uniformly at random among the indexes of the current list that were never
/// handed out, opening the next list when the current one is full.
///
/// A ``Session`` lives for one issuing transaction, which holds the database's write lock, so no other
/// writer can take the same index in between; the session remembers the indexes it has handed out but not
/// yet recorded, so two credentials of one batch never share one either. Random probes find a free index
/// quickly while the list is mostly empty; past that, the free indexes are enumerated and one is drawn, so
/// the choice stays uniform and the cost bounded.
enum StatusIndexAllocator {
    static let probeLimit = 24

    /// The allocations of one transaction.
    struct Session {
        struct ListKey: Hashable {
            var purpose: StatusPurpose
            var number: Int
        }

        struct CurrentList {
            var number: Int
            var size: Int
            /// Indexes recorded in the database plus those handed out by this session and not released.
            var used: Int
        }

        let listSize: Int
        private var current: [StatusPurpose: CurrentList] = [:]
        /// Handed out by this session, recorded or not.
        private var reserved: [ListKey: Set<Int>] = [:]
        /// Recorded by this session: the amount to add to each list's `allocated` count at the end.
        private var recorded: [ListKey: Int] = [:]
        private var generator = SystemRandomNumberGenerator()

        init(listSize: Int) { self.listSize = listSize }

        /// A free index of the newest list of `purpose` with room left (opening one when there is none).
        mutating func allocate(_ db: Database, purpose: StatusPurpose, at now: Date) throws -> StatusAllocation {
            var list = try currentList(db, purpose: purpose, at: now)
            let key = ListKey(purpose: purpose, number: list.number)
            let index = try freeIndex(db, key: key, size: list.size)
            reserved[key, default: []].insert(index)
            list.used += 1
            current[purpose] = list
            return StatusAllocation(purpose: purpose, listNumber: list.number, index: index)
        }

        /// Gives back an index whose credential was not recorded.
        mutating func release(_ allocation: StatusAllocation) {
            let key = ListKey(purpose: allocation.purpose, number: allocation.listNumber)
            guard reserved[key]?.remove(allocation.index) != nil else { return }
            if current[allocation.purpose]?.number == allocation.listNumber {
                current[allocation.purpose]?.used -= 1
            }
        }

        /// Notes that an index's credential and allocation row were recorded.
        mutating func commit(_ allocation: StatusAllocation) {
            recorded[ListKey(purpose: allocation.purpose, number: allocation.listNumber), default: 0] += 1
        }

        /// Adds the recorded allocations to the lists' counts.
        func finish(_ db: Database) throws {
            let statement = try db.cachedStatement(
                sql: "UPDATE status_lists SET allocated = allocated + ? WHERE purpose = ? AND list_number = ?")
            for (key, count) in recorded where count > 0 {
                try statement.execute(arguments: [count, key.purpose.rawValue, key.number])
            }
        }

        private mutating func freeIndex(_ db: Database, key: ListKey, size: Int) throws -> Int {
            let mine = reserved[key] ?? []
            let probe = try db.cachedStatement(
                sql: """
                    SELECT EXISTS (SELECT 1 FROM status_allocations
                                   WHERE list_number = ? AND purpose = ? AND status_index = ?)
                    """)
            for _ in 0..<probeLimit {
                let candidate = Int.random(in: 0..<size, using: &generator)
                if mine.contains(candidate) { continue }
                if try !(Bool.fetchOne(probe, arguments: [key.number, key.purpose.rawValue, candidate]) ?? false) {
                    return candidate
                }
            }
            let recordedIndexes = try Int.fetchAll(
                db,
                sql: "SELECT status_index FROM status_allocations WHERE purpose = ? AND list_number = ?",
                arguments: [key.purpose.rawValue, key.number])
            let taken = Set(recordedIndexes).union(mine).sorted()
            let freeCount = size - taken.count
            guard freeCount > 0 else {
                throw CredentialError(.ledger, "status list \(key.purpose) \(key.number) is full but not marked full")
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
            return next + rank
        }

        /// The newest list of `purpose` with room left, opening a new one when there is none.
        private mutating func currentList(_ db: Database, purpose: StatusPurpose, at now: Date) throws -> CurrentList {
            if let list = current[purpose], list.used < list.size { return list }
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
                ).map { row in CurrentList(number: row["list_number"], size: row["size"], used: row["allocated"]) }
            }
            if let newest, newest.used < newest.size { return newest }
            let number = (newest?.number ?? 0) + 1
            try db.execute(
                sql:
                    "INSERT INTO status_lists (purpose, list_number, size, allocated, created_at) VALUES (?, ?, ?, 0, ?)",
                arguments: [purpose.rawValue, number, listSize, LedgerTime.format(now)])
            return CurrentList(number: number, size: listSize, used: 0)
        }
    }
}
