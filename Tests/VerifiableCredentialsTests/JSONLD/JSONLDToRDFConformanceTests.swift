import Testing
import VerifiableCredentials

@Suite("JSON-LD toRdf conformance (W3C suite)")
struct JSONLDToRDFConformanceTests {
    @Test("manifest loads")
    func manifestLoads() {
        #expect(ToRDFManifest.cases.count > 440)
    }

    @Test("toRdf test", arguments: ToRDFManifest.cases)
    func toRdf(_ test: ToRDFCase) {
        if let reason = ToRDFManifest.skipped[test.id] {
            print("skipped \(test.id): \(reason)")
            return
        }
        let outcome = ToRDFManifest.run(test)
        #expect(outcome == .passed, "\(test.id): \(outcome)")
    }

    @Test("toRdf test, quads unordered (as RDFC-1.0 takes them)", arguments: ToRDFManifest.cases)
    func toRdfUnordered(_ test: ToRDFCase) {
        guard ToRDFManifest.skipped[test.id] == nil else { return }
        let outcome = ToRDFManifest.run(test, ordered: false)
        #expect(outcome == .passed, "\(test.id): \(outcome)")
    }

    @Test("ordered output lists subjects in code point order; unordered output holds the same quads")
    func orderedOutput() throws {
        let document = try JSONParser.parse(
            #"{"@context": {"@vocab": "http://example.org/"}, "@graph": [{"@id": "http://example.org/z", "b": "1", "a": "2"}, {"@id": "http://example.org/a", "b": "3"}]}"#
        )
        let loader = BundledDocumentLoader(documents: [:])
        let ordered = try JSONLD.toRDF(document, options: JSONLDOptions(documentLoader: loader))
        let unordered = try JSONLD.toRDF(document, options: JSONLDOptions(documentLoader: loader, ordered: false))
        func line(_ quad: RDFQuad) -> String { "\(quad.subject) \(quad.predicate) \(quad.object)" }
        #expect(ordered.map(line) == ordered.map(line).sorted())
        #expect(ordered.map(line) != unordered.map(line))
        #expect(ordered.map(line).sorted() == unordered.map(line).sorted())
    }

    @Test("at least 98% of the suite passes; skips are listed")
    func passRate() {
        let cases = ToRDFManifest.cases
        var passed = 0
        for test in cases where ToRDFManifest.skipped[test.id] == nil {
            if ToRDFManifest.run(test) == .passed { passed += 1 }
        }
        for (id, reason) in ToRDFManifest.skipped.sorted(by: { $0.key < $1.key }) {
            print("skipped \(id): \(reason)")
        }
        let rate = Double(passed) / Double(max(cases.count, 1))
        print(
            "toRdf: \(passed) of \(cases.count) passed (\(Int(rate * 1000) / 10)%), \(ToRDFManifest.skipped.count) skipped"
        )
        #expect(rate >= 0.98)
    }
}
