/// JSON-LD keywords and the predicates the algorithms use on strings.
enum Keywords {
    static let all: Set<String> = [
        "@base", "@container", "@context", "@default", "@direction", "@embed", "@explicit", "@graph", "@id",
        "@import", "@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@omitDefault",
        "@prefix", "@preserve", "@propagate", "@protected", "@requireAll", "@reverse", "@set", "@type", "@value",
        "@version", "@vocab",
    ]

    static func isKeyword(_ value: String) -> Bool { all.contains(value) }

    /// Matches the ABNF `"@"1*ALPHA`.
    static func hasKeywordForm(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        guard scalars.count > 1, scalars.first == "@" else { return false }
        return scalars.dropFirst().allSatisfy(\.isASCIILetter)
    }

    static func isBlankNode(_ value: String) -> Bool { value.hasPrefix("_:") }

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
    static let rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xsdNS = "http://www.w3.org/2001/XMLSchema#"
}
