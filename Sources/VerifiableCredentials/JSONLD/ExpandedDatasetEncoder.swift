/// JSON-LD to RDF for RDFC-1.0 in one walk of the expanded document: Node Map Generation (JSON-LD 1.1 API
/// §7.2) and Deserialize JSON-LD to RDF (§8.1 to §8.3) fused.
///
/// Each node object's quads go into an ``EncodedDataset`` as the walk meets the node, with blank nodes as
/// numbers, instead of building the node map, then a list of ``RDFQuad``s, then encoding that list. Both give
/// the same set of quads: the node map merges only what a set merges anyway (a node met twice, a value given
/// twice), and RDFC-1.0 relabels the blank nodes and orders the lines itself. It serves the options the
/// `*-rdfc-*` suites use: no `rdfDirection`, no generalized RDF (``JSONLD/toRDF(_:options:)`` does the rest).
struct ExpandedDatasetEncoder {
    typealias Term = EncodedDataset.Term

    /// A node of the node map, as the algorithm names it: by its blank node number or its `@id`.
    private enum NodeName: Hashable {
        case blankNode(Int)
        case id(String)
    }

    /// The graph a node's quads go to.
    private enum Graph {
        case `default`
        /// The graph named by a node; its quads are left out when the name is not well-formed (`term` nil).
        case named(NodeName, term: Term?)

        var name: NodeName? {
            guard case .named(let name, _) = self else { return nil }
            return name
        }
    }

    /// How an element is tied to the node whose property it is a value of.
    private enum Link {
        case none
        /// An object of `predicate` on `subject`; either is `nil` when not well-formed (no quad is made, but the
        /// value's own nodes still have theirs).
        case property(subject: Term?, predicate: Term?)
        /// A reverse property: the value node is the subject, `object` the node that has the `@reverse` entry.
        case reverse(object: Term?, predicate: Term?)
    }

    /// A list's item: a term (`nil` when not well-formed: no `rdf:first`) or a list nested in it.
    private indirect enum ListItem {
        case term(Term?)
        case list([ListItem])
    }

    /// A list being collected (the algorithm's *list* map).
    private final class ListBox {
        var items: [ListItem] = []
    }

    private struct IndexedNode: Hashable {
        var graph: NodeName?
        var node: NodeName
    }

    private static let rdfType = Term.term(.iri(String.rdfNS + "type"))
    private static let rdfFirst = Term.term(.iri(String.rdfNS + "first"))
    private static let rdfRest = Term.term(.iri(String.rdfNS + "rest"))
    private static let rdfNil = Term.term(.iri(String.rdfNS + "nil"))
    /// The entries of a node object that are not properties.
    private static let nodeKeywords: Set<String> = ["@id", "@type", "@index", "@reverse", "@graph", "@included"]

    private var dataset = EncodedDataset(capacity: 128)
    /// During the walk a blank node term carries the walk's own number for the node; this maps it to the node's
    /// number in the dataset, or -1 while no quad mentions the node. A node without quads stays out of the dataset
    /// (there it would take a canonical label, as in W3C toRdf test in03).
    private var datasetNumbers: [Int] = []
    /// The document's blank node identifiers (`_:x`), by number.
    private var blankNodes: [LabelKey: Int] = [:]
    /// Each node's `@index`, to reject a node given two (§7.2 step 6.7).
    private var indexes: [IndexedNode: String] = [:]
    /// Every quad added, duplicates included, in order, when recording for a ``DatasetTemplate``.
    private var recorded: [RecordedQuad]?

    /// A quad as the walk adds it to the dataset (blank nodes by their numbers in the dataset).
    struct RecordedQuad {
        var subject: Term
        var predicate: Term
        var object: Term
        var graph: Term?
    }

    /// A walk's dataset with every quad added to it, for ``DatasetTemplateBuilder``.
    struct Recording {
        var dataset: EncodedDataset
        var quads: [RecordedQuad]
        /// Whether a node has an `@index` (merging nodes then can fail, so no template is made).
        var hasIndexes: Bool
    }

    /// The dataset of the expanded document `expanded` (as ``JSONLD/expand(_:options:)`` returns it).
    ///
    /// - Throws: ``CredentialError`` `jsonLD(.conflictingIndexes)` when a node has two different `@index` values.
    static func encode(_ expanded: JSONValue) throws(CredentialError) -> EncodedDataset {
        var encoder = ExpandedDatasetEncoder()
        try encoder.generate(expanded, in: .default, link: .none, list: nil)
        return encoder.dataset
    }

    /// Like ``encode(_:)``, also listing every quad as it is added.
    static func record(_ expanded: JSONValue) throws(CredentialError) -> Recording {
        var encoder = ExpandedDatasetEncoder()
        encoder.recorded = []
        try encoder.generate(expanded, in: .default, link: .none, list: nil)
        return Recording(dataset: encoder.dataset, quads: encoder.recorded ?? [], hasIndexes: !encoder.indexes.isEmpty)
    }

    private mutating func generate(_ element: JSONValue, in graph: Graph, link: Link, list: ListBox?)
        throws(CredentialError)
    {
        if case .array(let items) = element {
            for item in items { try generate(item, in: graph, link: link, list: list) }
            return
        }
        guard let object = element.objectValue else { return }
        if let value = object["@value"] {
            var term: Term?
            if case .literal(let literal)? = NodeMap.valueTerm(element, value: value, rdfDirection: nil) {
                term = .term(.literal(literal))
            }
            if let list {
                list.items.append(.term(term))
            } else if case .property(let subject, let predicate) = link {
                add(subject, predicate, term, in: graph)
            }
            return
        }
        if let listValue = object["@list"] {
            let collected = ListBox()
            try generate(listValue, in: graph, link: link, list: collected)
            if let list {
                list.items.append(.list(collected.items))
            } else if case .property(let subject?, let predicate?) = link {
                add(subject, predicate, listTerm(collected.items, in: graph), in: graph)
            }
            return
        }
        try generateNode(object, in: graph, link: link, list: list)
    }

