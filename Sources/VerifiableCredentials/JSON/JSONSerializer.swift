/// Writes ``JSONValue``s as JSON text, keeping members in document order.
///
/// Strings are escaped as RFC 8785 does (only `"`, `\` and control characters) and numbers are written in
/// ECMAScript form, so a compact serialization of an already-sorted value is also its canonical form.
public enum JSONSerializer {
    /// How the text is laid out.
    public enum Layout: Sendable {
        /// No whitespace at all.
        case compact
        /// Two-space indentation, one member or element per line, and a final newline.
        case pretty
    }

    /// The UTF-8 bytes of `value`.
    public static func bytes(_ value: JSONValue, layout: Layout = .compact) -> [UInt8] {
        var output = ByteWriter(capacity: 4096)
        switch layout {
        case .compact: writeCompact(value, into: &output)
        case .pretty:
            writePretty(value, indent: 0, into: &output)
            output.append(UInt8(ascii: "\n"))
        }
        return output.finish()
    }

    /// The compact UTF-8 bytes of `value`, with the stored text of every object of `fragments` it holds.
    public static func bytes(_ value: JSONValue, reusing fragments: JSONFragments) -> [UInt8] {
        // A document that holds fragments is a whole credential: room for one without growing.
        var output = ByteWriter(capacity: 8192)
        writeCompact(value, into: &output, reusing: fragments)
        return output.finish()
    }

    /// The text of `value`.
    public static func string(_ value: JSONValue, layout: Layout = .compact) -> String {
        String(decoding: bytes(value, layout: layout), as: UTF8.self)
    }

    static func writeCompact(_ value: JSONValue, into output: inout ByteWriter, reusing fragments: JSONFragments? = nil)
    {
        switch value {
        case .object(let object):
            if let fragment = fragments?.fragment(for: object) {
                fragment.compact.withUnsafeBytes { output.append($0) }
                return
            }
            output.append(UInt8(ascii: "{"))
            let members = object.members
            for index in members.indices {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(members[index].key, into: &output)
                output.append(UInt8(ascii: ":"))
                writeCompact(members[index].value, into: &output, reusing: fragments)
            }
            output.append(UInt8(ascii: "}"))
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for index in elements.indices {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeCompact(elements[index], into: &output, reusing: fragments)
            }
            output.append(UInt8(ascii: "]"))
        default:
            writeScalar(value, into: &output)
        }
    }

    static func writePretty(_ value: JSONValue, indent: Int, into output: inout ByteWriter) {
        switch value {
        case .object(let object) where !object.isEmpty:
            output.append(UInt8(ascii: "{"))
            let members = object.members
            for index in members.indices {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &output)
                writeString(members[index].key, into: &output)
                output.append(": ")
                writePretty(members[index].value, indent: indent + 1, into: &output)
            }
            newline(indent, into: &output)
            output.append(UInt8(ascii: "}"))
        case .array(let elements) where !elements.isEmpty:
            output.append(UInt8(ascii: "["))
            for index in elements.indices {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &output)
                writePretty(elements[index], indent: indent + 1, into: &output)
            }
            newline(indent, into: &output)
            output.append(UInt8(ascii: "]"))
        default:
            writeCompact(value, into: &output)
        }
    }

    static func newline(_ indent: Int, into output: inout ByteWriter) {
        output.append(UInt8(ascii: "\n"))
        output.append(repeating: UInt8(ascii: " "), count: indent * 2)
    }

    static func writeScalar(_ value: JSONValue, into output: inout ByteWriter) {
        switch value {
        case .null: output.append("null" as StaticString)
        case .bool(let flag): output.append(flag ? "true" as StaticString : "false")
        case .number(let number): output.append(number.ecmaScriptString)
        case .string(let text): writeString(text, into: &output)
        case .array, .object: writeCompact(value, into: &output)
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Writes a JSON string with RFC 8785 escaping: `"`, `\`, and U+0000–U+001F only.
    static func writeString(_ text: String, into output: inout ByteWriter) {
        output.append(UInt8(ascii: "\""))
        // Fast path: nothing to escape, copy the UTF-8 bytes at once.
        let copied: Bool? = text.utf8.withContiguousStorageIfAvailable { buffer in
            if needsEscaping(UnsafeRawBufferPointer(buffer)) {
                for byte in buffer { writeEscaping(byte, into: &output) }
            } else {
                output.append(buffer)
            }
            return true
        }
        if copied == nil {
            for byte in text.utf8 { writeEscaping(byte, into: &output) }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// One byte of a string's UTF-8, escaped when RFC 8785 says so.
    private static func writeEscaping(_ byte: UInt8, into output: inout ByteWriter) {
        switch byte {
        case UInt8(ascii: "\""): output.append("\\\"" as StaticString)
        case UInt8(ascii: "\\"): output.append("\\\\" as StaticString)
        case 0x08: output.append("\\b" as StaticString)
        case 0x09: output.append("\\t" as StaticString)
        case 0x0A: output.append("\\n" as StaticString)
        case 0x0C: output.append("\\f" as StaticString)
        case 0x0D: output.append("\\r" as StaticString)
        case 0..<0x20:
            output.append("\\u00" as StaticString)
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 0x0F)])
        default: output.append(byte)
        }
    }

    /// Whether any byte is `"`, `\` or below 0x20, tested eight bytes at a time (``JSONWordScan``).
    static func needsEscaping(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset + 8 <= bytes.count {
            if JSONWordScan.hasSpecialByte(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) {
                return true
            }
            offset += 8
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            offset += 1
        }
        return false
    }
}
