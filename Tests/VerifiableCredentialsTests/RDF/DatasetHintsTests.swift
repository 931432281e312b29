import Testing

@testable import VerifiableCredentials

/// What a dataset template tells RDFC-1.0 in advance (``DatasetHints``): the first degree hashes of blank nodes
/// whose quads have no slots, and a line order that sorts quickly. Both must change nothing in the result.
@Suite("Dataset hints")
struct DatasetHintsTests {
    static func options() throws -> JSONLDOptions {
        let loader = try BundledDocumentLoader(directory: PyLDCrossCheckTests.contexts)
        return JSONLDOptions(documentLoader: loader, safeMode: true, contextCache: JSONLDContextCache())
    }

    /// A CME credential whose identity hashes say `index`.
    static func credential(_ index: Int) -> JSONValue {
        DocumentShape.replacingLeaves(of: CMESample.credential(0)) { _, value in
            guard case .string(let text) = value, text.hasPrefix("sha256$") else { return value }
            return .string("sha256$\(index)")
        }
    }

    /// The first degree hashes RDFC-1.0 computes for `dataset`, and those its hints knew, after canonicalizing it.
    static func hashes(of dataset: EncodedDataset, _ algorithm: RDFCanonicalizer.HashAlgorithm) throws -> (
        computed: [[UInt8]], known: [[UInt8]?]
    ) {
        let known = try #require(dataset.hints).knownFirstDegreeHashes(algorithm)
        _ = try RDFCanonicalizer(hashAlgorithm: algorithm).canonicalNQuadsBytes(encoded: dataset)
        let state = CanonicalizationState(dataset: dataset, algorithm: algorithm, limit: .default)
        return (dataset.labels.indices.map { state.hashFirstDegreeQuads($0) }, known)
    }

    @Test("hashes known from an earlier credential are the hashes; a blank node whose values differ is not known")
    func knownHashesAreTheHashes() throws {
        let options = try Self.options()
        let template = try #require(DatasetTemplateTests.template(of: Self.credential(0), options: options))
        for algorithm in [RDFCanonicalizer.HashAlgorithm.sha256, .sha384] {
            var knownCount = 0
            for index in 0..<5 {
                let document = Self.credential(index)
                let dataset = try #require(template.dataset(for: DocumentShape(document), colonTerms: []))
                let (computed, known) = try Self.hashes(of: dataset, algorithm)
                for (node, hash) in known.enumerated() {
                    guard let hash else { continue }
                    #expect(hash == computed[node], "credential \(index), blank node \(node)")
                    knownCount += 1
                }
                // The identity object's hash differs from one credential to the next.
                if index > 0 { #expect(known.contains { $0 == nil }) }
            }
            // The achievement's alignment, criteria and result description are the same in every credential.
            #expect(knownCount > 0)
        }
    }

    @Test("a memo entry that keeps missing is replaced by the values that now come")
    func entriesAreReplaced() throws {
        let options = try Self.options()
        let template = try #require(DatasetTemplateTests.template(of: Self.credential(0), options: options))
        func known(_ index: Int) throws -> Int {
            let dataset = try #require(template.dataset(for: DocumentShape(Self.credential(index)), colonTerms: []))
            let (computed, known) = try Self.hashes(of: dataset, .sha256)
            for (node, hash) in known.enumerated() where hash != nil { #expect(hash == computed[node]) }
            return known.count { $0 != nil }
        }
        _ = try known(0)
        let steady = try known(0)
        #expect(try known(1) < steady)
        // Alternating with credential 0 keeps the entry: credential 1 misses each time.
        for _ in 0..<DatasetHints.replaceAfterMisses { _ = try known(0) }
        #expect(try known(1) < steady)
        for _ in 0..<DatasetHints.replaceAfterMisses { _ = try known(1) }
        #expect(try known(1) == steady)
        #expect(try known(0) < steady)
    }

    @Test("a line order is noted at the first canonical form; later ones give the long way's bytes from it")
    func lineOrder() throws {
        let options = try Self.options()
        let template = try #require(DatasetTemplateTests.template(of: Self.credential(0), options: options))
        for algorithm in [RDFCanonicalizer.HashAlgorithm.sha256, .sha384] {
            for index in 1..<6 {
                let document = Self.credential(index)
                let dataset = try #require(template.dataset(for: DocumentShape(document), colonTerms: []))
                let canonicalizer = RDFCanonicalizer(hashAlgorithm: algorithm)
                let viaTemplate = try canonicalizer.canonicalNQuadsBytes(encoded: dataset)
                let longWay = try canonicalizer.canonicalNQuadsBytes(JSONLD.toRDF(document, options: options))
                #expect(viaTemplate == longWay, "credential \(index)")
                let order = try #require(dataset.hints).hints.lineOrder
                #expect(order.count == dataset.quads.count)
                #expect(Set(order) == Set(dataset.quads.indices))
            }
        }
    }

    @Test("a dataset in which two quads coincided gets no hints")
    func coincidingQuadsGetNoHints() throws {
        let context: JSONValue = ["@vocab": "http://example.org/vocab#", "link": ["@type": "@id"]]
        func document(_ first: String, _ second: String) -> JSONValue {
            [
                "@context": context, "@id": "http://example.org/a", "link": [.string(first), .string(second)],
                "name": .string(first),
            ]
        }
        let options = try Self.options()
        let template = try #require(
            DatasetTemplateTests.template(
                of: document("http://example.org/one", "http://example.org/two"), options: options))
        let distinct = try #require(
            template.dataset(
                for: DocumentShape(document("http://example.org/x", "http://example.org/y")), colonTerms: []))
        #expect(distinct.hints != nil)
        let same = document("http://example.org/x", "http://example.org/x")
        let coincided = try #require(template.dataset(for: DocumentShape(same), colonTerms: []))
        #expect(coincided.hints == nil)
        #expect(
            try RDFCanonicalizer().canonicalNQuadsBytes(encoded: coincided)
                == RDFCanonicalizer().canonicalNQuadsBytes(JSONLD.toRDF(same, options: options)))
    }
}
