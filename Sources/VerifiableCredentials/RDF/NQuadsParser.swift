/// A parser for the full N-Quads grammar (RDF 1.1 N-Quads §4): IRIs with `\u`/`\U` escapes, blank node
/// labels, literals with ECHAR and UCHAR escapes, language tags and datatypes, optional graph labels,
/// comments, and any mix of CR and LF line ends. IRIs must be absolute (have a scheme).
struct NQuadsParser {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    static func parse(_ bytes: [UInt8]) throws(CredentialError) -> RDFDataset {
        var parser = NQuadsParser(bytes: bytes)
        return try parser.parseDocument()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func parseDocument() throws(CredentialError) -> RDFDataset {
        var quads: RDFDataset = []
        while true {
            skipSpaceAndComments()
            guard let byte = peek() else { break }
            if byte == cr || byte == lf {
                consumeLineEnds()
                continue
            }
            quads.append(try parseStatement())
            skipSpaceAndComments()
            guard let next = peek() else { break }
            guard next == cr || next == lf else {
                throw error("expected the end of the line after \".\"")
            }
        }
        return quads
    }

    private mutating func parseStatement() throws(CredentialError) -> RDFQuad {
        let subject: RDFTerm
        switch peek() {
        case lt: subject = .iri(try parseIRI())
        case underscore: subject = .blankNode(try parseBlankNodeLabel())
        default: throw error("expected a subject: an IRI in <> or a blank node _:label")
        }
        skipSpace()
        guard peek() == lt else { throw error("expected a predicate: an IRI in <>") }
        let predicate = RDFTerm.iri(try parseIRI())
        skipSpace()
        let object: RDFTerm
        switch peek() {
        case lt: object = .iri(try parseIRI())
        case underscore: object = .blankNode(try parseBlankNodeLabel())
        case quote: object = .literal(try parseLiteral())
        default: throw error("expected an object: an IRI in <>, a blank node _:label or a \"literal\"")
        }
        skipSpace()
        var graph: RDFTerm?
        switch peek() {
        case lt: graph = .iri(try parseIRI())
        case underscore: graph = .blankNode(try parseBlankNodeLabel())
        default: break
        }
        skipSpace()
        guard peek() == dot else { throw error("expected \".\" at the end of the statement") }
        index += 1
        return RDFQuad(subject: subject, predicate: predicate, object: object, graph: graph)
    }

    // MARK: - Terms

