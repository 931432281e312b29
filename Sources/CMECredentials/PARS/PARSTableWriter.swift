import VerifiableCredentials

/// Writes PARS rows as TSV or CSV bytes.
///
/// The main file holds the mapping's columns. The rejects file holds the same columns followed by
/// `credential ID` and `reason`; in it, tabs and line breaks inside values are replaced by spaces (the
/// reason says which columns held them), so the rejects file itself is never corrupt, and a value a
/// spreadsheet would run as a formula gets a `'` in front (``SpreadsheetText/defused(_:)``): people open
/// that file to fix the rows.
public struct PARSTableWriter: Sendable {
    /// The columns to write.
    public var mapping: PARSMapping
    /// TSV or CSV.
    public var format: PARSTableFormat

    /// Creates a writer.
    public init(mapping: PARSMapping, format: PARSTableFormat) {
        self.mapping = mapping
        self.format = format
    }

    /// The upload file: a header row and one line per row.
    ///
    /// Rows are expected to have passed ``PARSRowValidator``; should a value still hold a control
    /// character, it is replaced by a space rather than allowed to split the row.
    public func table(_ rows: [PARSRow]) -> [UInt8] {
        var text = line(mapping.headers)
        for row in rows { text += line(mapping.columns.map { row[$0.field] }) }
        return Array(text.utf8)
    }

    /// The rejects file: the mapping's columns, `credential ID` and `reason` (reasons joined by `; `).
    public func rejects(_ rejected: [PARSExport.RejectedRow]) -> [UInt8] {
        var text = line(mapping.headers + ["credential ID", "reason"])
        for entry in rejected {
            let values = mapping.columns.map { SpreadsheetText.defused(entry.row[$0.field]) }
            text += line(values + [entry.row.credentialID, entry.reasons.map(\.message).joined(separator: "; ")])
        }
        return Array(text.utf8)
    }

    private func line(_ values: [String]) -> String {
        switch format {
        case .tsv:
            return values.map(PARSText.sanitized).joined(separator: "\t") + "\n"
        case .csv:
            return values.map(Self.csvField).joined(separator: ",") + "\r\n"
        }
    }

    /// A CSV field: quoted (with `"` doubled) when it holds `,` `"` CR or LF; other control characters
    /// become spaces.
    static func csvField(_ value: String) -> String {
        var cleaned = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            let keep = scalar == "\r" || scalar == "\n" || !PARSText.hasControlCharacter(String(scalar))
            cleaned.append(keep ? scalar : " ")
        }
        let text = String(cleaned)
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return text
        }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }
}
