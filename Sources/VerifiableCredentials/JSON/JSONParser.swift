/// A strict RFC 8259 parser that produces ``JSONValue``s with members in document order.
///
/// It rejects duplicate member names (compared by code units), invalid UTF-8, lone surrogates in
/// `\u` escapes, trailing content, nesting deeper than ``Limits/maximumDepth`` and documents larger than
/// ``Limits/maximumBytes``. Errors name the line and column (both 1-based, columns count bytes).
public struct JSONParser: Sendable {
    /// Limits that protect a verifier from hostile input.
    public struct Limits: Sendable, Hashable {
        /// The largest document accepted, in bytes (default 16 MiB).
        public var maximumBytes: Int
        /// The deepest nesting of arrays and objects accepted (default 128).
        public var maximumDepth: Int

        public init(maximumBytes: Int = 16 * 1024 * 1024, maximumDepth: Int = 128) {
            self.maximumBytes = maximumBytes
            self.maximumDepth = maximumDepth
        }

        /// The defaults: 16 MiB and depth 128.
        public static let `default` = Limits()
    }

    /// The limits this parser enforces.
    public var limits: Limits

    public init(limits: Limits = .default) { self.limits = limits }

    /// Parses one JSON document with the default limits.
    public static func parse(_ bytes: some Collection<UInt8>) throws(CredentialError) -> JSONValue {
        try JSONParser().parse(bytes)
    }

    /// Parses one JSON text given as a string.
    public static func parse(_ text: String) throws(CredentialError) -> JSONValue {
        try JSONParser().parse(Array(text.utf8))
    }

