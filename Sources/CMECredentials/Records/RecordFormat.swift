/// The file formats ``ActivityRecordReader`` reads.
public enum RecordFormat: String, Sendable, Hashable, CaseIterable {
    /// RFC 4180 CSV with a header row.
    case csv
    /// JSON Lines: one JSON object per line, in the nested form of `activity-record.schema.json`.
    case jsonLines

    /// The format a file extension names: `csv`, `jsonl` or `ndjson` (any case).
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "csv": self = .csv
        case "jsonl", "ndjson": self = .jsonLines
        default: return nil
        }
    }
}
