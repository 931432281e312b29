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

    /// Appends `value` to `property` unless an equal value is there already (the array is grown in place,
    /// and the property's name is hashed once).
    mutating func addUnique(_ value: JSONValue, to property: String) {
        Self.appendUnique(value, to: &properties[property, default: []])
    }

    /// Gives `property` an empty array when it has none (one hash of its name).
    mutating func ensureProperty(_ property: String) {
        Self.appendUnique(nil, to: &properties[property, default: []])
    }

    private static func appendUnique(_ value: JSONValue?, to values: inout [JSONValue]) {
        if let value, !values.contains(value) { values.append(value) }
    }
}

/// One graph of the node map: its nodes in creation order, indexed by identifier.
struct NodeMapGraph {
    var name: String
    var nodes: [NodeMapNode] = []
    private var nodeIndex: [String: Int] = [:]

    init(name: String) { self.name = name }

    /// The index of the node `id`, created empty when it is new.
    mutating func node(_ id: String) -> Int {
        if let existing = nodeIndex[id] { return existing }
        nodes.append(NodeMapNode(id: id))
        nodeIndex[id] = nodes.count - 1
        return nodes.count - 1
    }
}

/// JSON-LD 1.1 API §7.2: Node Map Generation, for the expanded form of a document.
///
/// Graphs and nodes are addressed by index while the map is built, so each value costs one hash (its property)
/// instead of one per level of a nested dictionary.
struct NodeMap {
    enum Subject {
        case none
        /// A node (by index) of the graph being generated.
        case node(Int)
        case reverse(JSONValue)
    }

    /// A list being collected (the algorithm's *list* map).
    final class ListBox {
        var items: [JSONValue] = []
    }

    var graphs: [NodeMapGraph] = [NodeMapGraph(name: "@default")]
    private var graphIndex: [String: Int] = ["@default": 0]
    var issuer = BlankNodeIssuer()

    /// The entries of a node object that Node Map Generation handles itself rather than as properties.
    private static let handledKeywords: Set<String> = ["@id", "@type", "@index", "@reverse", "@graph", "@included"]

    private mutating func relabel(_ id: String) -> String {
        Keywords.isBlankNode(id) ? issuer.issue(id) : id
    }

    /// The index of the graph `name`, created empty when it is new.
    private mutating func graph(_ name: String) -> Int {
        if let existing = graphIndex[name] { return existing }
        graphs.append(NodeMapGraph(name: name))
        graphIndex[name] = graphs.count - 1
        return graphs.count - 1
    }

    private mutating func addToSubject(
        _ value: JSONValue, graph: Int, subject: Subject, property: String?, unique: Bool
    ) {
        guard case .node(let node) = subject, let property else { return }
        if unique {
            graphs[graph].nodes[node].addUnique(value, to: property)
        } else {
            graphs[graph].nodes[node].properties[property, default: []].append(value)
        }
    }

    mutating func generate(_ element: JSONValue) throws(CredentialError) {
        try generate(element, graph: 0, subject: .none, property: nil, list: nil)
    }

    private mutating func generate(
        _ element: JSONValue, graph: Int, subject: Subject, property: String?, list: ListBox?
    ) throws(CredentialError) {
        if case .array(let items) = element {
            for item in items {
                try generate(item, graph: graph, subject: subject, property: property, list: list)
            }
            return
        }
        guard var object = element.objectValue else { return }
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
        _ object: JSONObject, graph: Int, subject: Subject, property: String?, list: ListBox?
    ) throws(CredentialError) {
        let id: String
        switch object["@id"] {
        case .string(let value)?: id = relabel(value)
        case .null?: id = "@null"  // an @id that expanded to null: never well-formed, so never output
        default: id = issuer.issue()
        }
        let node = graphs[graph].node(id)
        // Room for every member at once: grown one property at a time, the dictionary was resized (and rehashed)
        // several times per node.
        if graphs[graph].nodes[node].properties.isEmpty {
            graphs[graph].nodes[node].properties.reserveCapacity(object.count)
        }
        if case .reverse(let reference) = subject, let property {
            graphs[graph].nodes[node].addUnique(reference, to: property)
        } else if property != nil {
            let reference = JSONValue.object(JSONObject(uniqueMembers: [.init(key: "@id", value: .string(id))]))
            if let list {
                list.items.append(reference)
            } else {
                addToSubject(reference, graph: graph, subject: subject, property: property, unique: true)
            }
        }
        for type in object["@type"]?.asArray.compactMap(\.stringValue) ?? [] {
            if !graphs[graph].nodes[node].types.contains(type) { graphs[graph].nodes[node].types.append(type) }
        }
        if let index = object["@index"]?.stringValue {
            if let existing = graphs[graph].nodes[node].index, existing != index {
                throw .jsonLD(.conflictingIndexes, "the node \(id) has two different @index values")
            }
            graphs[graph].nodes[node].index = index
        }
        if let reverseMap = object["@reverse"]?.objectValue {
            let referenced: JSONValue = ["@id": .string(id)]
            for member in reverseMap.members {
                for value in member.value.asArray {
                    try generate(
                        value, graph: graph, subject: .reverse(referenced), property: member.key, list: nil)
                }
            }
        }
        if let graphValue = object["@graph"] {
            let named = self.graph(id)
            try generate(graphValue, graph: named, subject: .none, property: nil, list: nil)
        }
        if let included = object["@included"] {
            try generate(included, graph: graph, subject: .none, property: nil, list: nil)
        }
        for member in object.members
        where member.key.utf8.first != UInt8(ascii: "@") || !Self.handledKeywords.contains(member.key) {
            let name = relabel(member.key)
            graphs[graph].nodes[node].ensureProperty(name)
            try generate(member.value, graph: graph, subject: .node(node), property: name, list: nil)
        }
    }
}
