/// The whitespace between a JSON text's tokens.
public enum JSONWhitespace {
    /// `text` without the whitespace outside its strings: for a text ``JSONSerializer`` wrote in any layout,
    /// exactly what it writes compact, without parsing. Strings are copied as they are (a JSON string holds no
    /// raw line break, so the result is one line). Nil when the text ends inside a string.
    public static func removed(from text: [UInt8]) -> [UInt8]? {
        var output = [UInt8]()
        output.reserveCapacity(text.count)
        var inString = false
        var escaped = false
        for byte in text {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: "\t")
            {
                continue
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            }
            output.append(byte)
        }
        return inString ? nil : output
    }
}
