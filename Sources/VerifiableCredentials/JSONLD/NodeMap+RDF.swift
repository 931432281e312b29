import Foundation

/// JSON-LD 1.1 API §8.1-8.3: Deserialize JSON-LD to RDF, Object to RDF and List to RDF.
extension NodeMap {
    static let rdfType = String.rdfNS + "type"
    static let rdfFirst = String.rdfNS + "first"
    static let rdfRest = String.rdfNS + "rest"
    static let rdfNil = String.rdfNS + "nil"

    /// The dataset; `ordered` lists graphs, then subjects, then predicates in code point order, otherwise in the
    /// node map's order.
    mutating func toRDF(rdfDirection: RDFDirection?, produceGeneralizedRdf: Bool, ordered: Bool = true) -> RDFDataset {
        var dataset: RDFDataset = []
        let graphs = ordered ? graphs.sorted(by: { JSONLDProcessor.codePointOrder($0.name, $1.name) }) : graphs
        for graph in graphs {
            let graphTerm: RDFTerm?
            if graph.name == "@default" {
                graphTerm = nil
            } else if let term = Self.resource(graph.name) {
                graphTerm = term
            } else {
                continue
            }
            let nodes = graph.nodes
            let order =
                ordered
                ? nodes.indices.sorted { JSONLDProcessor.codePointOrder(nodes[$0].id, nodes[$1].id) }
                : Array(nodes.indices)
            for position in order {
                let node = nodes[position]
                guard let subject = Self.resource(node.id) else { continue }
                for type in node.types {
                    if let object = Self.resource(type) {
                        dataset.append(
                            RDFQuad(subject: subject, predicate: .iri(Self.rdfType), object: object, graph: graphTerm))
                    }
                }
                let properties =
                    ordered
                    ? node.properties.sorted { JSONLDProcessor.codePointOrder($0.key, $1.key) }
                    : Array(node.properties)
                for (property, items) in properties {
                    if Keywords.isKeyword(property) { continue }
                    if Keywords.isBlankNode(property) && !produceGeneralizedRdf { continue }
                    guard let predicate = Self.resource(property) else { continue }
                    for item in items {
                        var listTriples: [(RDFTerm, RDFTerm, RDFTerm)] = []
                        if let object = objectToRDF(item, listTriples: &listTriples, rdfDirection: rdfDirection) {
                            dataset.append(
                                RDFQuad(subject: subject, predicate: predicate, object: object, graph: graphTerm))
                        }
                        for triple in listTriples {
                            dataset.append(
                                RDFQuad(subject: triple.0, predicate: triple.1, object: triple.2, graph: graphTerm))
                        }
                    }
                }
            }
        }
        return dataset
    }

    /// An IRI or blank node term, or `nil` when `value` is not well-formed.
    static func resource(_ value: String) -> RDFTerm? {
        if Keywords.isBlankNode(value) { return .blankNode(String(value.dropFirst(2))) }
        return IRIReference.isWellFormedIRI(value) ? .iri(value) : nil
    }

    private mutating func objectToRDF(
        _ item: JSONValue, listTriples: inout [(RDFTerm, RDFTerm, RDFTerm)], rdfDirection: RDFDirection?
    ) -> RDFTerm? {
        if let list = item["@list"]?.arrayValue {
            return listToRDF(list, listTriples: &listTriples, rdfDirection: rdfDirection)
        }
        guard let value = item["@value"] else {
            return item["@id"]?.stringValue.flatMap(Self.resource)
        }
        switch Self.valueTerm(item, value: value, rdfDirection: rdfDirection) {
        case nil:
            return nil
        case .literal(let literal):
            return .literal(literal)
        case .compound(let lexical, let language, let direction):
            let node = RDFTerm.blankNode(String(issuer.issue().dropFirst(2)))
            listTriples.append((node, .iri(String.rdfNS + "value"), .literal(RDFLiteral(lexical))))
            if let language {
                listTriples.append((node, .iri(String.rdfNS + "language"), .literal(RDFLiteral(language))))
            }
            listTriples.append((node, .iri(String.rdfNS + "direction"), .literal(RDFLiteral(direction))))
            return node
        }
    }

    /// What a value object becomes in RDF (§8.2 steps 4 to 15).
    enum ValueTerm {
        /// A literal.
        case literal(RDFLiteral)
        /// A new blank node with `rdf:value`, `rdf:language` (when there is one, lowercased) and `rdf:direction`
        /// (`rdfDirection` `compound-literal`).
        case compound(lexical: String, language: String?, direction: String)
    }

