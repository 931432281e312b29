/// A record as a file format delivered it, before validation: text values, lists and amounts as text.
///
/// The CSV and JSON Lines readers fill a draft and report format-level problems (ragged rows, wrong JSON
/// types); ``ActivityRecordValidator`` then checks the meaning of every field the same way for both formats.
struct RecordDraft: Sendable {
    /// One topic entry as written.
    struct TopicEntry: Sendable {
        var code: String
        var hours: String?
        /// The field name used in diagnostics for this entry.
        var field: String
    }

    var location: RecordLocation
    var format: RecordFormat
    /// Single-value fields, trimmed; absent when empty.
    var text = RecordTexts()
    var licenses: [String] = []
    var boardIDs: [String] = []
    /// Credit amounts as written, in the order they were found.
    var credits: [(code: String, amount: String)] = []
    var maxCredits: String?
    var topics: [TopicEntry] = []
    var diagnostics: [RecordDiagnostic] = []
    /// Set when the input is not a record at all (a JSON line that is not an object): the diagnostics already say
    /// so and the fields are not checked one by one.
    var unreadable = false

    init(location: RecordLocation, format: RecordFormat) {
        self.location = location
        self.format = format
    }

    /// Records a problem with `field`.
    mutating func report(_ field: RecordField, expected: String, found: String) {
        report(field.name(in: format), expected: expected, found: found)
    }

    /// Records a problem with a field given by name.
    mutating func report(_ field: String, expected: String, found: String) {
        diagnostics.append(RecordDiagnostic(at: location, field: field, expected: expected, found: found))
    }
}
