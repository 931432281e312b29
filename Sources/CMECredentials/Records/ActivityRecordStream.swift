/// One result of reading a records file, in file order.
public enum RecordReadItem: Sendable, Hashable {
    /// A valid record.
    case record(ActivityRecord)
    /// A record that was rejected, with every problem found in it.
    case rejected(RecordLocation, [RecordDiagnostic])
    /// A problem with the file rather than with one record: the header (an unknown, duplicated or missing
    /// column), an empty file, binary data.
    case fileProblem(RecordDiagnostic)
}

/// Reads a records file one record at a time, so memory does not grow with the number of records.
///
/// File problems come first (the CSV header), then one item per record, then end-of-file problems
/// (no records at all).
public struct ActivityRecordStream: Sequence, IteratorProtocol, Sendable {
    private enum Source: Sendable {
        case csv(ActivityRecordCSV)
        case jsonLines(ActivityRecordJSONLines)
    }

    private var source: Source
    private let validator: ActivityRecordValidator
    private var pending: [RecordDiagnostic]
    private var ended = false

    /// A stream over `bytes` in `format`; `fileName` is used in locations and diagnostics.
    public init(bytes: [UInt8], fileName: String, format: RecordFormat, catalog: CMECatalog = .bundled) {
        validator = ActivityRecordValidator(catalog: catalog)
        switch format {
        case .csv:
            let csv = ActivityRecordCSV(fileName: fileName, catalog: catalog, bytes: bytes)
            pending = csv.fileDiagnostics
            source = .csv(csv)
        case .jsonLines:
            pending = []
            source = .jsonLines(ActivityRecordJSONLines(fileName: fileName, bytes: bytes))
        }
    }

    /// The next item, or `nil` after the last.
    public mutating func next() -> RecordReadItem? {
        if !pending.isEmpty { return .fileProblem(pending.removeFirst()) }
        guard !ended else { return nil }
        var draft: RecordDraft?
        switch source {
        case .csv(var csv):
            draft = csv.nextDraft()
            if draft == nil { pending = csv.endDiagnostics }
            source = .csv(csv)
        case .jsonLines(var lines):
            draft = lines.nextDraft()
            if draft == nil { pending = lines.endDiagnostics }
            source = .jsonLines(lines)
        }
        guard var draft else {
            ended = true
            return pending.isEmpty ? nil : .fileProblem(pending.removeFirst())
        }
        if let record = validator.validate(&draft) { return .record(record) }
        return .rejected(draft.location, draft.diagnostics)
    }
}
