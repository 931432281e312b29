/// RFC 3986 reference resolution (§5.2) and the IRI shape checks JSON-LD needs.
enum IRIReference {
    struct Parts {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?
    }

    /// Splits a reference into its five components (RFC 3986 appendix B).
    static func parse(_ reference: String) -> Parts {
        var rest = Substring(reference)
        var parts = Parts(path: "")
        if let hash = rest.firstIndex(of: "#") {
            parts.fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            parts.query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        if let colon = rest.firstIndex(of: ":"), isScheme(rest[..<colon]) {
            parts.scheme = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            parts.authority = String(rest[..<end])
            rest = rest[end...]
        }
        parts.path = String(rest)
        return parts
    }

    static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIILetter else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCIILetter || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)
        }
    }

    /// Whether `value` has a scheme, i.e. is an absolute IRI (possibly with a fragment).
    static func isAbsolute(_ value: String) -> Bool {
        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":"; checked on bytes (all ASCII).
        var text = value
        return text.withUTF8 { bytes in
            guard let first = bytes.first, (first | 0x20) >= UInt8(ascii: "a"), (first | 0x20) <= UInt8(ascii: "z")
            else { return false }
            for byte in bytes.dropFirst() {
                switch byte {
                case UInt8(ascii: ":"): return true
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                    continue
                default: return false
                }
            }
            return false
        }
    }

    /// Resolves `reference` against `base` (RFC 3986 §5.2.2, strict).
    static func resolve(_ reference: String, against base: String?) -> String {
        guard let base else { return reference }
        let r = parse(reference)
        let b = parse(base)
        var t = Parts(path: "")
        if r.scheme != nil {
            t.scheme = r.scheme
            t.authority = r.authority
            t.path = removeDotSegments(r.path)
            t.query = r.query
        } else {
            if r.authority != nil {
                t.authority = r.authority
                t.path = removeDotSegments(r.path)
                t.query = r.query
            } else {
                if r.path.isEmpty {
                    t.path = b.path
                    t.query = r.query ?? b.query
                } else {
                    if r.path.hasPrefix("/") {
                        t.path = removeDotSegments(r.path)
                    } else {
                        t.path = removeDotSegments(merge(base: b, path: r.path))
                    }
                    t.query = r.query
                }
                t.authority = b.authority
            }
            t.scheme = b.scheme
        }
        t.fragment = r.fragment
        return recompose(t)
    }

    private static func merge(base: Parts, path: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return String(base.path[...slash]) + path
    }

    /// RFC 3986 §5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        var input = Substring(path)
        var output: [Substring] = []  // segments, each starting with "/" except possibly the first
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." {
                input = ""
            } else {
                let start = input.hasPrefix("/") ? input.index(after: input.startIndex) : input.startIndex
                let end = input[start...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[..<end])
                input = input[end...]
            }
        }
        return output.joined()
    }

    private static func recompose(_ t: Parts) -> String {
        var result = ""
        if let scheme = t.scheme { result += scheme + ":" }
        if let authority = t.authority { result += "//" + authority }
        result += t.path
        if let query = t.query { result += "?" + query }
        if let fragment = t.fragment { result += "#" + fragment }
        return result
    }

    /// Whether `value` is an absolute IRI without characters IRIs forbid (spaces, `<>"{}|\^` and backtick).
    static func isWellFormedIRI(_ value: String) -> Bool {
        guard isAbsolute(value) else { return false }
        var text = value
        return text.withUTF8 { fragmentCount($0).map { $0 <= 1 } ?? false }
    }

    /// How many `#`s `bytes` (part of an IRI) has, or `nil` when it has a byte no IRI may have.
    static func fragmentCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var fragments = 0
        for unit in bytes {
            switch unit {
            case 0...0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"),
                UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"):
                return nil
            case UInt8(ascii: "#"):
                fragments += 1
            default:
                continue
            }
        }
        return fragments
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
