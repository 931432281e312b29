/// The whitespace between a JSON text's tokens: taken out, or laid out as ``JSONSerializer``'s pretty layout.
public enum JSONWhitespace {
    /// `text` without the whitespace outside its strings: for a text ``JSONSerializer`` wrote in any layout,
    /// exactly what it writes compact, without parsing. Strings are copied as they are (a JSON string holds no
    /// raw line break, so the result is one line). Nil when the text ends inside a string.
    public static func removed(from text: [UInt8]) -> [UInt8]? {
        text.withUnsafeBufferPointer { text -> [UInt8]? in
            var output = ByteWriter(capacity: text.count)
            var index = 0
            while index < text.count {
                let byte = text[index]
                if byte == UInt8(ascii: "\"") {
                    guard let end = JSONWordScan.stringEnd(text, openingQuoteAt: index) else { return nil }
                    output.append(UnsafeBufferPointer(rebasing: text[index..<end]))
                    index = end
                    continue
                }
                if !isWhitespace(byte) { output.append(byte) }
                index += 1
            }
            return output.finish()
        }
    }

    /// `text` laid out as ``JSONSerializer`` writes it pretty (two-space indents, `"key": value`, empty
    /// objects and arrays as `{}` and `[]`, a line break at the end), whatever whitespace it had between
    /// tokens: for a text it wrote in any layout, exactly its pretty bytes, without parsing. Strings are copied
    /// as they are. Nil when the text ends inside a string.
    public static func prettified(_ text: [UInt8]) -> [UInt8]? {
        text.withUnsafeBufferPointer { text -> [UInt8]? in
            var output = ByteWriter(capacity: text.count + text.count / 2 + 16)
            var depth = 0
            var index = 0
            while index < text.count {
                let byte = text[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    guard let end = JSONWordScan.stringEnd(text, openingQuoteAt: index - 1) else { return nil }
                    output.append(UnsafeBufferPointer(rebasing: text[(index - 1)..<end]))
                    index = end
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    output.append(byte)
                    let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    var next = index
                    while next < text.count, isWhitespace(text[next]) { next += 1 }
                    if next < text.count, text[next] == close {
                        output.append(close)
                        index = next + 1
                    } else {
                        depth += 1
                        newline(depth, into: &output)
                    }
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    newline(depth, into: &output)
                    output.append(byte)
                case UInt8(ascii: ","):
                    output.append(byte)
                    newline(depth, into: &output)
                case UInt8(ascii: ":"):
                    output.append(UInt8(ascii: ":"))
                    output.append(UInt8(ascii: " "))
                default:
                    if !isWhitespace(byte) { output.append(byte) }
                }
            }
            output.append(UInt8(ascii: "\n"))
            return output.finish()
        }
    }

    /// Whether `byte` is whitespace between JSON tokens (RFC 8259 §2): space, tab, line feed or carriage return.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\t")
    }

    private static func newline(_ depth: Int, into output: inout ByteWriter) {
        JSONSerializer.newline(max(depth, 0), into: &output)
    }
}
