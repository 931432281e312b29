/// Escaping for text placed in HTML and SVG, in element content and in quoted attribute values.
///
/// Everything a report prints comes from credentials, rule files and file names, which anyone can write:
/// every piece of text goes through ``escape(_:)``.
public enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references; control characters other than
    /// tab and newline are dropped (they are not allowed in HTML or XML text).
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): continue
            case _ where (0xFFFE...0xFFFF).contains(scalar.value): continue
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
