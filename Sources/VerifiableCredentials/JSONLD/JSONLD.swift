/// JSON-LD 1.1 processing: expansion and conversion to RDF (the "toRdf" operation).
public enum JSONLD {
    /// Expands `document` (JSON-LD 1.1 API `expand()`); the result is always an array.
    public static func expand(_ document: JSONValue, options: JSONLDOptions) throws(CredentialError) -> JSONValue {
        let processor = JSONLDProcessor(options: options)
        var active = processor.initialContext(base: options.base)
        if let expandContext = options.expandContext {
            let local = expandContext["@context"] ?? expandContext
            active = try processor.process(active, local: local, baseURL: active.originalBaseURL)
        }
        var expanded = try processor.expand(document, active: active, activeProperty: nil, baseURL: options.base)
        if let object = expanded?.objectValue, object.count == 1, let graph = object["@graph"] {
            expanded = graph
        }
        return .array(expanded?.asArray ?? [])
    }

    /// Converts `document` to an RDF dataset (JSON-LD 1.1 API `toRdf()`), with blank nodes labelled `b0`, `b1`, ….
    public static func toRDF(_ document: JSONValue, options: JSONLDOptions) throws(CredentialError) -> RDFDataset {
        let expanded = try expand(document, options: options)
        var nodeMap = NodeMap()
        try nodeMap.generate(expanded)
        return nodeMap.toRDF(
            rdfDirection: options.rdfDirection, produceGeneralizedRdf: options.produceGeneralizedRdf,
            ordered: options.ordered)
    }
}
