/// JSON-LD 1.1 API §5.1 steps 13-14: expanding the entries of one map into `state.result`.
extension JSONLDProcessor {
    func expandEntries(
        of element: JSONObject, active: ActiveContext, activeProperty: String?, state: inout ExpansionState,
        path: ExpansionPath
    ) throws(CredentialError) {
        var nests: [String] = []
        for member in element.members {
            let key = member.key
            let value = member.value
            let memberPath = path.appending(key)
            if key == "@context" { continue }
            let definition = active.terms[key]
            guard let property = expandIRI(key, in: active, vocab: true, definition: .known(definition)),
                property.containsASCII(":") || Keywords.isKeyword(property)
            else {
                if safeMode {
                    throw CredentialError(
                        .undefinedTerm, "the property \"\(key)\" is not defined by the context and would be dropped",
                        location: memberPath.description)
                }
                continue
            }
            if Keywords.isKeyword(property) {
                if property == "@nest" {
                    if activeProperty == "@reverse" {
                        throw .jsonLD(
                            .invalidReversePropertyMap, "@nest inside @reverse", location: memberPath.description)
                    }
                    nests.append(key)
                    continue
                }
                try expandKeyword(
                    property, value: value, active: active, activeProperty: activeProperty, state: &state,
                    path: memberPath)
                continue
            }
            try expandProperty(
                key, property: property, definition: definition, value: value, active: active, state: &state,
                path: memberPath)
        }
        // 14
        for nestingKey in nests {
            for nested in element[nestingKey]?.asArray ?? [] {
                guard let nestedObject = nested.objectValue,
                    !nestedObject.keys.contains(where: { expandIRI($0, in: active, vocab: true) == "@value" })
                else {
                    throw .jsonLD(.invalidNestValue, "a @nest value must be a node object", location: path.description)
                }
                var nestedActive = active
                if let definition = active.terms[nestingKey] {
                    nestedActive = try process(active, scopedBy: definition, overrideProtected: true)
                }
                try expandEntries(
                    of: nestedObject, active: nestedActive, activeProperty: activeProperty, state: &state,
                    path: path.appending(nestingKey))
            }
        }
    }

