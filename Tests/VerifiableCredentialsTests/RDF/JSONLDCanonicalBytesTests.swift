import Testing
import VerifiableCredentials

/// `canonicalNQuadsBytes(jsonLD:options:)`, which goes from the expanded document straight to RDFC-1.0's input,
/// against the long way round (JSON-LD → node map → quads → RDFC-1.0): the same bytes, or the same error.
@Suite("RDFC-1.0 of a JSON-LD document in one walk")
struct JSONLDCanonicalBytesTests {
    enum Outcome: Equatable {
        case bytes([UInt8])
        case failed(String)
    }

    static func viaQuads(_ document: JSONValue, options: JSONLDOptions) -> Outcome {
        do {
            return .bytes(try RDFCanonicalizer().canonicalNQuadsBytes(try JSONLD.toRDF(document, options: options)))
        } catch {
            return .failed(error.jsonLDErrorCode ?? "\(error.code)")
        }
    }

    static func inOneWalk(_ document: JSONValue, options: JSONLDOptions) -> Outcome {
        do {
            return .bytes(try RDFCanonicalizer().canonicalNQuadsBytes(jsonLD: document, options: options))
        } catch {
            return .failed(error.jsonLDErrorCode ?? "\(error.code)")
        }
    }

    @Test("every W3C toRdf test input: the same canonical bytes or the same error", arguments: ToRDFManifest.cases)
    func toRdfInputs(_ test: ToRDFCase) throws {
        let input = try Vectors.json("\(ToRDFManifest.folder)/\(test.input)")
        let options = ToRDFManifest.options(for: test)
        #expect(Self.inOneWalk(input, options: options) == Self.viaQuads(input, options: options), "\(test.id)")
    }

    @Test("the toRdf inputs the one walk serves are most of the suite, and they include blank nodes and lists")
    func coverage() throws {
        var served = 0
        var withBlankNodes = 0
        for (test, options) in ToRDFManifest.oneWalkCases {
            served += 1
            let input = try Vectors.json("\(ToRDFManifest.folder)/\(test.input)")
            if case .bytes(let bytes) = Self.inOneWalk(input, options: options), bytes.contains(UInt8(ascii: "_")) {
                withBlankNodes += 1
            }
        }
        #expect(served > 400)
        #expect(withBlankNodes > 100)
    }

    @Test("CME credentials and 300 seeded random documents over the bundled contexts")
    func credentialsAndRandomDocuments() throws {
        let loader = try BundledDocumentLoader(directory: PyLDCrossCheckTests.contexts)
        let options = JSONLDOptions(documentLoader: loader, safeMode: true)
        var documents = (0..<8).map { CMESample.credential($0) }
        var generator = RandomJSONLD(seed: 0xC0FF_EE16)
        documents += (0..<300).map { _ in generator.document() }
        for (index, document) in documents.enumerated() {
            let expected = Self.viaQuads(document, options: options)
            guard case .bytes(let bytes) = expected else {
                Issue.record("document \(index) failed the long way: \(expected)")
                continue
            }
            #expect(!bytes.isEmpty)
            #expect(Self.inOneWalk(document, options: options) == expected, "document \(index)")
        }
    }

    @Test("a node given two @index values is rejected, as node map generation rejects it")
    func conflictingIndexes() throws {
        let document = try JSONParser.parse(
            #"{"@context": {"@vocab": "http://example.org/"}, "@graph": [{"@id": "http://example.org/a", "@index": "1", "p": "x"}, {"@id": "http://example.org/a", "@index": "2", "p": "y"}]}"#
        )
        let options = JSONLDOptions(documentLoader: BundledDocumentLoader(documents: [:]))
        #expect(Self.viaQuads(document, options: options) == .failed("conflicting indexes"))
        #expect(Self.inOneWalk(document, options: options) == .failed("conflicting indexes"))
    }
}
