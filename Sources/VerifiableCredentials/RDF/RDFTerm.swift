/// An RDF term: an IRI, a blank node or a literal (RDF 1.1 Concepts).
public enum RDFTerm: Hashable, Sendable {
    /// An absolute IRI, without angle brackets.
    case iri(String)
    /// A blank node, by its label without the `_:` prefix.
    case blankNode(String)
    /// A literal with its datatype IRI and, for `rdf:langString`, its language tag.
    case literal(RDFLiteral)

    /// Whether this term is a blank node.
    public var isBlankNode: Bool {
        if case .blankNode = self { return true }
        return false
    }
}

/// An RDF literal. `datatype` is always set: `xsd:string` for simple literals and `rdf:langString` when a
/// language tag is present.
public struct RDFLiteral: Hashable, Sendable {
    public var value: String
    public var datatype: String
    public var language: String?

    public init(_ value: String, datatype: String = RDFLiteral.xsdString, language: String? = nil) {
        self.value = value
        self.datatype = language == nil ? datatype : RDFLiteral.rdfLangString
        self.language = language
    }

    public static let xsdString = "http://www.w3.org/2001/XMLSchema#string"
    public static let rdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
}

/// One statement of an RDF dataset: subject, predicate, object, and the graph (`nil` for the default graph).
public struct RDFQuad: Hashable, Sendable {
    public var subject: RDFTerm
    public var predicate: RDFTerm
    public var object: RDFTerm
    public var graph: RDFTerm?

    public init(subject: RDFTerm, predicate: RDFTerm, object: RDFTerm, graph: RDFTerm? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }
}

/// An RDF dataset as a list of quads (duplicates are allowed in the list; canonicalization removes them).
public typealias RDFDataset = [RDFQuad]
