/// JSON-LD 1.1 API §4.1: the Context Processing algorithm.
extension JSONLDProcessor {
    func processContext(
        _ active: ActiveContext, local localContext: JSONValue, baseURL: String?, remoteContexts: [String] = [],
        overrideProtected: Bool = false, propagate propagateIn: Bool = true, validateScoped: Bool = true
    ) throws(CredentialError) -> ActiveContext {
        // 1-3
        var result = active
        result.cacheID = cache.newID()
        var propagate = propagateIn
        if let value = localContext.objectValue?["@propagate"] {
            guard let flag = value.boolValue else {
                throw .jsonLD(.invalidPropagateValue, "@propagate must be true or false")
            }
            propagate = flag
        }
        if !propagate && result.previousContext == nil { result.previousContext = ContextBox(active) }
        var remoteContexts = remoteContexts
        // 4-5
        for item in localContext.asArray {
            switch item {
            case .null:
                if !overrideProtected && result.hasProtectedTerms {
                    throw .jsonLD(.invalidContextNullification, "a context with protected terms cannot be set to null")
                }
                let previous = result
                result = ActiveContext(base: active.originalBaseURL, cacheID: cache.newID())
                if !propagate { result.previousContext = ContextBox(previous) }
                continue
            case .string(let reference):
                let url = IRIReference.resolve(reference, against: baseURL)
                guard IRIReference.isAbsolute(url) else {
                    throw .jsonLD(.loadingDocumentFailed, "the context reference \(reference) is relative with no base")
                }
                if !validateScoped && remoteContexts.contains(url) { continue }
                if remoteContexts.count > Self.maximumRemoteContexts {
                    throw .jsonLD(.contextOverflow, "more than \(Self.maximumRemoteContexts) nested remote contexts")
                }
                remoteContexts.append(url)
                let loaded = try loadRemoteContext(url)
                result = try processContext(
                    result, local: loaded, baseURL: url, remoteContexts: remoteContexts,
                    overrideProtected: overrideProtected, validateScoped: validateScoped)
                continue
            case .object(let definition):
                result = try applyDefinition(
                    definition, to: result, baseURL: baseURL, remoteContexts: remoteContexts,
                    overrideProtected: overrideProtected, validateScoped: validateScoped)
            default:
                throw .jsonLD(
                    .invalidLocalContext, "a context must be null, a string or an object, not \(item.kindDescription)")
            }
        }
        return result
    }

    /// Steps 5.5-5.13 for one context definition.
    private func applyDefinition(
        _ definitionIn: JSONObject, to resultIn: ActiveContext, baseURL: String?, remoteContexts: [String],
        overrideProtected: Bool, validateScoped: Bool
    ) throws(CredentialError) -> ActiveContext {
        var result = resultIn
        var context = definitionIn
        if let version = context["@version"] {
            guard version.numberValue == 1.1 else {
                throw .jsonLD(.invalidVersionValue, "@version must be 1.1")
            }
            if isJSONLD10 { throw .jsonLD(.processingModeConflict, "@version 1.1 in json-ld-1.0 mode") }
        }
        if let importValue = context["@import"] {
            if isJSONLD10 { throw .jsonLD(.invalidContextEntry, "@import is not allowed in json-ld-1.0 mode") }
            guard let reference = importValue.stringValue else {
                throw .jsonLD(.invalidImportValue, "@import must be a string")
            }
            let url = IRIReference.resolve(reference, against: baseURL)
            let imported = try loadRemoteContext(url)
            guard let importedObject = imported.objectValue else {
                throw .jsonLD(.invalidRemoteContext, "the imported context \(url) is not an object")
            }
            if importedObject.contains("@import") {
                throw .jsonLD(.invalidContextEntry, "the imported context \(url) has its own @import")
            }
            var merged = importedObject
            for member in context.members { merged[member.key] = member.value }
            context = merged
        }
        if let base = context["@base"], remoteContexts.isEmpty {
            switch base {
            case .null: result.baseIRI = nil
            case .string(let value) where IRIReference.isAbsolute(value): result.baseIRI = value
            case .string(let value) where result.baseIRI != nil:
                result.baseIRI = IRIReference.resolve(value, against: result.baseIRI)
            default: throw .jsonLD(.invalidBaseIRI, "@base must be an IRI or null")
            }
        }
        if let vocab = context["@vocab"] {
            switch vocab {
            case .null: result.vocab = nil
            case .string(let value):
                guard Keywords.isBlankNode(value) || IRIReference.isAbsolute(value) || !isJSONLD10 else {
                    throw .jsonLD(.invalidVocabMapping, "@vocab must be an IRI in json-ld-1.0 mode")
                }
                guard let expanded = expandIRI(value, in: result, documentRelative: true, vocab: true),
                    Keywords.isIRIOrBlankNode(expanded) || expanded.isEmpty
                else { throw .jsonLD(.invalidVocabMapping, "@vocab \(value) is not an IRI") }
                result.vocab = expanded
            default: throw .jsonLD(.invalidVocabMapping, "@vocab must be a string or null")
            }
        }
        if let language = context["@language"] {
            switch language {
            case .null: result.defaultLanguage = nil
            case .string(let value): result.defaultLanguage = value
            default: throw .jsonLD(.invalidDefaultLanguage, "@language must be a string or null")
            }
        }
        if let direction = context["@direction"] {
            if isJSONLD10 { throw .jsonLD(.invalidContextEntry, "@direction is not allowed in json-ld-1.0 mode") }
            switch direction {
            case .null: result.defaultDirection = nil
            case .string(let value) where value == "ltr" || value == "rtl": result.defaultDirection = value
            default: throw .jsonLD(.invalidBaseDirection, "@direction must be \"ltr\", \"rtl\" or null")
            }
        }
        if context.contains("@propagate") {
            if isJSONLD10 { throw .jsonLD(.invalidContextEntry, "@propagate is not allowed in json-ld-1.0 mode") }
            guard context["@propagate"]?.boolValue != nil else {
                throw .jsonLD(.invalidPropagateValue, "@propagate must be true or false")
            }
        }
        var protected = false
        if let value = context["@protected"] {
            guard let flag = value.boolValue else {
                throw .jsonLD(.invalidProtectedValue, "@protected must be true or false")
            }
            protected = flag
        }
        var scope = DefinitionScope(
            local: context, defined: [:], baseURL: baseURL, protected: protected,
            overrideProtected: overrideProtected, remoteContexts: remoteContexts, validateScoped: validateScoped)
        for key in context.keys where !Self.contextOnlyKeywords.contains(key) {
            try createTermDefinition(key, in: &result, scope: &scope)
        }
        return result
    }

    static let contextOnlyKeywords: Set<String> = [
        "@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab",
    ]
}

/// The inputs of Create Term Definition that stay the same while one context definition is processed.
struct DefinitionScope {
    var local: JSONObject
    var defined: [String: Bool]
    var baseURL: String?
    var protected: Bool
    var overrideProtected: Bool
    var remoteContexts: [String]
    var validateScoped: Bool
}
