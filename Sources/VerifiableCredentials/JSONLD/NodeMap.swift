/// Issues fresh blank node identifiers (`_:b0`, `_:b1`, …) and relabels existing ones consistently
/// (JSON-LD 1.1 API §7.4).
struct BlankNodeIssuer {
    private var counter = 0
    private var map: [String: String] = [:]

    mutating func issue(_ identifier: String? = nil) -> String {
        if let identifier, let existing = map[identifier] { return existing }
        let fresh = "_:b\(counter)"
        counter += 1
        if let identifier { map[identifier] = fresh }
        return fresh
    }
}

/// A node of the node map: its identifier, types, index and property values.
struct NodeMapNode {
    var id: String
    var types: [String] = []
    var index: String?
    var properties: [String: [JSONValue]] = [:]

    mutating func addUnique(_ value: JSONValue, to property: String) {
        var values = properties[property] ?? []
        if !values.contains(value) { values.append(value) }
        properties[property] = values
    }
}

/// JSON-LD 1.1 API §7.2: Node Map Generation, for the expanded form of a document.
struct NodeMap {
    enum Subject {
        case none
        case id(String)
        case reverse(JSONValue)
    }

    /// A list being collected (the algorithm's *list* map).
    final class ListBox {
        var items: [JSONValue] = []
    }

    var graphs: [String: [String: NodeMapNode]] = ["@default": [:]]
    var issuer = BlankNodeIssuer()

    private mutating func relabel(_ id: String) -> String {
        Keywords.isBlankNode(id) ? issuer.issue(id) : id
    }

    private mutating func addToSubject(
        _ value: JSONValue, graph: String, subject: Subject, property: String?, unique: Bool
    ) {
        guard case .id(let subjectID) = subject, let property else { return }
        if unique {
            graphs[graph]?[subjectID]?.addUnique(value, to: property)
        } else {
            graphs[graph]?[subjectID]?.properties[property, default: []].append(value)
        }
    }

    mutating func generate(
        _ element: JSONValue, graph: String = "@default", subject: Subject = .none, property: String? = nil,
        list: ListBox? = nil
    ) throws(CredentialError) {
        if case .array(let items) = element {
            for item in items {
                try generate(item, graph: graph, subject: subject, property: property, list: list)
            }
            return
        }
        guard var object = element.objectValue else { return }
        if graphs[graph] == nil { graphs[graph] = [:] }
        if let types = object["@type"] {
            switch types {
            case .string(let type): object["@type"] = .string(relabel(type))
            case .array(let items):
                object["@type"] = .array(items.map { $0.stringValue.map { .string(relabel($0)) } ?? $0 })
            default: break
            }
        }
        if object.contains("@value") {
            if let list {
                list.items.append(.object(object))
            } else {
                addToSubject(.object(object), graph: graph, subject: subject, property: property, unique: true)
            }
            return
        }
        if let listValue = object["@list"] {
            let result = ListBox()
            try generate(listValue, graph: graph, subject: subject, property: property, list: result)
            let listObject: JSONValue = ["@list": .array(result.items)]
            if let list {
                list.items.append(listObject)
            } else {
                addToSubject(listObject, graph: graph, subject: subject, property: property, unique: false)
            }
            return
        }
        try generateNode(object, graph: graph, subject: subject, property: property, list: list)
    }

    private mutating func generateNode(
        _ object: JSONObject, graph: String, subject: Subject, property: String?, list: ListBox?
    ) throws(CredentialError) {
        let id: String
        switch object["@id"] {
        case .string(let value)?: id = relabel(value)
        case .null?: id = "@null"  // an @id that expanded to null: never well-formed, so never output
        default: id = issuer.issue()
        }
        if graphs[graph]?[id] == nil { graphs[graph]?[id] = NodeMapNode(id: id) }
        if case .reverse(let reference) = subject, let property {
            graphs[graph]?[id]?.addUnique(reference, to: property)
        } else if property != nil {
            let reference: JSONValue = ["@id": .string(id)]
            if let list {
                list.items.append(reference)
            } else {
                addToSubject(reference, graph: graph, subject: subject, property: property, unique: true)
            }
        }
        for type in object["@type"]?.asArray.compactMap(\.stringValue) ?? [] {
            if graphs[graph]?[id]?.types.contains(type) == false { graphs[graph]?[id]?.types.append(type) }
        }
        if let index = object["@index"]?.stringValue {
            if let existing = graphs[graph]?[id]?.index, existing != index {
                throw .jsonLD(.conflictingIndexes, "the node \(id) has two different @index values")
            }
            graphs[graph]?[id]?.index = index
        }
        if let reverseMap = object["@reverse"]?.objectValue {
            let referenced: JSONValue = ["@id": .string(id)]
            for member in reverseMap.members {
                for value in member.value.asArray {
                    try generate(value, graph: graph, subject: .reverse(referenced), property: member.key)
                }
            }
        }
        if let graphValue = object["@graph"] {
            try generate(graphValue, graph: id)
        }
        if let included = object["@included"] {
            try generate(included, graph: graph)
        }
        let handled: Set<String> = ["@id", "@type", "@index", "@reverse", "@graph", "@included"]
        for member in object.members where !handled.contains(member.key) {
            let name = relabel(member.key)
            if graphs[graph]?[id]?.properties[name] == nil { graphs[graph]?[id]?.properties[name] = [] }
            try generate(member.value, graph: graph, subject: .id(id), property: name)
        }
    }
}
