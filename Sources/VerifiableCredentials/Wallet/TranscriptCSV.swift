/// A transcript as CSV (RFC 4180, LF line ends): one line per credit type of each credential, for a person's
/// spreadsheet.
///
/// Columns: `completed` (the date), `provider`, `activity`, `credit_type`, `credits`, `topics` (`;`-separated),
/// `id`. A credential without credits gets one line with those two columns empty. Text from the credentials
/// (which their issuers wrote) is defused so that a spreadsheet never runs it as a formula
/// (``SpreadsheetText/defused(_:)``).
public enum TranscriptCSV {
    /// The header line's columns.
    public static let columns = ["completed", "provider", "activity", "credit_type", "credits", "topics", "id"]

    /// The whole file: the header line, then the lines of `lines` in their order.
    public static func render(_ lines: [TranscriptLine]) -> String {
        var output = columns.joined(separator: ",") + "\n"
        for line in lines {
            let date = line.completed.map { String($0.text.prefix(10)) } ?? ""
            for credit in line.credits.isEmpty ? [("", 0)] : line.credits {
                let fields = [
                    date, text(line.provider), text(line.activity), text(credit.0),
                    credit.0.isEmpty ? "" : TranscriptLine.amountText(credit.1),
                    text(line.topics.joined(separator: ";")), text(line.id ?? ""),
                ]
                output += fields.map(SpreadsheetText.csvField).joined(separator: ",") + "\n"
            }
        }
        return output

        func text(_ value: String) -> String { SpreadsheetText.defused(value) }
    }
}