    /// Parses one JSON document.
    public func parse(_ bytes: some Collection<UInt8>) throws(CredentialError) -> JSONValue {
        guard bytes.count <= limits.maximumBytes else {
            throw CredentialError(
                .documentTooLarge,
                "the document is \(bytes.count) bytes, more than the limit of \(limits.maximumBytes) bytes")
        }
        let array = Array(bytes)
        let result: Result<JSONValue, CredentialError> = array.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(bytes: buffer, maximumDepth: limits.maximumDepth)
            do throws(CredentialError) {
                return .success(try reader.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

/// The parser's cursor over one document's bytes.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let maximumDepth: Int
    var index = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    mutating func parseDocument() throws(CredentialError) -> JSONValue {
        // A UTF-8 byte order mark is not JSON (RFC 8259 §8.1 lets parsers ignore it, but signed bytes must not
        // depend on it); reject it with a clear message.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw error(.invalidJSON, "the document starts with a UTF-8 byte order mark; remove it")
        }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count {
            throw error(.trailingContent, "unexpected content after the JSON value")
        }
        return value
    }

    // MARK: Errors

    func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return (line, offset - lineStart + 1)
    }

    func error(_ code: CredentialError.Code, _ message: String, at offset: Int? = nil) -> CredentialError {
        let (line, column) = position(of: offset ?? index)
        return CredentialError(code, message, location: "line \(line), column \(column)")
    }

    func describeCurrent() -> String {
        guard index < bytes.count else { return "the end of the document" }
        let byte = bytes[index]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    // MARK: Values

    mutating func skipWhitespace() {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        while index < count {
            switch base[index] {
            case 0x20, 0x0A:
                index += 1
                // A pretty-printed document's indentation: the spaces of eight bytes at a time (the lowest
                // differing byte of a little-endian word ends the run).
                while index + 8 <= count {
                    let notSpaces =
                        UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) ^ 0x2020_2020_2020_2020
                    guard notSpaces == 0 else {
                        index += notSpaces.littleEndian.trailingZeroBitCount >> 3
                        break
                    }
                    index += 8
                }
            case 0x09, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws(CredentialError) -> JSONValue {
        guard index < bytes.count else {
            throw error(.invalidJSON, "expected a JSON value, found the end of the document")
        }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error(.invalidJSON, "expected a JSON value, found \(describeCurrent())")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(CredentialError) {
        let start = index
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else {
            throw error(.invalidJSON, "expected '\(literal)'", at: start)
        }
        let pointer = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != pointer[offset] {
            throw error(.invalidJSON, "expected '\(literal)'", at: start)
        }
        index += count
    }

    mutating func enter() throws(CredentialError) {
        depth += 1
        if depth > maximumDepth {
            throw error(.nestingTooDeep, "arrays and objects are nested more than \(maximumDepth) levels deep")
        }
    }

    mutating func parseObject() throws(CredentialError) -> JSONValue {
        try enter()
        index += 1
        var members: [JSONObject.Member] = []
        var seen: Set<[UInt8]>? = nil
        skipWhitespace()
        if index < bytes.count, bytes[index] != UInt8(ascii: "}") {
            // One allocation for most objects instead of regrowing at 1, 2, 4 and 8 members.
            members.reserveCapacity(8)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(JSONObject(uniqueMembers: members))
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error(.invalidJSON, "expected a member name in double quotes, found \(describeCurrent())")
            }
            let keyStart = index
            let key = try parseString()
            // Duplicate names are compared by code units: a linear scan up to 32 members (a CME achievement has
            // 17), then a set for larger objects.
            if var set = seen {
                seen = nil
                guard set.insert(Array(key.utf8)).inserted else { throw duplicate(key, at: keyStart) }
                seen = set
            } else {
                for member in members where JSONObject.sameKey(member.key, key) {
                    throw duplicate(key, at: keyStart)
                }
                if members.count >= 32 {
                    var set = Set(members.map { Array($0.key.utf8) })
                    set.insert(Array(key.utf8))
                    seen = set
                }
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error(.invalidJSON, "expected ':' after the member name \"\(key)\", found \(describeCurrent())")
            }
            index += 1
            skipWhitespace()
            // The top-level object's large arrays (a presentation's credentials) parse on all cores.
            let value = depth == 1 ? try parseValueOfMember() : try parseValue()
            members.append(JSONObject.Member(key: key, value: value))
            skipWhitespace()
            guard index < bytes.count else {
                throw error(.invalidJSON, "the object is not closed: expected ',' or '}'")
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return .object(JSONObject(uniqueMembers: members))
            }
            throw error(.invalidJSON, "expected ',' or '}' in the object, found \(describeCurrent())")
        }
    }

    func duplicate(_ key: String, at offset: Int) -> CredentialError {
        error(.duplicateKey, "duplicate member name \"\(key)\" in the same object", at: offset)
    }

    mutating func parseArray() throws(CredentialError) -> JSONValue {
        try enter()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else {
                throw error(.invalidJSON, "the array is not closed: expected ',' or ']'")
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return .array(elements)
            }
            throw error(.invalidJSON, "expected ',' or ']' in the array, found \(describeCurrent())")
        }
    }

    // MARK: Numbers

    mutating func parseNumber() throws(CredentialError) -> Double {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw error(.invalidJSON, "expected a digit in the number", at: index)
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw error(.invalidJSON, "a number may not have a leading zero", at: start)
            }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error(.invalidJSON, "expected a digit after the decimal point")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error(.invalidJSON, "expected a digit in the exponent")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw error(
                .numberOutOfRange, "the number \(text) is too large for a 64-bit floating-point value", at: start)
        }
        return value
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    // MARK: Strings

    mutating func parseString() throws(CredentialError) -> String {
        index += 1  // opening quote
        // A string is runs of plain text (no quote, backslash or control character) between escapes. Each run
        // is found eight bytes at a time and becomes a String at once, non-ASCII text included once its UTF-8
        // is checked (a CME credential's AMA wording has "™" in several long strings, which used to be built
        // one scalar at a time). Most strings are one run.
        // Text before the last escape (appended to in place, so many escapes cost linear time).
        var text = ""
        var escaped = false
        while true {
            let start = index
            let isASCII = skipPlainText()
            let run = try decodeRun(start..<index, isASCII: isASCII)
            guard index < bytes.count else {
                throw error(.invalidJSON, "the string is not closed: expected '\"'")
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                guard escaped else { return run }
                text += run
                return text
            }
            guard byte == UInt8(ascii: "\\") else {
                throw error(
                    .invalidJSON, "a control character (0x\(String(byte, radix: 16))) must be escaped in a string")
            }
            escaped = true
            text += run
            text.unicodeScalars.append(try parseEscape())
        }
    }

    /// Moves past plain string text (up to a quote, a backslash, a control character or the end); returns
    /// whether all of it was ASCII.
    private mutating func skipPlainText() -> Bool {
        var isASCII = true
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if JSONWordScan.hasSpecialByte(word) { break }
                if JSONWordScan.hasNonASCIIByte(word) { isASCII = false }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            if byte >= 0x80 { isASCII = false }
            index += 1
        }
        return isASCII
    }

    /// The text of a run of plain string bytes, which must be well-formed UTF-8 (each non-ASCII sequence is
    /// checked by ``decodeUTF8()``, which throws with its position).
    private mutating func decodeRun(_ run: Range<Int>, isASCII: Bool) throws(CredentialError) -> String {
        if !isASCII {
            let end = index
            index = run.lowerBound
            while index < end {
                if bytes[index] < 0x80 { index += 1 } else { _ = try decodeUTF8() }
            }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[run]), as: UTF8.self)
    }

