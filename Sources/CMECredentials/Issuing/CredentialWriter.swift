import Dispatch
import Foundation
import VerifiableCredentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the credentials of one batch to a ``CredentialOutput``.
///
/// A directory's files are written in the background, on all cores, while the batch goes on with its next
/// ledger transaction (the files are pure file-system work); a JSON Lines file's lines are written in the
/// background too, one transaction after the other. ``write(_:)`` queues a committed transaction's files, and
/// ``startQueuedFiles()`` starts them: the batch calls it when the next transaction has queued its
/// last builds, before the stretch in which only the ledger's thread works (recording the last credentials,
/// committing), so the files use the cores the signing leaves idle then. The batch never waits for them
/// after a commit (that left a core idle while the last files of a transaction were written): one
/// transaction's files are queued and two transactions' in flight at most, each ``write(_:)`` reports the
/// error of files already done, and ``finish()`` and ``abandon()`` wait for the last ones. Every file is
/// still written only after its transaction has committed.
final class CredentialWriter {
    let output: CredentialOutput
    private var lines: FileHandle?
    private var linesTemporary: URL?
    private let background = DispatchQueue(label: "cmevc.credential-files")
    private let inFlight = DispatchGroup()
    /// Transactions whose files may be in flight at once.
    private let inFlightSlots = DispatchSemaphore(value: 2)
    private let backgroundOutcome = BackgroundOutcome()
    /// A directory output's directory, opened once.
    private var outputDirectory: OutputDirectory?
    /// The files of the last committed transaction, not started yet.
    private var queued: [(credential: LedgerCredential, isNew: Bool)] = []
    /// How many missing or short credential files were rewritten from the ledger (of the transactions whose
    /// files are done).
    private(set) var rewritten = 0

