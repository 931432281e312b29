import Dispatch
import VerifiableCredentials

/// A ``RecordChunkReader`` that reads and validates the next chunk on a background thread while the caller
/// issues the current one, so reading a file does not hold up the ledger's single writing thread. At most
/// two chunks are in memory: the caller's and the one read ahead.
final class PrefetchingChunkReader: @unchecked Sendable {
    // `@unchecked Sendable` is safe: `reader` and `prefetched` are used by the background block between
    // `readAhead()` and `ready.wait()`, and by the caller only after `ready.wait()`, which orders the two.
    typealias Chunk = (records: [ActivityRecord], diagnostics: [RecordDiagnostic])

    private var reader: RecordChunkReader
    private let queue = DispatchQueue(label: "cmevc.record-chunks")
    private let ready = DispatchGroup()
    private var prefetched: Result<Chunk?, CredentialError> = .success(nil)

    /// Starts reading `reader`'s first chunk.
    init(_ reader: RecordChunkReader) {
        self.reader = reader
        readAhead()
    }

    /// The next chunk (see ``RecordChunkReader/next()``); reading the one after it starts at once.
    func next() throws(CredentialError) -> Chunk? {
        ready.wait()
        let result = prefetched
        prefetched = .success(nil)
        if case .success(.some) = result { readAhead() }
        return try result.get()
    }

    /// Waits for the read in flight and closes the file.
    func close() {
        ready.wait()
        reader.close()
    }

    private func readAhead() {
        queue.async(group: ready) {
            self.prefetched = Result { () throws(CredentialError) -> Chunk? in try self.reader.next() }
        }
    }
}
