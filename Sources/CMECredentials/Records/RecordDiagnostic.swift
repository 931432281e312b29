import VerifiableCredentials

/// One problem with one field of one record, written `FILE:LINE: field: expected …, found …`.
public struct RecordDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file name as given to the reader.
    public var file: String
    /// The line where the record starts (or the header line for problems with the header).
    public var line: Int
    /// The field as the file names it: a CSV column (`learner_npi`) or a JSON Pointer (`/learner/npi`).
    public var field: String
    /// What a valid value looks like.
    public var expected: String
    /// What the file has instead.
    public var found: String

    /// Creates a diagnostic.
    public init(file: String, line: Int, field: String, expected: String, found: String) {
        self.file = file
        self.line = line
        self.field = field
        self.expected = expected
        self.found = found
    }

    /// Creates a diagnostic at a record's location.
    public init(at location: RecordLocation, field: String, expected: String, found: String) {
        self.init(file: location.file, line: location.line, field: field, expected: expected, found: found)
    }

    /// The location of the problem.
    public var location: RecordLocation { RecordLocation(file: file, line: line) }

    /// `FILE:LINE: field: expected …, found …`.
    public var description: String { "\(file):\(line): \(field): expected \(expected), found \(found)" }

    /// How a found value is quoted in a diagnostic (``DisplayText/quoted(_:limit:)``): JSON-style quotes,
    /// control characters escaped, long values cut, so one diagnostic stays on one line.
    static func quote(_ value: String, limit: Int = 60) -> String {
        DisplayText.quoted(value, limit: limit)
    }
}