    init(output: CredentialOutput) throws(CredentialError) {
        self.output = output
        switch output {
        case .directory(let url):
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw CredentialError(.io, "cannot create the output directory", location: url.path)
            }
            Self.removeAbandonedTemporaryFiles(in: url)
            outputDirectory = OutputDirectory(path: url.path)
        case .jsonLines(let url):
            Self.removeAbandonedLinesFiles(of: url)
            let temporary = URL(fileURLWithPath: "\(url.path).\(getpid()).tmp")
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
                let handle = FileHandle(forWritingAtPath: temporary.path)
            else {
                throw CredentialError(.io, "cannot create the JSON Lines file", location: url.path)
            }
            lines = handle
            linesTemporary = temporary
        case .none:
            break
        }
    }

    /// Writes the credentials of one committed ledger transaction; `isNew` is false for one found in the
    /// ledger, whose file is written only when missing or different. They are queued for the background (see
    /// the type's description): a directory's files on all cores, JSON Lines in record order (one
    /// transaction's lines after the other's).
    ///
    /// - Throws: ``CredentialError`` `io` for files or lines of earlier calls that are done.
    func write(_ credentials: [(credential: LedgerCredential, isNew: Bool)]) throws(CredentialError) {
        startQueuedFiles()
        // Queued before the earlier files' error is thrown, so that ``abandon()`` still writes these.
        defer { queued = credentials }
        try takeOutcome()
    }

    /// Starts writing the queued files (or JSON Lines) in the background; returns at once unless two
    /// transactions' files are still in flight.
    func startQueuedFiles() {
        guard !queued.isEmpty else { return }
        let credentials = queued
        queued = []
        let work: @Sendable () -> [Result<Bool, CredentialError>]
        switch output {
        case .directory(let url):
            let directory = outputDirectory ?? OutputDirectory(path: url.path)
            work = {
                // Sixteen runs per core (about 60 files each at 2,000 per transaction): with four, the last run of
                // a batch's last transaction left one core writing files alone at the end (a perf timeline).
                ConcurrentMap.map(credentials, slices: ConcurrentMap.cores * 16) { item in
                    Result { () throws(CredentialError) -> Bool in
                        try CredentialFile.write(item.credential, isNew: item.isNew, in: directory)
                    }
                }
            }
        case .jsonLines(let url):
            // Off the ledger's thread too: there it took about a sixth of a 100,000-record batch's time, while the
            // signing threads waited for its next transaction (a perf profile).
            guard let lines else { return }
            work = {
                [
                    Result { () throws(CredentialError) -> Bool in
                        try Self.writeLines(credentials.map(\.credential), to: lines, path: url.path)
                        return false
                    }
                ]
            }
        case .none:
            return
        }
        let outcome = backgroundOutcome
        let slots = inFlightSlots
        slots.wait()
        background.async(group: inFlight) {
            defer { slots.signal() }
            outcome.record(work())
        }
    }

    /// Waits for the files in flight; throws the first error of the files done.
    private func waitForFiles() throws(CredentialError) {
        inFlight.wait()
        try takeOutcome()
    }

    /// Counts the rewritten files of the transactions done so far; throws the first error among them.
    private func takeOutcome() throws(CredentialError) {
        let (count, failure) = backgroundOutcome.take()
        rewritten += count
        if let failure { throw failure }
    }

    /// Appends one line per credential to the JSON Lines file, in one write: the ledger's JSON without
    /// whitespace (compact already in ledgers written since 2026-11-24, pretty in older ones; exactly what
    /// compact serialization writes, without parsing), or a `vc+jwt` as a JSON string.
    static func writeLines(
        _ credentials: [LedgerCredential], to lines: FileHandle, path: String
    ) throws(CredentialError) {
        guard !credentials.isEmpty else { return }
        var text = [UInt8]()
        text.reserveCapacity(credentials.reduce(0) { $0 + $1.credentialBytes.count + 1 })
        for credential in credentials {
            let bytes = credential.credentialBytes
            if CompactJWS.looksCompact(bytes) {
                text += JSONSerializer.bytes(.string(String(decoding: bytes, as: UTF8.self)))
            } else {
                guard bytes.first == UInt8(ascii: "{"), let compact = JSONWhitespace.removed(from: bytes) else {
                    throw CredentialError(
                        .ledger, "the ledger's copy of \(credential.credentialID) is not a JSON object",
                        location: path)
                }
                text += compact
            }
            text.append(0x0A)
        }
        do {
            try lines.write(contentsOf: text)
        } catch {
            throw CredentialError(.io, "cannot write the JSON Lines file", location: path)
        }
    }

    /// Finishes the output: waits for the files in flight, or renames the JSON Lines file into place.
    func finish() throws(CredentialError) {
        startQueuedFiles()
        try waitForFiles()
        guard case .jsonLines(let url) = output, let lines, let linesTemporary else { return }
        do {
            try lines.close()
        } catch {
            throw CredentialError(.io, "cannot write the JSON Lines file", location: url.path)
        }
        self.lines = nil
        guard rename(linesTemporary.path, url.path) == 0 else {
            throw CredentialError(.io, "cannot move the JSON Lines file into place", location: url.path)
        }
    }

    /// Removes the temporary files (`<name>.<pid>.<random>.tmp`) of writers that died before renaming them;
    /// files of a process that is still running are left alone.
    static func removeAbandonedTemporaryFiles(in directory: URL) {
        removeAbandoned(in: directory) { name in
            let parts = name.split(separator: ".")
            return parts.count >= 4 ? Int32(parts[parts.count - 3]) : nil
        }
    }

    /// Removes the unfinished JSON Lines files (`<name>.<pid>.tmp` beside `url`) of writers that died before
    /// renaming them; only names of exactly that form.
    static func removeAbandonedLinesFiles(of url: URL) {
        let prefix = url.lastPathComponent + "."
        removeAbandoned(in: url.deletingLastPathComponent()) { name in
            guard name.hasPrefix(prefix) else { return nil }
            let middle = name.dropFirst(prefix.count).dropLast(".tmp".count)
            guard !middle.isEmpty, middle.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return Int32(middle)
        }
    }

    /// Unlinks each `.tmp` file in `directory` whose writer's process id (`writer` reads it from the name, nil
    /// for a name of another form) belongs to no running process.
    private static func removeAbandoned(in directory: URL, writer: (String) -> Int32?) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasSuffix(".tmp") {
            guard let pid = writer(name) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink(directory.appendingPathComponent(name).path)
            }
        }
    }

    /// Ends the output after an error: waits for the files in flight (committed credentials keep their
    /// files) and removes an unfinished JSON Lines file.
    func abandon() {
        startQueuedFiles()
        inFlight.wait()
        try? lines?.close()
        lines = nil
        if let linesTemporary { unlink(linesTemporary.path) }
    }
}

/// What the background file writes report back: rewritten files and the first error.
///
/// `@unchecked Sendable` is safe: both fields are read and written only under `lock`.
private final class BackgroundOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var rewritten = 0
    private var failure: CredentialError?

    func record(_ results: [Result<Bool, CredentialError>]) {
        lock.lock()
        defer { lock.unlock() }
        for result in results {
            switch result {
            case .success(let wasRewritten): if wasRewritten { rewritten += 1 }
            case .failure(let error): if failure == nil { failure = error }
            }
        }
    }

    /// The totals so far, reset to nothing.
    func take() -> (rewritten: Int, failure: CredentialError?) {
        lock.lock()
        defer { lock.unlock() }
        defer {
            rewritten = 0
            failure = nil
        }
        return (rewritten, failure)
    }
}
