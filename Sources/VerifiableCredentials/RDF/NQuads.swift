/// Reading and writing N-Quads documents (RDF 1.1 N-Quads), with the canonical form of RDFC-1.0 Appendix A.
///
/// The writer always produces *canonical* N-Quads: single spaces between terms, ` .` and a line feed after
/// each quad, simple (`xsd:string`) literals without their datatype, and only the escapes that Appendix A
/// requires: `\b \t \n \f \r \" \\` as ECHAR, and U+0000–U+0007, U+000B, U+000E–U+001F, U+007F, U+FFFE and
/// U+FFFF as `\uXXXX` with uppercase hex digits. Everything else, IRIs included, is written as raw UTF-8.
public enum NQuads {
    /// Parses an N-Quads document into a dataset, in document order (duplicates kept).
    public static func parse(_ text: String) throws(CredentialError) -> RDFDataset {
        try NQuadsParser.parse(Array(text.utf8))
    }

    /// Parses an N-Quads document given as UTF-8 bytes; invalid UTF-8 is rejected.
    public static func parse(bytes: some Collection<UInt8>) throws(CredentialError) -> RDFDataset {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CredentialError(.invalidUTF8, "the N-Quads document is not valid UTF-8")
        }
        return try NQuadsParser.parse(Array(text.utf8))
    }

    /// One quad in canonical N-Quads form, ending with a line feed.
    public static func line(for quad: RDFQuad) -> String {
        var bytes: [UInt8] = []
        appendLine(for: quad, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The quads in canonical N-Quads form, one line each, in the given order.
    ///
    /// This does not sort or remove duplicates; ``RDFCanonicalizer`` does both.
    public static func serialize(_ quads: some Sequence<RDFQuad>) -> String {
        var bytes: [UInt8] = []
        for quad in quads { appendLine(for: quad, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One term in canonical N-Quads form (`<iri>`, `_:label` or a literal).
    public static func term(_ term: RDFTerm) -> String {
        var bytes: [UInt8] = []
        appendTerm(term, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Byte-level writers shared with the canonicalizer

    static func appendLine(for quad: RDFQuad, to bytes: inout [UInt8]) {
        appendTerm(quad.subject, to: &bytes)
        bytes.append(.space)
        appendTerm(quad.predicate, to: &bytes)
        bytes.append(.space)
        appendTerm(quad.object, to: &bytes)
        if let graph = quad.graph {
            bytes.append(.space)
            appendTerm(graph, to: &bytes)
        }
        bytes.append(contentsOf: lineEnd)
    }

    static func appendTerm(_ term: RDFTerm, to bytes: inout [UInt8]) {
        switch term {
        case .iri(let iri):
            bytes.append(UInt8(ascii: "<"))
            bytes.append(contentsOf: iri.utf8)
            bytes.append(UInt8(ascii: ">"))
        case .blankNode(let label):
            appendBlankNode(label.utf8, to: &bytes)
        case .literal(let literal):
            appendLiteral(literal, to: &bytes)
        }
    }

    static func appendBlankNode(_ label: some Sequence<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "_"))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: label)
    }

    /// ` .\n`, the end of every canonical line.
    static let lineEnd: [UInt8] = [.space, UInt8(ascii: "."), UInt8(ascii: "\n")]

    static func appendLiteral(_ literal: RDFLiteral, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        appendEscaped(literal.value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        if let language = literal.language {
            bytes.append(UInt8(ascii: "@"))
            bytes.append(contentsOf: language.utf8)
        } else if literal.datatype != RDFLiteral.xsdString {
            bytes.append(UInt8(ascii: "^"))
            bytes.append(UInt8(ascii: "^"))
            bytes.append(UInt8(ascii: "<"))
            bytes.append(contentsOf: literal.datatype.utf8)
            bytes.append(UInt8(ascii: ">"))
        }
    }

    /// Writes a literal's lexical form with the escapes of RDFC-1.0 Appendix A, straight from its UTF-8: every
    /// escaped character but U+FFFE and U+FFFF is ASCII, and those two are the only scalars whose UTF-8 is
    /// `EF BF BE` and `EF BF BF`; runs of bytes between escapes are copied as they are.
    static func appendEscaped(_ value: String, to bytes: inout [UInt8]) {
        var text = value
        text.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            while index < utf8.count {
                if index + 8 <= utf8.count, let base = utf8.baseAddress,
                    !mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                    continue
                }
                let byte = utf8[index]
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F && byte != 0xEF {
                    index += 1
                    continue
                }
                var length = 1
                var scalar = UInt32(byte)
                if byte == 0xEF {
                    guard index + 2 < utf8.count, utf8[index + 1] == 0xBF, utf8[index + 2] & 0xFE == 0xBE else {
                        index += 1
                        continue
                    }
                    length = 3
                    scalar = utf8[index + 2] == 0xBE ? 0xFFFE : 0xFFFF
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(of: scalar, to: &bytes)
                index += length
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
    }

    /// Whether any of eight bytes is below 0x20 or is 0x22, 0x5C, 0x7F or 0xEF (the bytes ``appendEscaped(_:to:)``
    /// looks at), tested on all eight at once; exact, never a false "no".
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let below0x20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below0x20 || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
            || hasZeroByte(word ^ (ones &* 0x7F)) || hasZeroByte(word ^ (ones &* 0xEF))
    }

    /// The escape of a character RDFC-1.0 Appendix A escapes: `\b \t \n \f \r \" \\`, or `\uXXXX` for the
    /// other control characters, U+007F, U+FFFE and U+FFFF.
    private static func appendEscape(of scalar: UInt32, to bytes: inout [UInt8]) {
        bytes.append(.backslash)
        switch scalar {
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x22: bytes.append(UInt8(ascii: "\""))
        case 0x5C: bytes.append(.backslash)
        default:
            bytes.append(UInt8(ascii: "u"))
            for shift in stride(from: 12, through: 0, by: -4) {
                bytes.append(upperHexDigits[Int((scalar >> UInt32(shift)) & 0xF)])
            }
        }
    }

    private static let upperHexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}

extension UInt8 {
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let backslash = UInt8(ascii: "\\")
}
