/// JSON-LD 1.1 API §5.2: IRI Expansion.
extension JSONLDProcessor {
    /// IRI expansion outside context processing (steps 1-2 and 4-9).
    func expandIRI(
        _ value: String, in active: ActiveContext, documentRelative: Bool = false, vocab: Bool = false,
        definition lookup: TermLookup = .unknown
    ) -> String? {
        if Keywords.isKeyword(value) { return value }
        if Keywords.hasKeywordForm(value) { return nil }
        let definition = lookup.definition(of: value, in: active)
        if let definition, let iri = definition.iri, Keywords.isKeyword(iri) { return iri }
        if vocab, let definition { return definition.iri }
        if let colon = value.compactIRIColon {
            let prefix = String(value[..<colon])
            let suffix = value[value.utf8.index(after: colon)...]
            if prefix == "_" || suffix.utf8.starts(with: "//".utf8) { return value }
            if let prefixDefinition = active.terms[prefix], let iri = prefixDefinition.iri, prefixDefinition.isPrefix {
                return iri + suffix
            }
            if IRIReference.isAbsolute(value) { return value }
        }
        if vocab, let mapping = active.vocab { return mapping + value }
        if documentRelative { return IRIReference.resolve(value, against: active.baseIRI) }
        return value
    }

    /// IRI expansion during context processing: first defines `value` (or its prefix) from the local context.
    func expandIRI(
        _ value: String, in active: inout ActiveContext, scope: inout DefinitionScope, documentRelative: Bool = false,
        vocab: Bool = false
    ) throws(CredentialError) -> String? {
        if Keywords.isKeyword(value) { return value }
        if Keywords.hasKeywordForm(value) { return nil }
        if scope.local.contains(value) && scope.defined[value] != true {
            try createTermDefinition(value, in: &active, scope: &scope)
        }
        if let colon = value.compactIRIColon {
            let prefix = String(value[..<colon])
            let suffix = value[value.utf8.index(after: colon)...]
            if prefix != "_" && !suffix.utf8.starts(with: "//".utf8) && scope.local.contains(prefix)
                && scope.defined[prefix] != true
            {
                try createTermDefinition(prefix, in: &active, scope: &scope)
            }
        }
        return expandIRI(value, in: active, documentRelative: documentRelative, vocab: vocab)
    }
}
