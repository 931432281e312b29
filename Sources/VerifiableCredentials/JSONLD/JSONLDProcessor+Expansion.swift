/// JSON-LD 1.1 API §5.1: the Expansion algorithm (steps 1-12 and 14-20; step 13 is in `+ExpandEntries`).
extension JSONLDProcessor {
    /// Expands `element`; `nil` stands for JSON-LD's `null` (dropped).
    func expand(
        _ element: JSONValue, active activeIn: ActiveContext, activeProperty: String?,
        propertyDefinition lookup: TermLookup = .unknown, baseURL: String?, fromMap: Bool = false,
        path: ExpansionPath = .root
    ) throws(CredentialError) -> JSONValue? {
        var active = activeIn
        let propertyDefinition = lookup.definition(of: activeProperty, in: active)
        switch element {
        case .null:
            return nil
        case .array(let items):
            var result: [JSONValue] = []
            let isList = propertyDefinition?.container.contains(.list) ?? false
            for (offset, item) in items.enumerated() {
                guard
                    var expanded = try expand(
                        item, active: active, activeProperty: activeProperty,
                        propertyDefinition: .known(propertyDefinition), baseURL: baseURL, fromMap: fromMap,
                        path: path.appending(offset))
                else { continue }
                if isList, case .array = expanded { expanded = ["@list": expanded] }
                if case .array(let inner) = expanded {
                    result.append(contentsOf: inner)
                } else {
                    result.append(expanded)
                }
            }
            return .array(result)
        case .object(let object):
            // An object of a property, with a few members (not a lone value or reference), may have been met before.
            var memoKey: JSONLDExpansionMemo.Key?
            if let activeProperty, object.count >= 3 {
                memoKey = cache.expansions.key(
                    for: object, context: active.cacheID, activeProperty: activeProperty, baseURL: baseURL,
                    fromMap: fromMap, safeMode: safeMode, processingMode: processingMode)
            }
            if let memoKey, let expanded = cache.expansions.expanded(memoKey) { return expanded }
            let expanded = try expandObject(
                object, active: &active, activeProperty: activeProperty, propertyDefinition: propertyDefinition,
                baseURL: baseURL, fromMap: fromMap, path: path)
            if let memoKey { cache.expansions.store(expanded, for: memoKey) }
            return expanded
        default:
            if activeProperty == nil || activeProperty == "@graph" { return nil }
            // A property-scoped context changes the active context, where the property may be defined anew.
            if let definition = propertyDefinition, definition.localContext != nil {
                active = try process(active, scopedBy: definition)
                return try expandValue(element, active: active, activeProperty: activeProperty, path: path)
            }
            return try expandValue(
                element, active: active, activeProperty: activeProperty, definition: .known(propertyDefinition),
                path: path)
        }
    }

    private func expandObject(
        _ element: JSONObject, active: inout ActiveContext, activeProperty: String?,
        propertyDefinition: TermDefinition?,
        baseURL: String?, fromMap: Bool, path: ExpansionPath
    ) throws(CredentialError) -> JSONValue? {
        // 7
        if let previous = active.previousContext, !fromMap {
            var revert = true
            for member in element.members {
                let expanded = expandIRI(member.key, in: active, vocab: true)
                if expanded == "@value" || (element.count == 1 && expanded == "@id") {
                    revert = false
                    break
                }
            }
            if revert { active = previous.context }
        }
        // 8-9
        if let propertyDefinition, propertyDefinition.localContext != nil {
            active = try process(active, scopedBy: propertyDefinition, overrideProtected: true)
        }
        if let local = element["@context"] {
            active = try process(active, local: local, baseURL: baseURL)
        }
        // 10-11
        let typeScopedContext = active
        var inputType: String?
        var firstTypeKey = true
        // Only the keys that expand to @type are visited, in code point order (usually one: nothing to sort).
        var typeKeys = element.members.compactMap {
            expandIRI($0.key, in: active, vocab: true) == "@type" ? $0.key : nil
        }
        if typeKeys.count > 1 { typeKeys.sort(by: Self.codePointOrder) }
        for key in typeKeys {
            guard let value = element[key] else { continue }
            let terms = value.asArray.compactMap(\.stringValue)
            for term in terms.sorted(by: Self.codePointOrder) {
                if let definition = typeScopedContext.terms[term] {
                    active = try process(active, scopedBy: definition, propagate: false)
                }
            }
            if firstTypeKey, let last = value.asArray.last?.stringValue {
                inputType = expandIRI(last, in: active, vocab: true)
            }
            firstTypeKey = false
        }
        // 12-14
        var state = ExpansionState(
            result: JSONObject(), typeScopedContext: typeScopedContext, inputType: inputType, baseURL: baseURL)
        try expandEntries(of: element, active: active, activeProperty: activeProperty, state: &state, path: path)
        return try finishObject(state.result, activeProperty: activeProperty, path: path)
    }

