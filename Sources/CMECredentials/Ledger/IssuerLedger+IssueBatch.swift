import Foundation
import GRDB
public import VerifiableCredentials

/// One credential of a batch handed to ``IssuerLedger/issue(_:build:)``.
public struct LedgerIssueRequest: Sendable, Hashable {
    /// What to record.
    public var pending: PendingIssue
    /// A credential in force to revoke and replace (reissue), if any.
    public var replacing: String?
    /// Text that the built credential is expected to contain and that many credentials share (a batch passes
    /// the compact text of the activity's achievement, about half of each credential): the ledger keeps it
    /// once and each credential's copy without it. Only storage changes: the credential reads back byte for
    /// byte, and bytes that do not contain the text are kept whole.
    public var sharedText: [UInt8]?

    public init(_ pending: PendingIssue, replacing: String? = nil, sharedText: [UInt8]? = nil) {
        self.pending = pending
        self.replacing = replacing
        self.sharedText = sharedText
    }
}

extension IssuerLedger {
    /// Records a batch of credentials in one transaction, with the same guarantees per credential as
    /// ``issue(_:replacing:build:)``: status indexes allocated at random and never reused, one `issue`
    /// audit event per credential, chained in request order.
    ///
    /// `build` receives the status assignments of the requests that need a new credential, a few at a time
    /// (``BuildPool/taskSize``), and returns one result per assignment. It runs on one thread per core inside
    /// the transaction, concurrently with itself and with this thread recording the credentials built
    /// before, so it must be thread-safe and must not touch the ledger. A request whose build fails records
    /// nothing and uses no index. When a request's (activity, learner) pair repeats an earlier request of the
    /// same batch, the later one sees the earlier one's credential, exactly as if they were issued one by one.
    ///
    /// Write the credential files only after this returns: the whole batch commits at once. `beforeCommit`
    /// runs on this thread once, as soon as the last build is queued: from then on the building threads run out
    /// of work while this thread records the last credentials and commits, which keeps only it busy. It may
    /// start other work that needs no ledger, such as writing the files of a transaction committed before or
    /// preparing the next one (started only after the last credential was recorded, that work came too late
    /// to use the core the signing threads leave idle while the slices still in flight are recorded).
    ///
    /// - Returns: one result per request: ``IssueOutcome``, or the error of that request alone (its
    ///   build's error; `unknownCredential` or `invalidStatusChange` for a bad `replacing`).
    /// - Throws: ``CredentialError`` `ledger` for database failures; nothing of the batch is recorded.
    public func issue(
        _ requests: [LedgerIssueRequest], beforeCommit: () -> Void = {},
        build: @escaping @Sendable ([StatusAssignment]) -> [Result<[UInt8], CredentialError>]
    ) throws(CredentialError) -> [Result<IssueOutcome, CredentialError>] {
        let pool = BuildPool(threads: ConcurrentMap.cores, build: build)
        defer { pool.stop() }
        return try issue(requests, atomically: false, beforeCommit: beforeCommit) { assignments in
            pool.start(assignments)
        }
    }

