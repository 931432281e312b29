/// JSON-LD 1.1 API §5.1 steps 13.5-13.14 (a non-keyword entry) and §5.3 Value Expansion.
extension JSONLDProcessor {
    func expandProperty(
        _ key: String, property: String, definition: TermDefinition?, value: JSONValue, active: ActiveContext,
        state: inout ExpansionState, path: ExpansionPath
    ) throws(CredentialError) {
        let container = definition?.container ?? []
        var expandedValue: JSONValue?
        if definition?.typeMapping == "@json" {
            expandedValue = ["@value": value, "@type": "@json"]
        } else if container.contains(.language), let map = value.objectValue {
            expandedValue = try expandLanguageMap(map, definition: definition, active: active, path: path)
        } else if !container.isDisjoint(with: [.index, .type, .id]), let map = value.objectValue {
            expandedValue = try expandIndexMap(
                map, key: key, container: container, definition: definition, active: active,
                baseURL: state.baseURL, path: path)
        } else {
            expandedValue = try expand(
                value, active: active, activeProperty: key, propertyDefinition: .known(definition),
                baseURL: state.baseURL, path: path)
        }
        guard var expandedValue else { return }
        if container.contains(.list) && expandedValue["@list"] == nil {
            expandedValue = ["@list": .array(expandedValue.asArray)]
        }
        if container.contains(.graph) && !container.contains(.id) && !container.contains(.index) {
            expandedValue = .array(expandedValue.asArray.map { ["@graph": .array($0.asArray)] })
        }
        if definition?.isReverse == true {
            var reverseMap = state.result["@reverse"]?.objectValue ?? JSONObject()
            for item in expandedValue.asArray {
                if item["@value"] != nil || item["@list"] != nil {
                    throw .jsonLD(
                        .invalidReversePropertyValue, "a reverse property cannot hold values or lists",
                        location: path.description)
                }
                Self.addValue(item, to: property, in: &reverseMap)
            }
            state.result["@reverse"] = .object(reverseMap)
        } else {
            Self.addValue(expandedValue, to: property, in: &state.result)
        }
    }

    /// Step 13.7.
    private func expandLanguageMap(
        _ map: JSONObject, definition: TermDefinition?, active: ActiveContext, path: ExpansionPath
    ) throws(CredentialError) -> JSONValue {
        var result: [JSONValue] = []
        var direction = active.defaultDirection
        if let mapped = definition?.direction { direction = mapped }
        for member in map.members {
            for item in member.value.asArray {
                if item.isNull { continue }
                guard let text = item.stringValue else {
                    throw .jsonLD(
                        .invalidLanguageMapValue, "language map values must be strings", location: path.description)
                }
                var object = JSONObject([.init(key: "@value", value: .string(text))])
                if member.key != "@none" && expandIRI(member.key, in: active, vocab: true) != "@none" {
                    object["@language"] = .string(member.key)
                }
                if let direction { object["@direction"] = .string(direction) }
                result.append(.object(object))
            }
        }
        return .array(result)
    }

    /// Step 13.8: index, id and type maps.
    private func expandIndexMap(
        _ map: JSONObject, key: String, container: ContainerMapping, definition: TermDefinition?, active: ActiveContext,
        baseURL: String?, path: ExpansionPath
    ) throws(CredentialError) -> JSONValue {
        var result: [JSONValue] = []
        let indexKey = definition?.index ?? "@index"
        for member in map.members {
            let index = member.key
            var mapContext = active
            if container.contains(.id) || container.contains(.type) {
                mapContext = active.previousContext?.context ?? active
            }
            if container.contains(.type), let indexDefinition = mapContext.terms[index] {
                mapContext = try process(mapContext, scopedBy: indexDefinition)
            }
            let expandedIndex = expandIRI(index, in: active, vocab: true)
            let memberPath = path.appending(index)
            let items =
                try expand(
                    .array(member.value.asArray), active: mapContext, activeProperty: key, baseURL: baseURL,
                    fromMap: true, path: memberPath)?.asArray ?? []
            for var item in items {
                if container.contains(.graph) && item["@graph"] == nil {
                    item = ["@graph": .array(item.asArray)]
                }
                guard var object = item.objectValue else {
                    result.append(item)
                    continue
                }
                if container.contains(.index) && indexKey != "@index" && expandedIndex != "@none" {
                    let reExpanded = try expandValue(
                        .string(index), active: active, activeProperty: indexKey, path: memberPath)
                    let expandedIndexKey = expandIRI(indexKey, in: active, vocab: true) ?? indexKey
                    let values = [reExpanded ?? .null] + (object[expandedIndexKey]?.asArray ?? [])
                    object[expandedIndexKey] = .array(values)
                    if object.contains("@value") {
                        throw .jsonLD(
                            .invalidValueObject, "a value in a property-valued index", location: memberPath.description)
                    }
                } else if container.contains(.index) && !object.contains("@index") && expandedIndex != "@none" {
                    object["@index"] = .string(index)
                } else if container.contains(.id) && !object.contains("@id") && expandedIndex != "@none" {
                    let id = try checkedIRI(
                        expandIRI(index, in: active, documentRelative: true), original: index, path: memberPath)
                    if let id { object["@id"] = .string(id) }
                } else if container.contains(.type) && expandedIndex != "@none" {
                    let type = try checkedType(expandedIndex, original: index, path: memberPath)
                    if let type { object["@type"] = .array([.string(type)] + (object["@type"]?.asArray ?? [])) }
                }
                result.append(.object(object))
            }
        }
        return .array(result)
    }

    /// §5.3 Value Expansion.
    func expandValue(
        _ value: JSONValue, active: ActiveContext, activeProperty: String?, definition lookup: TermLookup = .unknown,
        path: ExpansionPath
    ) throws(CredentialError) -> JSONValue? {
        let definition = lookup.definition(of: activeProperty, in: active)
        let typeMapping = definition?.typeMapping
        if let text = value.stringValue, typeMapping == "@id" || typeMapping == "@vocab" {
            let iri = expandIRI(text, in: active, documentRelative: true, vocab: typeMapping == "@vocab")
            guard let checked = try checkedIRI(iri, original: text, path: path) else { return nil }
            return ["@id": .string(checked)]
        }
        var result = JSONObject(uniqueMembers: [.init(key: "@value", value: value)])
        if let typeMapping, typeMapping != "@id", typeMapping != "@vocab", typeMapping != "@none" {
            result["@type"] = .string(typeMapping)
        } else if value.stringValue != nil {
            let language = definition?.language ?? active.defaultLanguage
            let direction = definition?.direction ?? active.defaultDirection
            if let language { result["@language"] = .string(language) }
            if let direction { result["@direction"] = .string(direction) }
        }
        return .object(result)
    }
}
