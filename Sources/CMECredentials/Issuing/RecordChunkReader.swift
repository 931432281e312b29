public import Foundation
public import VerifiableCredentials

/// Reads a records file (CSV or JSON Lines) a chunk of whole records at a time, so a batch of any size is
/// read, validated and issued in bounded memory.
///
/// Each chunk goes through ``ActivityRecordReader`` (with the CSV header in front), and the lines of its
/// records and diagnostics are shifted back to the file's own line numbers, so diagnostics read exactly as
/// if the whole file had been read at once.
public struct RecordChunkReader {
    /// The file's name as diagnostics print it.
    public let fileName: String
    let format: RecordFormat
    let catalog: CMECatalog
    let handle: FileHandle
    let blockSize: Int
    /// The CSV header (everything up to the end of the first row), once read.
    var header: [UInt8]?
    var headerLineBreaks = 0
    var buffer: [UInt8] = []
    var bufferStartLine = 1
    var scanner: BoundaryScanner
    var scanned = 0
    var lastBoundary = 0
    var atEnd = false
    var chunksRead = 0

    /// Opens `url`; its extension names the format (`.csv`, `.jsonl`, `.ndjson`).
    ///
    /// - Parameters:
    ///   - fileName: the name diagnostics print; default the path as given.
    ///   - blockSize: how many bytes to read at a time (a chunk holds at least one whole record).
    /// - Throws: ``CredentialError`` `io` when the file cannot be opened, `unsupportedFormat`-style
    ///   `recordNotIssuable` for another extension.
    public init(
        url: URL, fileName: String? = nil, catalog: CMECatalog = .bundled, blockSize: Int = 1 << 20
    ) throws(CredentialError) {
        let name = fileName ?? url.path
        guard let format = RecordFormat(fileExtension: url.pathExtension) else {
            throw CredentialError(.recordNotIssuable, "expected a .csv, .jsonl or .ndjson file", location: name)
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw CredentialError(.io, "cannot read the file", location: name)
        }
        self.fileName = name
        self.format = format
        self.catalog = catalog
        self.handle = handle
        self.blockSize = max(blockSize, 1)
        self.scanner = BoundaryScanner(linesOnly: format == .jsonLines)
    }

    /// The next chunk's valid records and diagnostics, or `nil` at the end of the file.
    ///
    /// - Throws: ``CredentialError`` `io` when reading fails.
    public mutating func next() throws(CredentialError) -> (records: [ActivityRecord], diagnostics: [RecordDiagnostic])?
    {
        while true {
            guard let chunk = try nextChunk() else {
                guard chunksRead == 0 else { return nil }
                // An empty file (or a header alone): let the reader say so.
                chunksRead = 1
                return read([], firstLine: bufferStartLine, first: true)
            }
            let isBlank = chunk.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
            if isBlank && chunksRead > 0 { continue }
            defer { chunksRead += 1 }
            return read(chunk.bytes, firstLine: chunk.firstLine, first: chunksRead == 0)
        }
    }

    /// Closes the file.
    public func close() { try? handle.close() }

    private func read(_ bytes: [UInt8], firstLine: Int, first: Bool)
        -> (records: [ActivityRecord], diagnostics: [RecordDiagnostic])
    {
        let prefix = format == .csv ? (header ?? []) : []
        let prefixLines = format == .csv ? headerLineBreaks : 0
        var (records, diagnostics) = ActivityRecordReader.read(
            bytes: prefix + bytes, fileName: fileName, format: format, catalog: catalog)
        // Line L of prefix + bytes is line L - prefixLines - 1 + firstLine of the file.
        let shift = firstLine - prefixLines - 1
        if format == .csv && !first {
            diagnostics.removeAll { $0.line <= prefixLines }
        }
        if shift != 0 {
            for index in records.indices { records[index].location.line += shift }
            for index in diagnostics.indices where diagnostics[index].line > prefixLines {
                diagnostics[index].line += shift
            }
        }
        return (records, diagnostics)
    }

