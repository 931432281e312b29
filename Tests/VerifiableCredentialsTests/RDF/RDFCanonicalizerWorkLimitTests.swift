import Testing
import VerifiableCredentials

@Suite("RDFC-1.0 work limit against poison datasets")
struct RDFCanonicalizerWorkLimitTests {
    /// Every pair of `size` blank nodes linked both ways (and each to itself), like the suite's test074.
    static func clique(_ size: Int) -> RDFDataset {
        var quads: RDFDataset = []
        for from in 0..<size {
            for to in 0..<size {
                quads.append(
                    RDFQuad(
                        subject: .blankNode("n\(from)"), predicate: .iri("urn:ex:p"),
                        object: .blankNode("n\(to)")))
            }
        }
        return quads
    }

    @Test("The suite's 10-node clique (test074) is rejected with workLimitExceeded")
    func suiteClique() throws {
        let input = try Vectors.text("rdf-canon/rdfc10/test074-in.nq")
        let error = #expect(throws: CredentialError.self) { try RDFCanonicalizer().canonicalize(nquads: input) }
        #expect(error?.code == .workLimitExceeded)
    }

    @Test("Generated cliques are rejected", arguments: [8, 12, 24])
    func generatedClique(_ size: Int) {
        let error = #expect(throws: CredentialError.self) {
            try RDFCanonicalizer().canonicalize(Self.clique(size))
        }
        #expect(error?.code == .workLimitExceeded)
    }

    @Test("A small clique passes with the default limit and with an unlimited one")
    func smallCliquePasses() throws {
        let limited = try RDFCanonicalizer().canonicalize(Self.clique(3))
        let unlimited = try RDFCanonicalizer(workLimit: .unlimited).canonicalize(Self.clique(3))
        #expect(limited.nquads == unlimited.nquads)
        #expect(limited.quads.count == 9)
    }

    @Test("A tighter limit rejects what the default accepts")
    func configurable() throws {
        let input = try Vectors.text("rdf-canon/rdfc10/test044-in.nq")
        _ = try RDFCanonicalizer().canonicalize(nquads: input)
        let tight = RDFCanonicalizer(workLimit: .init(stepsPerBlankNodePair: 1, maximumSteps: 2))
        let error = #expect(throws: CredentialError.self) { try tight.canonicalize(nquads: input) }
        #expect(error?.code == .workLimitExceeded)
    }

    /// `hubs` blank nodes, each linked to `leaves` blank nodes of its own.
    static func stars(hubs: Int, leaves: Int) -> RDFDataset {
        var quads: RDFDataset = []
        for hub in 0..<hubs {
            for leaf in 0..<leaves {
                quads.append(
                    RDFQuad(
                        subject: .blankNode("h\(hub)"), predicate: .iri("urn:ex:p"),
                        object: .blankNode("h\(hub)l\(leaf)")))
            }
        }
        return quads
    }

    @Test("Two identical stars of 12 leaves (12! permutations per hub) are rejected")
    func permutationPoison() {
        let error = #expect(throws: CredentialError.self) {
            try RDFCanonicalizer().canonicalize(Self.stars(hubs: 2, leaves: 12))
        }
        #expect(error?.code == .workLimitExceeded)
    }

    @Test("Many symmetric blank nodes that are cheap to label pass the default limit")
    func wideButCheap() throws {
        // One hub (unique first degree hash) with 300 identical leaves: one N-degree call per leaf.
        let result = try RDFCanonicalizer().canonicalize(Self.stars(hubs: 1, leaves: 300))
        #expect(result.issuedIdentifiers.count == 301)
        #expect(result.issuedIdentifiers["h0"] == "c14n0")
    }
}
