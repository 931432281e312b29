/// JSON-LD 1.1 API §4.2: Create Term Definition.
extension JSONLDProcessor {
    static let termDefinitionKeys: Set<String> = [
        "@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix",
        "@protected", "@type",
    ]

    func createTermDefinition(
        _ term: String, in active: inout ActiveContext, scope: inout DefinitionScope
    ) throws(CredentialError) {
        // 1-2
        if let state = scope.defined[term] {
            if state { return }
            throw .jsonLD(.cyclicIRIMapping, "the definition of \"\(term)\" depends on itself")
        }
        if term.isEmpty { throw .jsonLD(.invalidTermDefinition, "the empty string cannot be a term") }
        scope.defined[term] = false
        // 3-5
        let rawValue = scope.local[term] ?? .null
        if term == "@type" {
            if isJSONLD10 { throw .jsonLD(.keywordRedefinition, "@type cannot be redefined in json-ld-1.0 mode") }
            guard let object = rawValue.objectValue, !object.isEmpty,
                object.keys.allSatisfy({ $0 == "@container" || $0 == "@protected" }),
                object["@container"].map({ $0 == "@set" }) ?? true
            else { throw .jsonLD(.keywordRedefinition, "@type may only be given @container @set and @protected") }
        } else if Keywords.isKeyword(term) {
            throw .jsonLD(.keywordRedefinition, "the keyword \(term) cannot be redefined")
        } else if Keywords.hasKeywordForm(term) {
            scope.defined[term] = true
            return
        }
        // 6-9
        let previous = active.terms.removeValue(forKey: term)
        let value: JSONObject
        var simpleTerm = false
        switch rawValue {
        case .null: value = JSONObject([.init(key: "@id", value: .null)])
        case .string:
            value = JSONObject([.init(key: "@id", value: rawValue)])
            simpleTerm = true
        case .object(let object): value = object
        default: throw .jsonLD(.invalidTermDefinition, "the definition of \"\(term)\" must be a string, object or null")
        }
        // 10-11
        var definition = TermDefinition()
        definition.isProtected = scope.protected
        if let protectedValue = value["@protected"] {
            if isJSONLD10 { throw .jsonLD(.invalidTermDefinition, "@protected is not allowed in json-ld-1.0 mode") }
            guard let flag = protectedValue.boolValue else {
                throw .jsonLD(.invalidProtectedValue, "@protected of \"\(term)\" must be true or false")
            }
            definition.isProtected = flag
        }
        // 12
        if let typeValue = value["@type"] {
            guard let type = typeValue.stringValue else {
                throw .jsonLD(.invalidTypeMapping, "the @type of \"\(term)\" must be a string")
            }
            let expanded = try expandIRI(type, in: &active, scope: &scope, vocab: true)
            if (expanded == "@json" || expanded == "@none") && isJSONLD10 {
                throw .jsonLD(.invalidTypeMapping, "\(type) is not allowed in json-ld-1.0 mode")
            }
            guard let expanded,
                ["@id", "@json", "@none", "@vocab"].contains(expanded)
                    || (IRIReference.isAbsolute(expanded) && !Keywords.isBlankNode(expanded))
            else { throw .jsonLD(.invalidTypeMapping, "the @type \(type) of \"\(term)\" is not an IRI") }
            definition.typeMapping = expanded
        }
        // 13-18
        if let reverseValue = value["@reverse"] {
            if value.contains("@id") || value.contains("@nest") {
                throw .jsonLD(.invalidReverseProperty, "\"\(term)\" has @reverse with @id or @nest")
            }
            guard let reverse = reverseValue.stringValue else {
                throw .jsonLD(.invalidIRIMapping, "@reverse of \"\(term)\" must be a string")
            }
            if Keywords.hasKeywordForm(reverse) {
                scope.defined[term] = true
                return
            }
            guard let iri = try expandIRI(reverse, in: &active, scope: &scope, vocab: true),
                Keywords.isIRIOrBlankNode(iri)
            else { throw .jsonLD(.invalidIRIMapping, "@reverse of \"\(term)\" is not an IRI") }
            definition.iri = iri
            if let container = value["@container"] {
                guard container == "@set" || container == "@index" || container.isNull else {
                    throw .jsonLD(
                        .invalidReverseProperty, "a reverse property only supports @set and @index containers")
                }
            }
            definition.isReverse = true
        } else if let idValue = value["@id"], idValue.stringValue != term {
            if !idValue.isNull {
                guard let id = idValue.stringValue else {
                    throw .jsonLD(.invalidIRIMapping, "@id of \"\(term)\" must be a string")
                }
                if !Keywords.isKeyword(id) && Keywords.hasKeywordForm(id) {
                    scope.defined[term] = true
                    return
                }
                guard let iri = try expandIRI(id, in: &active, scope: &scope, vocab: true),
                    Keywords.isKeyword(iri) || Keywords.isIRIOrBlankNode(iri)
                else { throw .jsonLD(.invalidIRIMapping, "@id \(id) of \"\(term)\" is not an IRI") }
                if iri == "@context" { throw .jsonLD(.invalidKeywordAlias, "@context cannot be aliased") }
                definition.iri = iri
                let innerColon = term.dropFirst().dropLast().contains(":")
                if innerColon || term.contains("/") {
                    scope.defined[term] = true
                    let termIRI = try expandIRI(term, in: &active, scope: &scope, vocab: true)
                    if termIRI != iri {
                        throw .jsonLD(.invalidIRIMapping, "\"\(term)\" looks like an IRI but maps to \(iri)")
                    }
                }
                if !term.contains(":") && !term.contains("/") && simpleTerm
                    && (Keywords.endsWithGenDelim(iri) || Keywords.isBlankNode(iri))
                {
                    definition.isPrefix = true
                }
            }
        } else if let colon = term.dropFirst().firstIndex(of: ":") {
            let prefix = String(term[..<colon])
            let suffix = term[term.index(after: colon)...]
            if scope.local.contains(prefix) { try createTermDefinition(prefix, in: &active, scope: &scope) }
            if let prefixIRI = active.terms[prefix]?.iri {
                definition.iri = prefixIRI + suffix
            } else {
                definition.iri = term
            }
        } else if term.contains("/") {
            guard let iri = expandIRI(term, in: active, vocab: true), IRIReference.isAbsolute(iri) else {
                throw .jsonLD(.invalidIRIMapping, "\"\(term)\" is a relative IRI with no base")
            }
            definition.iri = iri
        } else if term == "@type" {
            definition.iri = "@type"
        } else if let vocab = active.vocab {
            definition.iri = vocab + term
        } else {
            throw .jsonLD(.invalidIRIMapping, "\"\(term)\" has no @id and there is no @vocab")
        }
        // 19
        if let containerValue = value["@container"] {
            definition.container = try containerMapping(containerValue, term: term)
            if definition.container.contains(.type) {
                if definition.typeMapping == nil { definition.typeMapping = "@id" }
                guard definition.typeMapping == "@id" || definition.typeMapping == "@vocab" else {
                    throw .jsonLD(.invalidTypeMapping, "a @type container needs @type @id or @vocab on \"\(term)\"")
                }
            }
        }
        // 20
        if let indexValue = value["@index"] {
            guard !isJSONLD10, definition.container.contains(.index) else {
                throw .jsonLD(.invalidTermDefinition, "@index on \"\(term)\" needs an @index container")
            }
            guard let index = indexValue.stringValue, !Keywords.isKeyword(index),
                let expanded = expandIRI(index, in: active, vocab: true), IRIReference.isAbsolute(expanded)
            else { throw .jsonLD(.invalidTermDefinition, "@index of \"\(term)\" must expand to an IRI") }
            definition.index = index
        }
        // 21
        if let scoped = value["@context"] {
            if isJSONLD10 { throw .jsonLD(.invalidTermDefinition, "scoped contexts need json-ld-1.1") }
            do {
                _ = try processContext(
                    active, local: scoped, baseURL: scope.baseURL, remoteContexts: scope.remoteContexts,
                    overrideProtected: true, validateScoped: false)
            } catch {
                if error.code == .unknownContext { throw error }
                throw .jsonLD(.invalidScopedContext, "the scoped context of \"\(term)\" is invalid: \(error.message)")
            }
            definition.localContext = scoped
            definition.localContextID = cache.intern(scoped)
            definition.baseURL = scope.baseURL
        }
        // 22-23
        if let language = value["@language"], !value.contains("@type") {
            switch language {
            case .null: definition.language = .some(nil)
            case .string(let tag): definition.language = .some(tag)
            default: throw .jsonLD(.invalidLanguageMapping, "@language of \"\(term)\" must be a string or null")
            }
        }
        if let direction = value["@direction"], !value.contains("@type") {
            switch direction {
            case .null: definition.direction = .some(nil)
            case .string(let dir) where dir == "ltr" || dir == "rtl": definition.direction = .some(dir)
            default: throw .jsonLD(.invalidBaseDirection, "@direction of \"\(term)\" must be ltr, rtl or null")
            }
        }
        // 24
        if let nestValue = value["@nest"] {
            if isJSONLD10 { throw .jsonLD(.invalidTermDefinition, "@nest needs json-ld-1.1") }
            guard let nest = nestValue.stringValue, nest == "@nest" || !Keywords.isKeyword(nest) else {
                throw .jsonLD(.invalidNestValue, "@nest of \"\(term)\" must be a term or @nest")
            }
            definition.nest = nest
        }
        // 25
        if let prefixValue = value["@prefix"] {
            if isJSONLD10 || term.contains(":") || term.contains("/") {
                throw .jsonLD(.invalidTermDefinition, "@prefix is not allowed on \"\(term)\"")
            }
            guard let flag = prefixValue.boolValue else {
                throw .jsonLD(.invalidPrefixValue, "@prefix of \"\(term)\" must be true or false")
            }
            definition.isPrefix = flag
            if flag, let iri = definition.iri, Keywords.isKeyword(iri) {
                throw .jsonLD(.invalidTermDefinition, "the keyword alias \"\(term)\" cannot be a prefix")
            }
        }
        // 26
        if let extra = value.keys.first(where: { !Self.termDefinitionKeys.contains($0) }) {
            throw .jsonLD(.invalidTermDefinition, "\"\(term)\" has the unknown entry \(extra)")
        }
        // 27-28
        if !scope.overrideProtected, let previous, previous.isProtected {
            guard definition.sameDefinition(as: previous) else {
                throw .jsonLD(.protectedTermRedefinition, "the protected term \"\(term)\" cannot be redefined")
            }
            definition = previous
        }
        cache.templates.noteTerm(term)
        active.terms[term] = definition
        scope.defined[term] = true
    }