    /// IRIREF ::= '<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>'
    private mutating func parseIRI() throws(CredentialError) -> String {
        let start = index
        index += 1  // <
        let contentStart = index
        // Fast path: no escapes, so the IRI is a slice of the input.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == gt {
                let value = bytes[contentStart..<index]
                index += 1
                return try absolute(String(decoding: value, as: UTF8.self), isAbsolute: hasScheme(value), at: start)
            }
            if byte == backslash || isForbiddenInIRI(byte) { break }
            index += 1
        }
        var value = Array(bytes[contentStart..<index])
        while true {
            guard let byte = peek() else { throw error("unterminated IRI", at: start) }
            if byte == gt {
                index += 1
                return try absolute(String(decoding: value, as: UTF8.self), isAbsolute: hasScheme(value), at: start)
            } else if byte == backslash {
                let scalar = try parseUCHAR()
                UTF8.encode(scalar) { value.append($0) }
            } else if isForbiddenInIRI(byte) {
                throw error("the character \(describe(byte)) is not allowed in an IRI")
            } else {
                value.append(byte)
                index += 1
            }
        }
    }

    private func isForbiddenInIRI(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00...0x20, lt, quote, 0x7B, 0x7D, 0x7C, 0x5E, 0x60: true
        default: false
        }
    }

    private func absolute(_ iri: String, isAbsolute: Bool, at start: Int) throws(CredentialError) -> String {
        guard isAbsolute else { throw error("the IRI <\(iri)> is not absolute", at: start) }
        return iri
    }

    /// BLANK_NODE_LABEL ::= '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?
    private mutating func parseBlankNodeLabel() throws(CredentialError) -> String {
        let start = index
        guard index + 1 < bytes.count, bytes[index + 1] == colon else {
            throw error("expected \"_:\" to start a blank node label")
        }
        index += 2
        guard let first = peekScalar(), first.isPNCharsU || ("0"..."9").contains(first) else {
            throw error("a blank node label must start with a letter, a digit, \"_\" or \":\"", at: start)
        }
        index += first.utf8Length
        var end = index  // one past the last PN_CHARS
        while let scalar = peekScalar(), scalar.isPNChars || scalar == "." {
            index += scalar.utf8Length
            if scalar != "." { end = index }
        }
        index = end  // a label cannot end with ".": the dots belong to what follows
        return String(decoding: bytes[(start + 2)..<end], as: UTF8.self)
    }

    /// STRING_LITERAL_QUOTE ('^^' IRIREF | LANGTAG)?
    private mutating func parseLiteral() throws(CredentialError) -> RDFLiteral {
        let start = index
        index += 1  // "
        let contentStart = index
        // Fast path: scan to the first escape or the closing quote without copying.
        while index < bytes.count, bytes[index] != quote, bytes[index] != backslash, bytes[index] != cr,
            bytes[index] != lf
        {
            index += 1
        }
        var value = Array(bytes[contentStart..<index])
        while true {
            guard let byte = peek() else { throw error("unterminated string literal", at: start) }
            switch byte {
            case quote:
                index += 1
                let lexical = String(decoding: value, as: UTF8.self)
                if peek() == at {
                    return RDFLiteral(lexical, language: try parseLanguageTag())
                }
                if peek() == caret {
                    guard index + 1 < bytes.count, bytes[index + 1] == caret else {
                        throw error("expected \"^^\" before a datatype IRI")
                    }
                    index += 2
                    guard peek() == lt else { throw error("expected a datatype IRI in <> after \"^^\"") }
                    return RDFLiteral(lexical, datatype: try parseIRI())
                }
                return RDFLiteral(lexical)
            case backslash:
                guard index + 1 < bytes.count else { throw error("unterminated escape") }
                let escaped: UInt8
                switch bytes[index + 1] {
                case UInt8(ascii: "t"): escaped = 0x09
                case UInt8(ascii: "b"): escaped = 0x08
                case UInt8(ascii: "n"): escaped = 0x0A
                case UInt8(ascii: "r"): escaped = 0x0D
                case UInt8(ascii: "f"): escaped = 0x0C
                case quote: escaped = quote
                case UInt8(ascii: "'"): escaped = UInt8(ascii: "'")
                case backslash: escaped = backslash
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let scalar = try parseUCHAR()
                    UTF8.encode(scalar) { value.append($0) }
                    continue
                default:
                    throw error("unknown escape \\\(describe(bytes[index + 1])) in a string literal")
                }
                value.append(escaped)
                index += 2
            case cr, lf:
                throw error("a line break inside a string literal must be written \\n or \\r")
            default:
                value.append(byte)
                index += 1
            }
        }
    }

    /// LANGTAG ::= '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*
    private mutating func parseLanguageTag() throws(CredentialError) -> String {
        index += 1  // @
        let start = index
        while let byte = peek(), byte.isASCIILetter { index += 1 }
        guard index > start else { throw error("expected a language tag after \"@\"") }
        while peek() == hyphen {
            index += 1
            let subtagStart = index
            while let byte = peek(), byte.isASCIILetter || byte.isASCIIDigit { index += 1 }
            guard index > subtagStart else { throw error("empty language subtag after \"-\"") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// UCHAR ::= '\u' HEX{4} | '\U' HEX{8}; `index` is at the backslash.
    private mutating func parseUCHAR() throws(CredentialError) -> Unicode.Scalar {
        let start = index
        guard index + 1 < bytes.count else { throw error("unterminated escape") }
        let digits: Int
        switch bytes[index + 1] {
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default: throw error("only \\u and \\U escapes are allowed here")
        }
        index += 2
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let byte = peek(), let digit = byte.hexValue else {
                throw error("expected \(digits) hex digits after \\\(digits == 4 ? "u" : "U")", at: start)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error(
                "the escape is not a Unicode scalar value (a surrogate or above U+10FFFF)", at: start)
        }
        return scalar
    }

    // MARK: - Whitespace, comments and line ends

    private mutating func skipSpace() {
        while let byte = peek(), byte == space || byte == tab { index += 1 }
    }

    private mutating func skipSpaceAndComments() {
        skipSpace()
        if peek() == hash {
            while let byte = peek(), byte != cr, byte != lf { index += 1 }
        }
    }

    private mutating func consumeLineEnds() {
        while let byte = peek(), byte == cr || byte == lf {
            index += 1
            if byte == lf || peek() != lf {
                line += 1
                lineStart = index
            }
        }
    }

    // MARK: - Helpers

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The Unicode scalar at `index`, decoding UTF-8 (nil at the end or on invalid UTF-8).
    private func peekScalar() -> Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// Whether an IRI has a scheme (`scheme ":"`), that is, whether it is absolute.
    private func hasScheme(_ iri: some Collection<UInt8>) -> Bool {
        guard let first = iri.first, first.isASCIILetter else { return false }
        for byte in iri.dropFirst() {
            if byte == colon { return true }
            guard byte.isASCIILetter || byte.isASCIIDigit || byte == 0x2B || byte == hyphen || byte == dot else {
                return false
            }
        }
        return false
    }

    private func describe(_ byte: UInt8) -> String {
        byte > 0x20 && byte < 0x7F ? "\"\(Character(Unicode.Scalar(byte)))\"" : "0x" + String(byte, radix: 16)
    }

    private func error(_ message: String, at position: Int? = nil) -> CredentialError {
        let position = position ?? index
        return .invalidNQuads(message, line: line, column: position - lineStart + 1)
    }
}

private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")
private let cr = UInt8(ascii: "\r")
private let lf = UInt8(ascii: "\n")
private let lt = UInt8(ascii: "<")
private let gt = UInt8(ascii: ">")
private let quote = UInt8(ascii: "\"")
private let backslash = UInt8(ascii: "\\")
private let underscore = UInt8(ascii: "_")
private let colon = UInt8(ascii: ":")
private let dot = UInt8(ascii: ".")
private let hash = UInt8(ascii: "#")
private let at = UInt8(ascii: "@")
private let caret = UInt8(ascii: "^")
private let hyphen = UInt8(ascii: "-")

extension UInt8 {
    fileprivate var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    fileprivate var isASCIIDigit: Bool { (0x30...0x39).contains(self) }
    fileprivate var hexValue: UInt8? {
        switch self {
        case 0x30...0x39: self - 0x30
        case 0x41...0x46: self - 0x41 + 10
        case 0x61...0x66: self - 0x61 + 10
        default: nil
        }
    }
}

extension Unicode.Scalar {
    /// PN_CHARS_BASE of the N-Quads grammar.
    fileprivate var isPNCharsBase: Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
            0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
            0x10000...0xEFFFF:
            true
        default: false
        }
    }

    /// PN_CHARS_U ::= PN_CHARS_BASE | '_' | ':'
    fileprivate var isPNCharsU: Bool { isPNCharsBase || self == "_" || self == ":" }

    /// PN_CHARS ::= PN_CHARS_U | '-' | [0-9] | #x00B7 | [#x0300-#x036F] | [#x203F-#x2040]
    fileprivate var isPNChars: Bool {
        if isPNCharsU { return true }
        switch value {
        case 0x2D, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }

    fileprivate var utf8Length: Int {
        switch value {
        case 0..<0x80: 1
        case 0x80..<0x800: 2
        case 0x800..<0x10000: 3
        default: 4
        }
    }
}