    /// The RDF of the value object `item` whose `@value` is `value`, or `nil` when it is not well-formed.
    static func valueTerm(_ item: JSONValue, value: JSONValue, rdfDirection: RDFDirection?) -> ValueTerm? {
        var datatype = item["@type"]?.stringValue
        if let type = datatype, type != "@json", !IRIReference.isWellFormedIRI(type) { return nil }
        let language = item["@language"]?.stringValue
        if let language, !Keywords.isWellFormedLanguage(language) { return nil }
        let lexical: String
        if datatype == "@json" {
            lexical = String(decoding: JSONCanonicalizer.canonicalize(value), as: UTF8.self)
            datatype = String.rdfNS + "JSON"
        } else {
            switch value {
            case .bool(let flag):
                lexical = flag ? "true" : "false"
                if datatype == nil { datatype = String.xsdNS + "boolean" }
            case .number(let number):
                let isDouble = number.rounded(.towardZero) != number || abs(number) >= 1e21 || !number.isFinite
                if isDouble || datatype == String.xsdNS + "double" {
                    lexical = Self.canonicalDouble(number)
                    if datatype == nil { datatype = String.xsdNS + "double" }
                } else {
                    lexical = Self.canonicalInteger(number)
                    if datatype == nil { datatype = String.xsdNS + "integer" }
                }
            case .string(let text):
                lexical = text
                if datatype == nil { datatype = language == nil ? RDFLiteral.xsdString : RDFLiteral.rdfLangString }
            default:
                return nil
            }
        }
        if let direction = item["@direction"]?.stringValue, let rdfDirection {
            let lowered = language?.lowercased()
            switch rdfDirection {
            case .i18nDatatype:
                let datatype = "https://www.w3.org/ns/i18n#\(lowered ?? "")_\(direction)"
                return .literal(RDFLiteral(lexical, datatype: datatype))
            case .compoundLiteral:
                return .compound(lexical: lexical, language: lowered, direction: direction)
            }
        }
        // Language tags are case-insensitive (BCP 47); jsonld.js and pyld sign them lowercased, so we do too.
        return .literal(
            RDFLiteral(lexical, datatype: datatype ?? RDFLiteral.xsdString, language: language?.lowercased()))
    }

    private mutating func listToRDF(
        _ list: [JSONValue], listTriples: inout [(RDFTerm, RDFTerm, RDFTerm)], rdfDirection: RDFDirection?
    ) -> RDFTerm {
        if list.isEmpty { return .iri(Self.rdfNil) }
        var nodes: [RDFTerm] = []
        for _ in list { nodes.append(.blankNode(String(issuer.issue().dropFirst(2)))) }
        for (offset, item) in list.enumerated() {
            var embedded: [(RDFTerm, RDFTerm, RDFTerm)] = []
            if let object = objectToRDF(item, listTriples: &embedded, rdfDirection: rdfDirection) {
                listTriples.append((nodes[offset], .iri(Self.rdfFirst), object))
            }
            let rest = offset + 1 < nodes.count ? nodes[offset + 1] : .iri(Self.rdfNil)
            listTriples.append((nodes[offset], .iri(Self.rdfRest), rest))
            listTriples.append(contentsOf: embedded)
        }
        return nodes[0]
    }

    /// `xsd:integer` canonical form: digits with an optional minus sign.
    static func canonicalInteger(_ value: Double) -> String {
        if abs(value) < 9.2e18 { return String(Int64(value)) }
        return String(format: "%.0f", value)
    }

    /// `xsd:double` canonical form as JSON-LD computes it (`1.1E0`, `-5.0E-1`, `0.0E0`).
    static func canonicalDouble(_ value: Double) -> String {
        if value == 0 { return "0.0E0" }
        let formatted = String(format: "%.15e", value)
        guard let e = formatted.firstIndex(of: "e") else { return formatted }
        var mantissa = String(formatted[..<e])
        let exponent = Int(formatted[formatted.index(after: e)...]) ?? 0
        while mantissa.hasSuffix("0") { mantissa.removeLast() }
        if mantissa.hasSuffix(".") { mantissa += "0" }
        return "\(mantissa)E\(exponent)"
    }
}
