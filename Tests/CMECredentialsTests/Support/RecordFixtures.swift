import CMECredentials

/// Small CSV and JSON Lines inputs for the reader tests.
enum RecordFixtures {
    static let header =
        "learner_given_name,learner_family_name,learner_npi,learner_email,learner_license,learner_dob,activity_id,activity_title,activity_format,completion_date,credits_AMA_PRA_CAT1,topics"

    /// A valid row for ``header``.
    static let validRow =
        "Maria,Gonzalez,1234567893,maria@example.org,CA:A123456,04-17,2026-017,Safe Opioid Prescribing,course,2026-03-01,3,opioid-prescribing=2"

    /// Reads CSV text.
    static func csv(_ text: String, file: String = "t.csv") -> (
        records: [ActivityRecord], diagnostics: [RecordDiagnostic]
    ) {
        ActivityRecordReader.read(bytes: Array(text.utf8), fileName: file, format: .csv)
    }

    /// Reads JSON Lines text.
    static func jsonl(_ text: String, file: String = "t.jsonl") -> (
        records: [ActivityRecord], diagnostics: [RecordDiagnostic]
    ) {
        ActivityRecordReader.read(bytes: Array(text.utf8), fileName: file, format: .jsonLines)
    }

    /// A CSV of the header and one row where `column` is replaced by `value`.
    static func row(replacing column: String, with value: String) -> String {
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var cells = validRow.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if let index = names.firstIndex(of: column) { cells[index] = value }
        return header + "\n" + cells.joined(separator: ",") + "\n"
    }
}
