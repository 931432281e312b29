/// The text checks a tab-delimited upload needs.
enum PARSText {
    /// Whether `text` holds a tab, a line break or any other C0 control character, DEL, or a Unicode line or
    /// paragraph separator: anything that could split or shift a row.
    static func hasControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isControl)
    }

    /// `text` with each such character replaced by a space (for the rejects file, whose reason says so).
    static func sanitized(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { output.append(isControl(scalar) ? " " : scalar) }
        return String(output)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
