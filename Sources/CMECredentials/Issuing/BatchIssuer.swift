public import Foundation
public import VerifiableCredentials

/// Issues a batch of records files end to end: read and validate every record (chunk by chunk, in bounded
/// memory), issue one credential per valid record through the ledger, and write each credential after the
/// ledger has committed it.
///
/// Rerunning a batch (also after a crash) issues only what the ledger does not have yet and rewrites any
/// missing credential file from the ledger's copy.
public struct BatchIssuer: Sendable {
    /// The issuer that builds, signs and records each credential.
    public var issuer: CredentialIssuer
    /// Where credentials are written.
    public var output: CredentialOutput
    /// Issue a replacement for every record that already has a credential in force, revoking the old one.
    public var reissue: Bool
    /// How many records go by between two progress reports.
    public var progressInterval: Int
    /// How many records one ledger transaction records at most (their credentials are signed in parallel
    /// and their files written after the commit). 2,000 by default: each transaction ends in a stretch where
    /// mostly the ledger's thread works (recording its last credentials, committing), and 100,000-record runs
    /// were about 2–3 % faster than with 1,000 (interleaved one-off runs, 2026-11-24).
    public var transactionSize: Int

    /// Creates a batch issuer.
    public init(
        issuer: CredentialIssuer, output: CredentialOutput, reissue: Bool = false, progressInterval: Int = 500,
        transactionSize: Int = 2_000
    ) {
        self.issuer = issuer
        self.output = output
        self.reissue = reissue
        self.progressInterval = max(1, progressInterval)
        self.transactionSize = max(1, transactionSize)
    }

    /// Issues every valid record of `files`.
    ///
    /// - Parameters:
    ///   - now: the issue time of the whole batch.
    ///   - diagnostic: called with every problem of every record (`FILE:LINE: field: expected …, found …`),
    ///     including records that validate but cannot be issued.
    ///   - progress: called with the running totals after each ledger transaction that passes a multiple of
    ///     ``progressInterval`` records.
    /// - Returns: how many credentials were issued, found already issued, rejected and rewritten.
    /// - Throws: ``CredentialError`` `securingNotSupported` before anything is read when the issuer's key
    ///   cannot secure as its ``CredentialIssuer/securing`` says; for a file that cannot be read, a ledger or
    ///   output failure; records committed before the failure stay issued (a rerun picks up the rest).
    public func run(
        files: [URL], now: Date, diagnostic: (RecordDiagnostic) -> Void = { _ in },
        progress: (BatchSummary) -> Void = { _ in }
    ) throws(CredentialError) -> BatchSummary {
        try issuer.checkSecuring(issuer.securing)
        let writer = try CredentialWriter(output: output)
        var summary = BatchSummary()
        do throws(CredentialError) {
            for file in files {
                // The next chunk is read and validated in the background while this one is issued.
                let reader = try RecordChunkPrefetcher(url: file, fileName: file.relativePath)
                defer { reader.close() }
                // The next transaction's records are prepared (ledger fields, record hashes, achievements) in the
                // background while this one signs, also across chunks (prepared only during the commit, or
                // only once their chunk came up, they were often not ready when the transaction before ended),
                // and while a transaction records its last credentials and commits (only the ledger's thread
                // works then) the files of the one before are written.
                let issuer = self.issuer
                var upcoming: [[ActivityRecord]] = []
                var readFailure: CredentialError?
                var readAll = false
                var fileCounted = false
                /// Reads chunks until one has records to issue (reporting every chunk's problems), the file
                /// ends or a read fails; a failure is thrown once the transactions read before it are issued.
                func readAhead() {
                    while upcoming.isEmpty, !readAll, readFailure == nil {
                        do throws(CredentialError) {
                            guard let chunk = try reader.next() else {
                                readAll = true
                                return
                            }
                            report(
                                chunk.diagnostics, into: &summary, fileCounted: &fileCounted, diagnostic: diagnostic)
                            upcoming = stride(from: 0, to: chunk.records.count, by: transactionSize).map {
                                Array(chunk.records[$0..<min($0 + transactionSize, chunk.records.count)])
                            }
                        } catch {
                            readFailure = error
                        }
                    }
                }
                func prepareNext() -> BackgroundTask<PreparedRecords>? {
                    readAhead()
                    guard !upcoming.isEmpty else { return nil }
                    let records = upcoming.removeFirst()
                    return BackgroundTask { issuer.prepare(records, now: now) }
                }
                var preparing = prepareNext()
                while let task = preparing {
                    let prepared = task.value()
                    preparing = prepareNext()
                    let before = summary.processed
                    try issue(prepared, writer: writer, summary: &summary, diagnostic: diagnostic) {
                        writer.startQueuedFiles()
                    }
                    if summary.processed / progressInterval != before / progressInterval { progress(summary) }
                }
                if let readFailure { throw readFailure }
            }
            // The ledger's log is copied into its database file while the last transaction's files are written:
            // closing the ledger would otherwise do it alone, after them. Only speed depends on it, so a failure
            // is left to the ledger's next checkpoint.
            writer.startQueuedFiles()
            try? issuer.ledger.checkpoint()
            try writer.finish()
        } catch {
            writer.abandon()
            throw error
        }
        summary.rewritten = writer.rewritten
        return summary
    }

