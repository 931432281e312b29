import Dispatch
public import Foundation
public import VerifiableCredentials

/// A ``RecordChunkReader`` that reads and validates the next chunk on a background thread while the caller
/// issues the current one, so parsing records overlaps signing and the ledger instead of leaving cores idle.
///
/// Chunks, their diagnostics and read errors come out exactly as ``RecordChunkReader/next()`` gives them, one
/// chunk ahead at most (memory stays bounded).
public final class RecordChunkPrefetcher: @unchecked Sendable {
    // `@unchecked Sendable` is safe: `reader` and `ahead` are touched only by the block running in `inFlight`,
    // or by the caller after `inFlight.wait()` returned and before the next block starts, which orders them.
    public typealias Chunk = (records: [ActivityRecord], diagnostics: [RecordDiagnostic])

    private var reader: RecordChunkReader
    private var ahead: Result<Chunk?, CredentialError> = .success(nil)
    private let inFlight = DispatchGroup()
    private var reading = false
    private var finished = false

    /// Opens `url` like ``RecordChunkReader/init(url:fileName:catalog:blockSize:)`` and starts reading.
    public init(
        url: URL, fileName: String? = nil, catalog: CMECatalog = .bundled, blockSize: Int = 1 << 20
    ) throws(CredentialError) {
        reader = try RecordChunkReader(url: url, fileName: fileName, catalog: catalog, blockSize: blockSize)
        readAhead()
    }

    /// The next chunk, or `nil` at the end of the file; starts reading the one after.
    ///
    /// - Throws: ``CredentialError`` `io` when reading fails (nothing is read after that).
    public func next() throws(CredentialError) -> Chunk? {
        guard reading else { return nil }
        inFlight.wait()
        reading = false
        let result = ahead
        ahead = .success(nil)
        switch result {
        case .success(let chunk?):
            readAhead()
            return chunk
        case .success(nil):
            finished = true
            return nil
        case .failure(let error):
            finished = true
            throw error
        }
    }

    /// Waits for a read in flight and closes the file.
    public func close() {
        if reading { inFlight.wait() }
        reading = false
        finished = true
        reader.close()
    }

    private func readAhead() {
        guard !finished else { return }
        reading = true
        DispatchQueue.global().async(group: inFlight) {
            self.ahead = Result { () throws(CredentialError) -> Chunk? in try self.reader.next() }
        }
    }
}
