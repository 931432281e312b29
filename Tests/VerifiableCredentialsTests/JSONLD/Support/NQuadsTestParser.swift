import VerifiableCredentials

/// A minimal N-Quads reader for comparing test output (the library's own parser lives on another branch).
enum NQuadsTestParser {
    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws -> [RDFQuad] {
        var quads: [RDFQuad] = []
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            var scanner = Scanner(scalars: Array(line.unicodeScalars))
            scanner.skipSpaces()
            if scanner.atEnd || scanner.peek == "#" { continue }
            var terms: [RDFTerm] = []
            while true {
                scanner.skipSpaces()
                guard let next = scanner.peek else { throw ParseError(description: "line \(number + 1): no final '.'") }
                if next == "." { break }
                terms.append(try scanner.term())
            }
            guard terms.count == 3 || terms.count == 4 else {
                throw ParseError(description: "line \(number + 1): \(terms.count) terms")
            }
            quads.append(
                RDFQuad(
                    subject: terms[0], predicate: terms[1], object: terms[2],
                    graph: terms.count == 4 ? terms[3] : nil))
        }
        return quads
    }

    private struct Scanner {
        var scalars: [Unicode.Scalar]
        var position = 0

        var atEnd: Bool { position >= scalars.count }
        var peek: Unicode.Scalar? { atEnd ? nil : scalars[position] }

        mutating func skipSpaces() {
            while let scalar = peek, scalar == " " || scalar == "\t" { position += 1 }
        }

        mutating func take(until stop: (Unicode.Scalar) -> Bool) -> String {
            var result = String.UnicodeScalarView()
            while let scalar = peek, !stop(scalar) {
                result.append(scalar)
                position += 1
            }
            return String(result)
        }

        mutating func term() throws -> RDFTerm {
            switch peek {
            case "<":
                position += 1
                let iri = try unescape(take { $0 == ">" })
                position += 1
                return .iri(iri)
            case "_":
                position += 2
                return .blankNode(take { $0 == " " || $0 == "\t" })
            case "\"":
                position += 1
                var raw = String.UnicodeScalarView()
                while let scalar = peek, scalar != "\"" {
                    raw.append(scalar)
                    position += 1
                    if scalar == "\\", let escaped = peek {
                        raw.append(escaped)
                        position += 1
                    }
                }
                position += 1
                let value = try unescape(String(raw))
                if peek == "@" {
                    position += 1
                    let language = take { $0 == " " || $0 == "\t" }
                    return .literal(RDFLiteral(value, language: language))
                }
                if peek == "^" {
                    position += 3
                    let datatype = try unescape(take { $0 == ">" })
                    position += 1
                    return .literal(RDFLiteral(value, datatype: datatype))
                }
                return .literal(RDFLiteral(value))
            default:
                throw ParseError(description: "unexpected character at \(position)")
            }
        }

        func unescape(_ text: String) throws -> String {
            guard text.contains("\\") else { return text }
            var result = String.UnicodeScalarView()
            var iterator = Array(text.unicodeScalars).makeIterator()
            while let scalar = iterator.next() {
                guard scalar == "\\", let code = iterator.next() else {
                    result.append(scalar)
                    continue
                }
                switch code {
                case "t": result.append("\t")
                case "b": result.append("\u{08}")
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "f": result.append("\u{0C}")
                case "\"": result.append("\"")
                case "'": result.append("'")
                case "\\": result.append("\\")
                case "u", "U":
                    var hex = ""
                    for _ in 0..<(code == "u" ? 4 : 8) { if let h = iterator.next() { hex.unicodeScalars.append(h) } }
                    guard let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) else {
                        throw ParseError(description: "bad escape \\\(code)\(hex)")
                    }
                    result.append(decoded)
                default: throw ParseError(description: "bad escape \\\(code)")
                }
            }
            return String(result)
        }
    }
}