    /// Reports a chunk's problems and counts its rejected records (once per line) and its file, once, when it
    /// has a whole-file problem (`fileCounted` says whether the file was counted already).
    private func report(
        _ diagnostics: [RecordDiagnostic], into summary: inout BatchSummary, fileCounted: inout Bool,
        diagnostic: (RecordDiagnostic) -> Void
    ) {
        var rejectedLines = Set<Int>()
        for problem in diagnostics {
            diagnostic(problem)
            if problem.field == "file" {
                if !fileCounted { summary.fileProblems += 1 }
                fileCounted = true
            } else if problem.field != "header" {
                rejectedLines.insert(problem.line)
            }
        }
        summary.rejected += rejectedLines.count
    }

    /// Issues one transaction's records, then writes their credentials (in parallel
    /// for a directory, in record order for JSON Lines).
    private func issue(
        _ prepared: PreparedRecords, writer: CredentialWriter, summary: inout BatchSummary,
        diagnostic: (RecordDiagnostic) -> Void, beforeCommit: () -> Void
    ) throws(CredentialError) {
        let outcomes = try issuer.issue(prepared, reissue: reissue, beforeCommit: beforeCommit)
        // Every committed credential is written before an error of another record ends the batch. The records
        // are read in place, only for a rejected one's location (a copy of each retained its every string).
        var failure: CredentialError?
        var written: [(credential: LedgerCredential, isNew: Bool)] = []
        written.reserveCapacity(outcomes.count)
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(.issued(let credential)):
                summary.issued += 1
                written.append((credential, true))
            case .success(.alreadyIssued(let credential)):
                summary.alreadyIssued += 1
                written.append((credential, false))
            case .failure(let error) where error.code == .recordNotIssuable || error.code == .invalidStatusChange:
                diagnostic(
                    RecordDiagnostic(
                        at: prepared.records[index].location, field: "record", expected: "a record that can be issued",
                        found: error.message))
                summary.rejected += 1
            case .failure(let error):
                if failure == nil { failure = error }
            }
        }
        try writer.write(written)
        if let failure { throw failure }
    }
}

/// The totals of a batch.
public struct BatchSummary: Sendable, Hashable, CustomStringConvertible {
    /// Credentials issued by this run.
    public var issued = 0
    /// Records whose (activity, learner) already had a credential in force.
    public var alreadyIssued = 0
    /// Records rejected (each reported by line).
    public var rejected = 0
    /// Records files that were not read as records because of a problem with the whole file (empty, a header
    /// alone, not text), rather than with a record; each is counted once.
    public var fileProblems = 0
    /// Missing credential files rewritten from the ledger.
    public var rewritten = 0

    public init() {}

    /// Records handled so far (issued, already issued or rejected after validation).
    public var processed: Int { issued + alreadyIssued }

    /// Whether every record was issued or found issued.
    public var isClean: Bool { rejected == 0 && fileProblems == 0 }

    /// `issued N, already issued M, rejected K`, then ` (R missing file(s) rewritten)` when ``rewritten`` is not
    /// 0, and `; F file(s) not read` when ``fileProblems`` is not 0 (so a run whose only file held no record
    /// does not read as a clean `issued 0, already issued 0, rejected 0`).
    public var description: String {
        var text = "issued \(issued), already issued \(alreadyIssued), rejected \(rejected)"
        if rewritten > 0 { text += " (\(rewritten) missing file\(rewritten == 1 ? "" : "s") rewritten)" }
        if fileProblems > 0 { text += "; \(fileProblems) file\(fileProblems == 1 ? "" : "s") not read" }
        return text
    }
}