    private func containerMapping(_ value: JSONValue, term: String) throws(CredentialError) -> ContainerMapping {
        var mapping: ContainerMapping = []
        for keyword in try containerKeywords(value, term: term) {
            if let flag = ContainerMapping(keyword: keyword) { mapping.insert(flag) }
        }
        return mapping
    }

    /// The validated `@container` keywords of a term definition.
    private func containerKeywords(_ value: JSONValue, term: String) throws(CredentialError) -> Set<String> {
        let invalid = CredentialError.jsonLD(.invalidContainerMapping, "the @container of \"\(term)\" is not valid")
        if isJSONLD10 {
            guard let single = value.stringValue, ["@list", "@set", "@index", "@language"].contains(single) else {
                throw invalid
            }
            return [single]
        }
        var items: [String] = []
        for item in value.asArray {
            guard let string = item.stringValue else { throw invalid }
            items.append(string)
        }
        let set = Set(items)
        guard set.count == items.count, !set.isEmpty else { throw invalid }
        let allowed: Set<String> = ["@graph", "@id", "@index", "@language", "@list", "@set", "@type"]
        guard set.isSubset(of: allowed) else { throw invalid }
        if set.count == 1 { return set }
        if set.contains("@list") { throw invalid }
        if set.contains("@graph") {
            let rest = set.subtracting(["@graph", "@set"])
            guard rest.isEmpty || rest == ["@id"] || rest == ["@index"] else { throw invalid }
            return set
        }
        guard set.contains("@set"), set.count == 2 else { throw invalid }
        return set
    }
}
