/// Where a record came from: a file name and the 1-based line where the record starts.
public struct RecordLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file name as given to the reader.
    public var file: String
    /// The physical line where the record starts (CSV) or the record's line (JSON Lines), from 1.
    public var line: Int

    /// Creates a location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `FILE:LINE`.
    public var description: String { "\(file):\(line)" }
}
