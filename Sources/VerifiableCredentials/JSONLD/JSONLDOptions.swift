/// How `@direction` is carried into RDF (JSON-LD 1.1 API §8.2 step 13).
public enum RDFDirection: String, Sendable {
    /// A datatype `https://www.w3.org/ns/i18n#<language>_<direction>`.
    case i18nDatatype = "i18n-datatype"
    /// A blank node with `rdf:value`, `rdf:language` and `rdf:direction`.
    case compoundLiteral = "compound-literal"
}

/// The JSON-LD processing mode.
public enum JSONLDProcessingMode: String, Sendable {
    case jsonLD10 = "json-ld-1.0"
    case jsonLD11 = "json-ld-1.1"
}

/// Options for ``JSONLD/expand(_:options:)`` and ``JSONLD/toRDF(_:options:)``.
public struct JSONLDOptions: Sendable {
    /// The document's base IRI, used to resolve relative IRIs (and relative context URLs).
    public var base: String?
    /// Where remote contexts come from.
    public var documentLoader: any DocumentLoader
    /// How `@direction` is represented in RDF; `nil` drops it.
    public var rdfDirection: RDFDirection?
    /// Whether triples with blank-node predicates are kept.
    public var produceGeneralizedRdf: Bool
    /// When `true`, expansion fails instead of silently dropping undefined terms or relative IRIs.
    public var safeMode: Bool
    /// `json-ld-1.1` unless set otherwise.
    public var processingMode: JSONLDProcessingMode
    /// A context applied before the document's own (the API's `expandContext`).
    public var expandContext: JSONValue?
    /// Processed contexts to reuse; defaults to the document loader's cache.
    public var contextCache: JSONLDContextCache?
    /// Whether ``JSONLD/toRDF(_:options:)`` lists its quads by graph name, then subject, then predicate in code
    /// point order (the API's `ordered` flag). On by default, so the output is the same from run to run; off, the
    /// quads come in no particular order (and list blank nodes are numbered in that order), which saves the
    /// sorting where the order does not matter: RDFC-1.0 relabels blank nodes and sorts the lines itself.
    public var ordered: Bool
    /// Whether ``RDFCanonicalizer/canonicalNQuadsBytes(jsonLD:options:)`` may make and use dataset templates
    /// (the README's "dataset templates": documents of one shape that differ only in strings JSON-LD copies get
    /// their quads by filling in those strings). On by default; off, every document is expanded (for measuring
    /// or debugging: the bytes are the same either way).
    public var datasetTemplates = true

    public init(
        base: String? = nil, documentLoader: any DocumentLoader, rdfDirection: RDFDirection? = nil,
        produceGeneralizedRdf: Bool = false, safeMode: Bool = false, processingMode: JSONLDProcessingMode = .jsonLD11,
        expandContext: JSONValue? = nil, contextCache: JSONLDContextCache? = nil, ordered: Bool = true
    ) {
        self.base = base
        self.documentLoader = documentLoader
        self.rdfDirection = rdfDirection
        self.produceGeneralizedRdf = produceGeneralizedRdf
        self.safeMode = safeMode
        self.processingMode = processingMode
        self.expandContext = expandContext
        self.contextCache = contextCache
        self.ordered = ordered
    }
}