    /// Steps 15-20.
    private func finishObject(_ resultIn: JSONObject, activeProperty: String?, path: ExpansionPath)
        throws(CredentialError) -> JSONValue?
    {
        var result = resultIn
        if let value = result["@value"] {
            if result.members.contains(where: { !Self.valueObjectKeys.contains($0.key) })
                || (result.contains("@type") && (result.contains("@language") || result.contains("@direction")))
            {
                throw .jsonLD(
                    .invalidValueObject, "a value object has entries that do not belong", location: path.description)
            }
            if result["@type"] == "@json" {
                // any JSON value is allowed
            } else if value.isNull || value == .array([]) {
                return nil
            } else if value.stringValue == nil && result.contains("@language") {
                throw .jsonLD(
                    .invalidLanguageTaggedValue, "only strings can have a language", location: path.description)
            } else if let type = result["@type"] {
                guard let iri = type.stringValue, IRIReference.isAbsolute(iri), !Keywords.isBlankNode(iri),
                    !iri.unicodeScalars.contains(where: { $0.properties.isWhitespace })
                else {
                    throw .jsonLD(.invalidTypedValue, "the @type of a value must be an IRI", location: path.description)
                }
            }
        } else if let type = result["@type"], type.arrayValue == nil {
            result["@type"] = [type]
        } else if result.contains("@set") || result.contains("@list") {
            if result.count > 2 || (result.count == 2 && !result.contains("@index")) {
                throw .jsonLD(
                    .invalidSetOrListObject, "@set and @list allow only @index beside them", location: path.description)
            }
            if let set = result["@set"] { return finishFreeFloating(set, activeProperty: activeProperty) }
        }
        return finishFreeFloating(.object(result), activeProperty: activeProperty)
    }

    /// Steps 18-19.
    private func finishFreeFloating(_ value: JSONValue, activeProperty: String?) -> JSONValue? {
        guard let object = value.objectValue else { return value }
        if object.count == 1 && object.contains("@language") { return nil }
        if activeProperty == nil || activeProperty == "@graph" {
            if object.isEmpty || object.contains("@value") || object.contains("@list") { return nil }
            if object.count == 1 && object.contains("@id") { return nil }
        }
        return value
    }

    /// The entries a value object may have.
    static let valueObjectKeys: Set<String> = ["@direction", "@index", "@language", "@type", "@value"]

    /// Sorting by Unicode code points, as the algorithms require (not by Swift's `String` collation).
    /// UTF-8 byte order is code point order, and comparing bytes is cheaper than comparing scalars.
    static func codePointOrder(_ a: String, _ b: String) -> Bool {
        CodeUnitOrder.utf8Precedes(a, b)
    }

    /// JSON-LD's "add value" with `as array` true.
    static func addValue(_ value: JSONValue, to key: String, in object: inout JSONObject) {
        var existing = object[key]?.asArray ?? []
        if case .array(let items) = value { existing.append(contentsOf: items) } else { existing.append(value) }
        object[key] = .array(existing)
    }
}

/// The per-object state of step 13 of the Expansion algorithm.
struct ExpansionState {
    var result: JSONObject
    var typeScopedContext: ActiveContext
    var inputType: String?
    var baseURL: String?
}