    private mutating func generateNode(_ object: JSONObject, in graph: Graph, link: Link, list: ListBox?)
        throws(CredentialError)
    {
        let name: NodeName
        let subject: Term?
        switch object["@id"] {
        case .string(let id)?:
            if Keywords.isBlankNode(id) {
                let number = blankNode(id)
                (name, subject) = (.blankNode(number), .blankNode(number))
            } else {
                (name, subject) = (.id(id), IRIReference.isWellFormedIRI(id) ? .term(.iri(id)) : nil)
            }
        case .null?:
            // An @id that expanded to null: never well-formed, so nothing is said about the node.
            (name, subject) = (.id("@null"), nil)
        default:
            let number = newBlankNode()
            (name, subject) = (.blankNode(number), .blankNode(number))
        }
        switch link {
        case .reverse(let referenced, let predicate):
            add(subject, predicate, referenced, in: graph)
        case .property(let owner, let predicate):
            if let list {
                list.items.append(.term(subject))
            } else {
                add(owner, predicate, subject, in: graph)
            }
        case .none:
            break
        }
        for type in object["@type"]?.asArray ?? [] {
            guard let type = type.stringValue else { continue }
            add(subject, Self.rdfType, resource(type), in: graph)
        }
        if let index = object["@index"]?.stringValue {
            let key = IndexedNode(graph: graph.name, node: name)
            if let existing = indexes[key], existing != index {
                throw .jsonLD(.conflictingIndexes, "a node has two different @index values, \(existing) and \(index)")
            }
            indexes[key] = index
        }
        if let reverse = object["@reverse"]?.objectValue {
            for member in reverse.members {
                let predicate = Self.predicate(member.key)
                for value in member.value.asArray {
                    try generate(value, in: graph, link: .reverse(object: subject, predicate: predicate), list: nil)
                }
            }
        }
        if let graphValue = object["@graph"] {
            try generate(graphValue, in: .named(name, term: subject), link: .none, list: nil)
        }
        if let included = object["@included"] {
            try generate(included, in: graph, link: .none, list: nil)
        }
        for member in object.members
        where member.key.utf8.first != UInt8(ascii: "@") || !Self.nodeKeywords.contains(member.key) {
            let link = Link.property(subject: subject, predicate: Self.predicate(member.key))
            try generate(member.value, in: graph, link: link, list: nil)
        }
    }

    /// The number of the document's blank node `identifier` (`_:x`), numbered when first met.
    private mutating func blankNode(_ identifier: String) -> Int {
        if let number = blankNodes[LabelKey(label: identifier)] { return number }
        let number = newBlankNode()
        blankNodes[LabelKey(label: identifier)] = number
        return number
    }

    private mutating func newBlankNode() -> Int {
        datasetNumbers.append(-1)
        return datasetNumbers.count - 1
    }

    /// `term` with a blank node's walk number turned into its dataset number (numbered on first use).
    private mutating func inDataset(_ term: Term) -> Term {
        guard case .blankNode(let node) = term else { return term }
        if datasetNumbers[node] < 0 { datasetNumbers[node] = dataset.addBlankNode(label: "b\(node)") }
        return .blankNode(datasetNumbers[node])
    }

    /// An IRI or blank node term, or `nil` when `value` is not well-formed.
    private mutating func resource(_ value: String) -> Term? {
        if Keywords.isBlankNode(value) { return .blankNode(blankNode(value)) }
        return IRIReference.isWellFormedIRI(value) ? .term(.iri(value)) : nil
    }

    /// A property's predicate, or `nil` for a keyword, a blank node (generalized RDF only) or an IRI that is not
    /// well-formed.
    private static func predicate(_ property: String) -> Term? {
        if Keywords.isKeyword(property) || Keywords.isBlankNode(property) { return nil }
        return IRIReference.isWellFormedIRI(property) ? .term(.iri(property)) : nil
    }

    /// List to RDF (§8.3): the list's head, with its `rdf:first` / `rdf:rest` quads added.
    private mutating func listTerm(_ items: [ListItem], in graph: Graph) -> Term {
        guard !items.isEmpty else { return Self.rdfNil }
        let nodes = items.map { _ in Term.blankNode(newBlankNode()) }
        for (offset, item) in items.enumerated() {
            let first: Term? =
                switch item {
                case .term(let term): term
                case .list(let nested): listTerm(nested, in: graph)
                }
            add(nodes[offset], Self.rdfFirst, first, in: graph)
            add(nodes[offset], Self.rdfRest, offset + 1 < nodes.count ? nodes[offset + 1] : Self.rdfNil, in: graph)
        }
        return nodes[0]
    }

    /// Adds the quad when every term is well-formed and the graph's name is.
    private mutating func add(_ subject: Term?, _ predicate: Term?, _ object: Term?, in graph: Graph) {
        guard let subject, let predicate, let object else { return }
        var graphName: Term?
        if case .named(_, let name) = graph {
            guard let name else { return }
            graphName = inDataset(name)
        }
        let (numberedSubject, numberedObject) = (inDataset(subject), inDataset(object))
        recorded?.append(
            RecordedQuad(subject: numberedSubject, predicate: predicate, object: numberedObject, graph: graphName))
        dataset.add(subject: numberedSubject, predicate: predicate, object: numberedObject, graph: graphName)
    }
}
