/// JSON-LD keywords and the predicates the algorithms use on strings.
enum Keywords {
    static let all: Set<String> = [
        "@base", "@container", "@context", "@default", "@direction", "@embed", "@explicit", "@graph", "@id",
        "@import", "@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@omitDefault",
        "@prefix", "@preserve", "@propagate", "@protected", "@requireAll", "@reverse", "@set", "@type", "@value",
        "@version", "@vocab",
    ]

    /// Every keyword starts with `@`, so other strings are settled without hashing them.
    static func isKeyword(_ value: String) -> Bool {
        value.utf8.first == UInt8(ascii: "@") && all.contains(value)
    }

    /// Matches the ABNF `"@"1*ALPHA`.
    static func hasKeywordForm(_ value: String) -> Bool {
        let bytes = value.utf8
        guard bytes.first == UInt8(ascii: "@"), bytes.count > 1 else { return false }
        return bytes.dropFirst().allSatisfy { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
    }

    static func isBlankNode(_ value: String) -> Bool {
        var bytes = value.utf8.makeIterator()
        return bytes.next() == UInt8(ascii: "_") && bytes.next() == UInt8(ascii: ":")
    }

    /// An absolute IRI or a blank node identifier.
    static func isIRIOrBlankNode(_ value: String) -> Bool { isBlankNode(value) || IRIReference.isAbsolute(value) }

    /// Characters RFC 3986 calls gen-delims.
    static func endsWithGenDelim(_ value: String) -> Bool {
        guard let last = value.last else { return false }
        return ":/?#[]@".contains(last)
    }

    /// A BCP 47 shaped language tag (letters, digits and hyphens, subtags of 1-8 characters).
    static func isWellFormedLanguage(_ value: String) -> Bool {
        let subtags = value.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = subtags.first, (1...8).contains(first.count),
            first.unicodeScalars.allSatisfy(\.isASCIILetter)
        else { return false }
        return subtags.dropFirst().allSatisfy { tag in
            (1...8).contains(tag.count)
                && tag.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) }
        }
    }
}

extension String {
    /// The first `:` after the first code point (where a compact IRI splits into prefix and suffix), found by
    /// bytes: `:` is ASCII, so this is code point semantics, as JSON-LD specifies.
    var compactIRIColon: String.Index? {
        let bytes = utf8
        guard var index = bytes.indices.first else { return nil }
        bytes.formIndex(after: &index)
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: ":") { return index }
            bytes.formIndex(after: &index)
        }
        return nil
    }

    /// Whether the string contains the ASCII character `ascii`, compared by bytes.
    func containsASCII(_ ascii: Unicode.Scalar) -> Bool {
        utf8.contains(UInt8(ascii: ascii))
    }

    static let rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xsdNS = "http://www.w3.org/2001/XMLSchema#"
}
