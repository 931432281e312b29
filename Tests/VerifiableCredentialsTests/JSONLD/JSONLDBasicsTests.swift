import Testing
import VerifiableCredentials

/// Small behaviours the W3C suite covers only indirectly.
@Suite("JSON-LD basics")
struct JSONLDBasicsTests {
    static let options = JSONLDOptions(
        base: "http://a/b/c/d;p?q", documentLoader: BundledDocumentLoader(documents: [:]))

    /// RFC 3986 §5.4.1 and §5.4.2 reference resolution examples, through `@id`.
    @Test(
        "relative IRIs resolve as RFC 3986 §5.4 says",
        arguments: [
            ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
            (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"), ("..", "http://a/b/"), ("../", "http://a/b/"), ("../g", "http://a/b/g"),
            ("../..", "http://a/"), ("../../", "http://a/"), ("../../g", "http://a/g"), ("../../../g", "http://a/g"),
            ("../../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."),
            (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."), ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"), ("g;x=1/./y", "http://a/b/c/g;x=1/y"), ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"), ("g#s/../x", "http://a/b/c/g#s/../x"),
        ])
    func relativeResolution(_ reference: String, _ expected: String) throws {
        let document: JSONValue = ["@id": .string(reference), "http://example.com/p": "v"]
        let expanded = try JSONLD.expand(document, options: Self.options)
        #expect(expanded.arrayValue?.first?["@id"] == .string(expected))
    }

    @Test(
        "numbers become xsd:integer and xsd:double in canonical form",
        arguments: [
            (1.0, "1", "integer"), (-7.0, "-7", "integer"), (1.1, "1.1E0", "double"), (0.5, "5.0E-1", "double"),
            (1e21, "1.0E21", "double"), (123.456, "1.23456E2", "double"),
        ])
    func numbers(_ number: Double, _ lexical: String, _ type: String) throws {
        let document: JSONValue = ["@id": "http://example.com/s", "http://example.com/p": .number(number)]
        let dataset = try JSONLD.toRDF(document, options: Self.options)
        #expect(
            dataset.first?.object == .literal(RDFLiteral(lexical, datatype: "http://www.w3.org/2001/XMLSchema#\(type)"))
        )
    }

    @Test("@json values are canonicalized with JCS")
    func jsonLiteral() throws {
        let document: JSONValue = [
            "@context": ["e": ["@id": "http://example.org/vocab#json", "@type": "@json"]],
            "@id": "http://example.com/s",
            "e": [56.0, ["d": true, "10": nil, "1": []]],
        ]
        let dataset = try JSONLD.toRDF(document, options: Self.options)
        #expect(
            dataset == [
                RDFQuad(
                    subject: .iri("http://example.com/s"), predicate: .iri("http://example.org/vocab#json"),
                    object: .literal(
                        RDFLiteral(
                            #"[56,{"1":[],"10":null,"d":true}]"#,
                            datatype: "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON")))
            ])
    }

    @Test("errors carry the JSON-LD error code")
    func errorCode() {
        let document: JSONValue = ["@context": ["term": ["@id": "http://example.com/", "@foo": 1]], "term": "x"]
        let error = #expect(throws: CredentialError.self) { try JSONLD.expand(document, options: Self.options) }
        #expect(error?.code == JSONLDErrorCode.invalidTermDefinition.code)
        #expect(error?.jsonLDErrorCode == "invalid term definition")
    }
}