    /// The batch issue; `atomically` rolls the whole transaction back (and throws) when any request fails.
    /// `startBuild` starts building a slice of assignments and returns what waits for its results.
    func issue(
        _ requests: [LedgerIssueRequest], atomically: Bool, beforeCommit: () -> Void = {},
        startBuild: ([StatusAssignment]) -> any PendingBuild
    ) throws(CredentialError) -> [Result<IssueOutcome, CredentialError>] {
        let listSize = self.listSize
        let path = self.path
        return try writeTransaction(checkingForeignKeys: false) { db in
            var results = [Result<IssueOutcome, CredentialError>?](repeating: nil, count: requests.count)
            var allocator = StatusIndexAllocator.Session(listSize: listSize)
            var audit = try AuditLog.Cursor(db)
            let rows = try LedgerRows.Writer(db)
            /// Records the credentials of one built slice (or the failures of their builds).
            func recordSlice(_ slice: [Job], _ built: [Result<[UInt8], CredentialError>]) throws {
                // The requests are read in place (`requests[job.request]` each time): a copy of one retained its
                // every field, on this thread.
                for (job, bytes) in zip(slice, built) {
                    let allocations = job.assignment.allocations
                    let result: Result<IssueOutcome, CredentialError>
                    switch bytes {
                    case .failure(let error):
                        result = .failure(error)
                    case .success(let bytes):
                        if let replacedID = requests[job.request].replacing,
                            let failure = try Self.retire(
                                db, replacedID, replacement: requests[job.request].pending.credentialID,
                                at: requests[job.request].pending.issuedAt, audit: &audit, path: path)
                        {
                            result = .failure(failure)
                        } else {
                            result = .success(
                                .issued(
                                    try Self.record(
                                        requests[job.request], bytes: bytes, allocations: allocations, rows: rows,
                                        audit: &audit)))
                        }
                    }
                    if case .failure = result { allocations.forEach { allocator.release($0) } }
                    if atomically, case .failure(let error) = result { throw error }
                    results[job.request] = result
                }
            }

            var finishing = false
            var start = 0
            while start < requests.count {
                // A run of requests with distinct (activity, learner) pairs: none can see another's credential.
                var keys = Set<IdempotencyKey>()
                keys.reserveCapacity(requests.count - start)
                var end = start
                while end < requests.count, keys.insert(IdempotencyKey(requests[end].pending)).inserted {
                    end += 1
                }
                // Allocating the next slice's indexes and recording the previous slice (this thread) overlap
                // with building the slice in flight.
                var next = start
                func nextJobs() throws -> [Job] {
                    var jobs: [Job] = []
                    while next < end, jobs.count < Self.buildSliceSize {
                        let index = next
                        next += 1
                        if let existingID = try rows.credentialIDInForce(
                            activityID: requests[index].pending.activityID,
                            learnerKey: requests[index].pending.learnerKey),
                            existingID != requests[index].replacing
                        {
                            guard let existing = try LedgerRows.credential(db, id: existingID) else {
                                throw CredentialError(.ledger, "credential \(existingID) vanished during the batch")
                            }
                            results[index] = .success(.alreadyIssued(existing))
                            continue
                        }
                        var purposes: [StatusPurpose] = []
                        for purpose in requests[index].pending.statusPurposes where !purposes.contains(purpose) {
                            purposes.append(purpose)
                        }
                        let issuedAt = requests[index].pending.issuedAt
                        let allocations = try purposes.map { purpose in
                            try allocator.allocate(db, purpose: purpose, at: issuedAt)
                        }
                        jobs.append(
                            (
                                index,
                                StatusAssignment(
                                    credentialID: requests[index].pending.credentialID, allocations: allocations)
                            ))
                    }
                    return jobs
                }
                // Slices in flight, oldest first: while this thread records one, the next ones are signed.
                var inFlight: [(jobs: [Job], build: any PendingBuild)] = []
                defer { for slice in inFlight { _ = slice.build.results() } }
                var allocated = false
                while true {
                    while !allocated, inFlight.count < Self.slicesInFlight {
                        let jobs = try nextJobs()
                        if jobs.isEmpty {
                            allocated = true
                        } else {
                            inFlight.append((jobs, startBuild(jobs.map(\.assignment))))
                        }
                    }
                    if allocated, end == requests.count, !finishing {
                        // The last builds are queued: from here on the signing threads run out of work while
                        // this thread records the slices still in flight and commits.
                        finishing = true
                        beforeCommit()
                    }
                    guard !inFlight.isEmpty else { break }
                    let (slice, build) = inFlight.removeFirst()
                    let built = build.results()
                    guard built.count == slice.count else {
                        throw CredentialError(
                            .ledger, "the batch build returned \(built.count) of \(slice.count) results")
                    }
                    try recordSlice(slice, built)
                }
                start = end
            }
            try allocator.finish(db)
            if !finishing { beforeCommit() }
            return results.map { $0 ?? .failure(CredentialError(.ledger, "a request of the batch was not handled")) }
        }
    }

    /// The (activity, learner) pair a credential in force is unique for (a struct: a `[String]` key cost an
    /// array per request on the ledger's thread).
    private struct IdempotencyKey: Hashable {
        let activityID: String
        let learnerKey: String

        init(_ pending: PendingIssue) {
            activityID = pending.activityID
            learnerKey = pending.learnerKey
        }
    }

    /// How many credentials one build slice holds: small, so that this thread hands out new work (and
    /// records finished work) often.
    static let buildSliceSize = 64

    /// How many slices are being built at once: enough that the signing threads always have work queued
    /// while this thread records the oldest slice (8 slices of 64 measured faster than 2 of 128 or 4 of 128).
    static let slicesInFlight = 8

    /// Inserts the credential row, its allocations and its `issue` audit event.
    private static func record(
        _ request: LedgerIssueRequest, bytes: [UInt8], allocations: [StatusAllocation], rows: LedgerRows.Writer,
        audit: inout AuditLog.Cursor
    ) throws -> LedgerCredential {
        let credential = LedgerCredential(
            credentialID: request.pending.credentialID, activityID: request.pending.activityID,
            learnerKey: request.pending.learnerKey, recordHash: request.pending.recordHash,
            issuedAt: request.pending.issuedAt, credentialBytes: bytes, state: .active, replacedBy: nil,
            statusAllocations: allocations, learner: request.pending.learner, activity: request.pending.activity,
            credits: request.pending.credits)
        try rows.insert(credential, sharedText: request.sharedText)
        let details = IssueEventDetails.canonical(
            activityID: credential.activityID, learnerKey: credential.learnerKey, recordHash: credential.recordHash,
            replacing: request.replacing, allocations: allocations)
        try audit.append(
            kind: .issue, credentialID: credential.credentialID, canonicalDetails: details, at: credential.issuedAt)
        return credential
    }

    /// Revokes a credential in force because `replacement` takes its place; returns the reason it cannot
    /// be replaced (nothing written) instead.
    private static func retire(
        _ db: Database, _ credentialID: String, replacement: String, at now: Date, audit: inout AuditLog.Cursor,
        path: String
    ) throws -> CredentialError? {
        guard let old = try LedgerRows.credential(db, id: credentialID) else {
            return CredentialError(.unknownCredential, "no credential \(credentialID) to replace", location: path)
        }
        guard old.state != .revoked else {
            return CredentialError(
                .invalidStatusChange, "credential \(credentialID) is revoked and cannot be replaced", location: path)
        }
        try db.cachedStatement(sql: "UPDATE credentials SET state = 'revoked', replaced_by = ? WHERE credential_id = ?")
            .execute(arguments: [replacement, credentialID])
        try audit.append(
            kind: .revoke, credentialID: credentialID,
            details: ["reason": .string("replaced by \(replacement)"), "from": .string(old.state.rawValue)], at: now)
        return nil
    }
}