    /// Step 13.4 for one keyword entry other than `@nest`.
    private func expandKeyword(
        _ property: String, value: JSONValue, active: ActiveContext, activeProperty: String?,
        state: inout ExpansionState, path: ExpansionPath
    ) throws(CredentialError) {
        if activeProperty == "@reverse" {
            throw .jsonLD(
                .invalidReversePropertyMap, "a keyword cannot be used inside @reverse", location: path.description)
        }
        if state.result.contains(property) && property != "@included" && (property != "@type" || isJSONLD10) {
            throw .jsonLD(.collidingKeywords, "\(property) appears twice (through aliases)", location: path.description)
        }
        var expandedValue: JSONValue?
        switch property {
        case "@id":
            guard let id = value.stringValue else {
                throw .jsonLD(.invalidIdValue, "@id must be a string", location: path.description)
            }
            // An @id that expands to null (a keyword-like "@foo") leaves a node that never becomes RDF.
            expandedValue =
                try checkedIRI(expandIRI(id, in: active, documentRelative: true), original: id, path: path)
                .map(JSONValue.string) ?? .null
        case "@type":
            var types: [JSONValue] = []
            let items: [JSONValue]
            switch value {
            case .string: items = [value]
            case .array(let array) where array.allSatisfy({ $0.stringValue != nil }): items = array
            default:
                throw .jsonLD(
                    .invalidTypeValue, "@type must be a string or an array of strings", location: path.description)
            }
            for (offset, item) in items.enumerated() {
                let text = item.stringValue ?? ""
                let expanded = expandIRI(text, in: state.typeScopedContext, documentRelative: true, vocab: true)
                let itemPath = value.arrayValue == nil ? path : path.appending(offset)
                if let iri = try checkedType(expanded, original: text, path: itemPath) { types.append(.string(iri)) }
            }
            var newValue: JSONValue = value.arrayValue == nil && types.count == 1 ? types[0] : .array(types)
            if let existing = state.result["@type"] { newValue = .array(existing.asArray + types) }
            expandedValue = newValue
        case "@graph":
            let expanded = try expand(
                value, active: active, activeProperty: "@graph", baseURL: state.baseURL, path: path)
            expandedValue = .array(expanded?.asArray ?? [])
        case "@included":
            if isJSONLD10 { return }
            let expanded = try expand(
                value, active: active, activeProperty: "@included", baseURL: state.baseURL, path: path)
            let items = expanded?.asArray ?? []
            for item in items {
                guard let object = item.objectValue, !object.contains("@value"), !object.contains("@list"),
                    !object.contains("@set")
                else {
                    throw .jsonLD(.invalidIncludedValue, "@included must hold node objects", location: path.description)
                }
            }
            expandedValue = .array((state.result["@included"]?.asArray ?? []) + items)
        case "@value":
            if state.inputType == "@json" {
                if isJSONLD10 {
                    throw .jsonLD(.invalidValueObjectValue, "@json needs json-ld-1.1", location: path.description)
                }
                state.result["@value"] = value
                return
            }
            switch value {
            case .null:
                state.result["@value"] = .null
                return
            case .array, .object:
                throw .jsonLD(.invalidValueObjectValue, "@value must be a scalar or null", location: path.description)
            default: expandedValue = value
            }
        case "@language":
            guard value.stringValue != nil else {
                throw .jsonLD(.invalidLanguageTaggedString, "@language must be a string", location: path.description)
            }
            expandedValue = value
        case "@direction":
            if isJSONLD10 { return }
            guard value == "ltr" || value == "rtl" else {
                throw .jsonLD(
                    .invalidBaseDirection, "@direction must be \"ltr\" or \"rtl\"", location: path.description)
            }
            expandedValue = value
        case "@index":
            guard value.stringValue != nil else {
                throw .jsonLD(.invalidIndexValue, "@index must be a string", location: path.description)
            }
            expandedValue = value
        case "@list":
            if activeProperty == nil || activeProperty == "@graph" { return }
            let expanded = try expand(
                value, active: active, activeProperty: activeProperty, baseURL: state.baseURL, path: path)
            expandedValue = .array(expanded?.asArray ?? [])
        case "@set":
            expandedValue = try expand(
                value, active: active, activeProperty: activeProperty, baseURL: state.baseURL, path: path)
        case "@reverse":
            try expandReverse(value, active: active, state: &state, path: path)
            return
        default:
            // Framing keywords and others that expansion does not handle are ignored.
            return
        }
        if let expandedValue { state.result[property] = expandedValue }
    }

    private func expandReverse(
        _ value: JSONValue, active: ActiveContext, state: inout ExpansionState, path: ExpansionPath
    )
        throws(CredentialError)
    {
        guard value.objectValue != nil else {
            throw .jsonLD(.invalidReverseValue, "@reverse must be an object", location: path.description)
        }
        let expanded = try expand(value, active: active, activeProperty: "@reverse", baseURL: state.baseURL, path: path)
        guard let expandedObject = expanded?.objectValue else { return }
        if let doubleReversed = expandedObject["@reverse"]?.objectValue {
            for member in doubleReversed.members {
                Self.addValue(member.value, to: member.key, in: &state.result)
            }
        }
        var reverseMap = state.result["@reverse"]?.objectValue ?? JSONObject()
        var touched = false
        for member in expandedObject.members where member.key != "@reverse" {
            touched = true
            for item in member.value.asArray {
                if item["@value"] != nil || item["@list"] != nil {
                    throw .jsonLD(
                        .invalidReversePropertyValue, "a reverse property cannot hold values or lists",
                        location: path.description)
                }
                Self.addValue(item, to: member.key, in: &reverseMap)
            }
        }
        if touched { state.result["@reverse"] = .object(reverseMap) }
    }

    /// Safe mode: an `@id` that stays relative is an error; otherwise returns the expanded IRI.
    func checkedIRI(_ expanded: String?, original: String, path: ExpansionPath) throws(CredentialError) -> String? {
        if safeMode, let expanded, !Keywords.isIRIOrBlankNode(expanded) {
            throw CredentialError(
                .relativeIRI, "the identifier \"\(original)\" is not an absolute IRI", location: path.description)
        }
        return expanded
    }

    /// Safe mode: a type that does not expand to an absolute IRI is an error.
    func checkedType(_ expanded: String?, original: String, path: ExpansionPath) throws(CredentialError) -> String? {
        if safeMode, !(expanded.map(Keywords.isIRIOrBlankNode) ?? false) {
            throw CredentialError(
                .undefinedTerm, "the type \"\(original)\" is not defined by the context", location: path.description)
        }
        return expanded
    }
}