    /// The next run of whole records (for CSV, after the header) and the file line it starts on.
    private mutating func nextChunk() throws(CredentialError) -> (bytes: [UInt8], firstLine: Int)? {
        while true {
            // Find record boundaries in what has not been scanned yet.
            while scanned < buffer.count {
                if scanner.feed(buffer[scanned]) { lastBoundary = scanned + 1 }
                scanned += 1
            }
            if format == .csv, header == nil, lastBoundary > 0 || atEnd {
                let end = lastBoundary > 0 ? firstBoundary() : buffer.count
                header = Array(buffer[..<end])
                headerLineBreaks = Self.lineBreaks(buffer[..<end])
                take(end)
                continue
            }
            if lastBoundary > 0 && (buffer.count >= currentBlockSize || atEnd) || atEnd && !buffer.isEmpty {
                let end = lastBoundary > 0 ? lastBoundary : buffer.count
                let bytes = Array(buffer[..<end])
                let line = bufferStartLine
                take(end)
                return (bytes, line)
            }
            if atEnd { return nil }
            try fill()
        }
    }

    /// The first chunk is small: nothing can be issued before it is read and validated, so a large first
    /// chunk only keeps the signing cores waiting (a megabyte of CSV is about 7,000 records, most of a
    /// 10,000-record batch). The chunks after it are read on one background thread while the one before is
    /// issued on all cores, so each is at most twice the one before: reading a record takes about a sixth of
    /// the time issuing one does, and a megabyte right after 64 KB kept the cores waiting for it (about
    /// 40 ms of one core busy and the other idle, early in every batch).
    static let firstBlockSize = 64 * 1024

    private var currentBlockSize: Int { min(blockSize, Self.firstBlockSize << min(chunksRead, 20)) }

    /// The end of the first record in the buffer (the header row).
    private func firstBoundary() -> Int {
        var scanner = BoundaryScanner(linesOnly: false)
        for index in buffer.indices where scanner.feed(buffer[index]) { return index + 1 }
        return buffer.count
    }

    private mutating func take(_ count: Int) {
        bufferStartLine += Self.lineBreaks(buffer[..<count])
        buffer.removeFirst(count)
        scanned -= count
        lastBoundary = max(0, lastBoundary - count)
        if lastBoundary == 0 {
            // Boundaries after `count` were consumed relative to the old start; rescan to find the last one.
            scanner = BoundaryScanner(linesOnly: format == .jsonLines)
            var boundary = 0
            for index in 0..<scanned where scanner.feed(buffer[index]) { boundary = index + 1 }
            lastBoundary = boundary
        }
    }

    private mutating func fill() throws(CredentialError) {
        let data: Data?
        do {
            data = try handle.read(upToCount: currentBlockSize)
        } catch {
            throw CredentialError(.io, "cannot read the file", location: fileName, underlying: "\(error)")
        }
        guard let data, !data.isEmpty else {
            atEnd = true
            return
        }
        buffer.append(contentsOf: data)
    }

    /// Line breaks as the CSV and JSON Lines readers count them: LF, CRLF and a lone CR each count once.
    static func lineBreaks(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        var previousCR = false
        for byte in bytes {
            if byte == 0x0A {
                if !previousCR { count += 1 }
                previousCR = false
            } else if byte == 0x0D {
                count += 1
                previousCR = true
            } else {
                previousCR = false
            }
        }
        return count
    }
}

/// Finds the ends of CSV rows (an LF outside a quoted field), following RFC 4180 quoting the way the CSV
/// reader does: a quote opens a quoted field only at the start of a field. For JSON Lines (`linesOnly`)
/// every LF ends a record.
struct BoundaryScanner {
    enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
    var state = State.fieldStart
    let linesOnly: Bool

    init(linesOnly: Bool) { self.linesOnly = linesOnly }

    /// Consumes one byte; returns whether a record ends after it.
    mutating func feed(_ byte: UInt8) -> Bool {
        if linesOnly { return byte == 0x0A }
        switch (state, byte) {
        case (.quoted, 0x22): state = .quoteInQuoted
        case (.quoted, _): break
        case (.quoteInQuoted, 0x22): state = .quoted
        case (.fieldStart, 0x22): state = .quoted
        case (_, 0x2C): state = .fieldStart
        case (_, 0x0A):
            state = .fieldStart
            return true
        case (_, 0x0D): state = .fieldStart
        default: state = .unquoted
        }
        return false
    }
}
