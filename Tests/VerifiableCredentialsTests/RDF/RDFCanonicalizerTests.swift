import Testing
import VerifiableCredentials

@Suite("RDFC-1.0 canonicalizer")
struct RDFCanonicalizerTests {
    /// A small seeded generator, so shuffles are the same on every run.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }

    /// The dataset with its quads shuffled and its blank nodes renamed.
    static func scrambled(_ dataset: RDFDataset, seed: UInt64) -> RDFDataset {
        var generator = SeededGenerator(state: seed)
        func rename(_ term: RDFTerm) -> RDFTerm {
            guard case .blankNode(let label) = term else { return term }
            return .blankNode("n\(seed)x\(String(label.reversed()))")
        }
        return dataset.shuffled(using: &generator).map { quad in
            RDFQuad(
                subject: rename(quad.subject), predicate: quad.predicate, object: rename(quad.object),
                graph: quad.graph.map(rename))
        }
    }

    @Test(
        "Shuffled quads and renamed blank nodes give the same document",
        arguments: ["test020", "test044", "test046", "test053", "test060", "test070", "test073"])
    func shuffledInput(_ name: String) throws {
        let dataset = try NQuads.parse(try Vectors.text("rdf-canon/rdfc10/\(name)-in.nq"))
        let expected = try Vectors.text("rdf-canon/rdfc10/\(name)-rdfc10.nq")
        for seed in UInt64(1)...5 {
            let result = try RDFCanonicalizer().canonicalize(Self.scrambled(dataset, seed: seed))
            #expect(result.nquads == expected, "seed \(seed)")
        }
    }

    @Test(
        "Canonicalizing a canonical document gives it back", arguments: try RDFCVector.all().filter { $0.kind == .eval }
    )
    func idempotent(_ vector: RDFCVector) throws {
        let canonical = try Vectors.text("rdf-canon/\(try #require(vector.result))")
        let again = try RDFCanonicalizer(hashAlgorithm: vector.hashAlgorithm).canonicalize(nquads: canonical)
        #expect(again.nquads == canonical)
    }

    @Test("The Open Badges 3.0 vector's canonical document is canonical")
    func openBadgesDocument() throws {
        for name in ["canonDocument.nq", "canonProofConfig.nq"] {
            let canonical = try Vectors.text("ob3-eddsa/\(name)")
            #expect(try RDFCanonicalizer().canonicalize(nquads: canonical).nquads == canonical, "\(name)")
        }
    }

    @Test("Duplicate quads count once and the output has unique lines")
    func duplicates() throws {
        let line = "_:x <urn:ex:p> \"v\" .\n"
        let result = try RDFCanonicalizer().canonicalize(nquads: line + line + line)
        #expect(result.nquads == "_:c14n0 <urn:ex:p> \"v\" .\n")
        #expect(result.quads.count == 1)
        #expect(result.issuedIdentifiers == ["x": "c14n0"])
    }

    @Test("The spec's unique hashes example (§4.4.2, Example 2)")
    func uniqueHashesExample() throws {
        let input = """
            <http://example.com/#p> <http://example.com/#q> _:e0 .
            <http://example.com/#p> <http://example.com/#r> _:e1 .
            _:e0 <http://example.com/#s> <http://example.com/#u> .
            _:e1 <http://example.com/#t> <http://example.com/#u> .

            """
        let result = try RDFCanonicalizer().canonicalize(nquads: input)
        #expect(
            result.nquads == """
                <http://example.com/#p> <http://example.com/#q> _:c14n0 .
                <http://example.com/#p> <http://example.com/#r> _:c14n1 .
                _:c14n0 <http://example.com/#s> <http://example.com/#u> .
                _:c14n1 <http://example.com/#t> <http://example.com/#u> .

                """)
        #expect(result.issuedIdentifiers == ["e0": "c14n0", "e1": "c14n1"])
    }

    @Test("canonicalNQuadsBytes is the UTF-8 of the canonical document")
    func bytesHelper() throws {
        let dataset = try NQuads.parse(try Vectors.text("rdf-canon/rdfc10/test060-in.nq"))
        let expected = Array(try Vectors.text("rdf-canon/rdfc10/test060-rdfc10.nq").utf8)
        #expect(try RDFCanonicalizer.canonicalNQuadsBytes(dataset) == expected)
        #expect(try RDFCanonicalizer(hashAlgorithm: .sha256).canonicalNQuadsBytes(dataset) == expected)
    }

    @Test("SHA-384 changes the labels of a symmetric dataset")
    func hashAlgorithmMatters() throws {
        let input = try Vectors.text("rdf-canon/rdfc10/test075-in.nq")
        let sha256 = try RDFCanonicalizer(hashAlgorithm: .sha256).canonicalize(nquads: input)
        let sha384 = try RDFCanonicalizer(hashAlgorithm: .sha384).canonicalize(nquads: input)
        #expect(sha256.nquads != sha384.nquads)
        #expect(sha384.nquads == (try Vectors.text("rdf-canon/rdfc10/test075-rdfc10.nq")))
    }

    @Test("An empty dataset gives an empty document")
    func emptyDataset() throws {
        let result = try RDFCanonicalizer().canonicalize([])
        #expect(result.nquads.isEmpty)
        #expect(result.issuedIdentifiers.isEmpty)
    }
}