    mutating func parseEscape() throws(CredentialError) -> Unicode.Scalar {
        let start = index
        index += 1
        guard index < bytes.count else { throw error(.invalidJSON, "the escape sequence is cut off", at: start) }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try parseHex4(escapeStart: start)
            if unit >= 0xD800 && unit < 0xDC00 {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else {
                    throw error(
                        .loneSurrogate, "the escape \\u\(hex(unit)) is a high surrogate without a low surrogate",
                        at: start)
                }
                index += 2
                let low = try parseHex4(escapeStart: start)
                guard low >= 0xDC00 && low < 0xE000 else {
                    throw error(
                        .loneSurrogate, "the escape \\u\(hex(unit)) is a high surrogate without a low surrogate",
                        at: start)
                }
                let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else {
                    throw error(.loneSurrogate, "invalid surrogate pair", at: start)
                }
                return scalar
            }
            if unit >= 0xDC00 && unit < 0xE000 {
                throw error(
                    .loneSurrogate, "the escape \\u\(hex(unit)) is a low surrogate without a high surrogate", at: start)
            }
            guard let scalar = Unicode.Scalar(UInt32(unit)) else {
                throw error(.invalidJSON, "invalid \\u escape", at: start)
            }
            return scalar
        default:
            throw error(.invalidJSON, "unknown escape sequence '\\\(Character(Unicode.Scalar(byte)))'", at: start)
        }
    }

    func hex(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    mutating func parseHex4(escapeStart: Int) throws(CredentialError) -> UInt16 {
        guard index + 4 <= bytes.count else {
            throw error(.invalidJSON, "expected four hex digits after \\u", at: escapeStart)
        }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw error(.invalidJSON, "expected four hex digits after \\u", at: escapeStart)
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    /// Decodes one multi-byte UTF-8 sequence, rejecting overlong forms, surrogates and values above U+10FFFF.
    mutating func decodeUTF8() throws(CredentialError) -> Unicode.Scalar {
        let start = index
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        let minimum: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F); minimum = 0x80
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F); minimum = 0x800
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07); minimum = 0x10000
        default:
            throw error(.invalidUTF8, "invalid UTF-8 byte 0x\(String(lead, radix: 16, uppercase: true))", at: start)
        }
        guard index + length <= bytes.count else {
            throw error(.invalidUTF8, "a UTF-8 sequence is cut off", at: start)
        }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else {
                throw error(.invalidUTF8, "invalid UTF-8 continuation byte", at: start)
            }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value),
            let scalar = Unicode.Scalar(value)
        else {
            throw error(.invalidUTF8, "invalid UTF-8 sequence (overlong, surrogate or out of range)", at: start)
        }
        index += length
        return scalar
    }
}
