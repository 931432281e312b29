/// Text from an input, made safe to show on one terminal line.
///
/// Values in messages and reports come from files anyone can write. Shown as they are, a newline in an
/// issuer name could draw a fake `✓ issuer` line under a failed check, a right-to-left override could
/// reorder what a reader sees, and a 100 KB value would bury the message. Every control character
/// (C0, DEL, C1), line and paragraph separator and bidirectional formatting character is therefore
/// written as an escape (`\n`, `\u{202e}`), and an over-long text keeps its head and tail around `…`.
public enum DisplayText {
    /// The default longest text, in Unicode scalars, before its middle is cut.
    public static let defaultLimit = 500

    /// `text` on one line: escaped (see ``DisplayText``) and, when longer than `limit` scalars, cut to
    /// its first two thirds and last third of `limit` around `…`.
    public static func line(_ text: String, limit: Int = defaultLimit) -> String {
        // Printable ASCII within the limit, the usual case, is returned after one pass over its bytes.
        if text.utf8.count <= limit, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        let scalars = text.unicodeScalars
        if scalars.count <= limit, !scalars.contains(where: needsEscape) { return text }
        var result = String.UnicodeScalarView()
        guard scalars.count > limit else {
            for scalar in scalars { append(scalar, to: &result) }
            return String(result)
        }
        let head = max(limit * 2 / 3, 1)
        let tail = max(limit - head, 0)
        for scalar in scalars.prefix(head) { append(scalar, to: &result) }
        result.append("…")
        for scalar in scalars.suffix(tail) { append(scalar, to: &result) }
        return String(result)
    }

    /// `value` in double quotes, escaped (a quote as `\"`, a backslash as `\\`) and cut after `limit`
    /// scalars with `…`: for naming a found value inside a message.
    public static func quoted(_ value: String, limit: Int = 60) -> String {
        var result = String.UnicodeScalarView()
        result.append("\"")
        for (count, scalar) in value.unicodeScalars.enumerated() {
            if count == limit {
                result.append("…")
                break
            }
            switch scalar {
            case "\"": result.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": result.append(contentsOf: "\\\\".unicodeScalars)
            default: append(scalar, to: &result)
            }
        }
        result.append("\"")
        return String(result)
    }

    /// Whether a scalar is shown as an escape rather than as itself.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to result: inout String.UnicodeScalarView) {
        guard needsEscape(scalar) else {
            result.append(scalar)
            return
        }
        switch scalar {
        case "\n": result.append(contentsOf: "\\n".unicodeScalars)
        case "\r": result.append(contentsOf: "\\r".unicodeScalars)
        case "\t": result.append(contentsOf: "\\t".unicodeScalars)
        default: result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
        }
    }
}
