import Testing

@testable import VerifiableCredentials

/// The memo of expanded objects (``JSONLDExpansionMemo``): a hit gives exactly what expanding again gives, and
/// everything expansion depends on is in its key.
@Suite("JSON-LD expansion memo")
struct JSONLDExpansionMemoTests {
    static let loader = BundledDocumentLoader(documents: [:])

    static func expand(_ text: String, cache: JSONLDContextCache, base: String? = nil, safeMode: Bool = false)
        throws -> JSONValue
    {
        let options = JSONLDOptions(base: base, documentLoader: loader, safeMode: safeMode, contextCache: cache)
        return try JSONLD.expand(try JSONParser.parse(text), options: options)
    }

    /// A document whose property `p` holds `object`, under a context that defines `p`, `q` and `r`.
    static func document(p object: String) -> String {
        #"{"@context": {"p": "http://example.org/p", "q": "http://example.org/q", "r": "http://example.org/r"}, "p": "#
            + object + "}"
    }

    static func totals(_ cache: JSONLDContextCache) -> (lookups: Int, hits: Int) {
        cache.expansions.tallyTotals()
    }

    @Test("CME credentials and random documents expand the same through a shared memo as each on its own")
    func sharedMemoGivesFreshResults() throws {
        let contexts = try BundledDocumentLoader(directory: PyLDCrossCheckTests.contexts)
        let shared = JSONLDContextCache()
        var documents = (0..<8).map { CMESample.credential($0) }
        var generator = RandomJSONLD(seed: 0x3E30_0016)
        documents += (0..<200).map { _ in generator.document() }
        for round in 0..<2 {
            for (index, document) in documents.enumerated() {
                let memoized = try JSONLD.expand(
                    document, options: JSONLDOptions(documentLoader: contexts, safeMode: true, contextCache: shared))
                let fresh = try JSONLD.expand(
                    document,
                    options: JSONLDOptions(documentLoader: contexts, safeMode: true, contextCache: JSONLDContextCache())
                )
                #expect(memoized == fresh, "round \(round), document \(index)")
            }
        }
        // The credentials' issuer and achievement repeat, and the second round meets every object again.
        #expect(Self.totals(shared).hits > 100)
    }

    @Test("the W3C toRdf inputs, twice through one memo, give the datasets they give each on its own")
    func toRdfSuiteThroughOneMemo() throws {
        let shared = JSONLDContextCache()
        for _ in 0..<2 {
            for test in ToRDFManifest.cases {
                let input = try Vectors.json("\(ToRDFManifest.folder)/\(test.input)")
                var options = ToRDFManifest.options(for: test)
                let fresh = Result { () throws(CredentialError) in try JSONLD.toRDF(input, options: options) }
                options.contextCache = shared
                let memoized = Result { () throws(CredentialError) in try JSONLD.toRDF(input, options: options) }
                switch (fresh, memoized) {
                case (.success(let expected), .success(let got)):
                    #expect(
                        DatasetIsomorphism.isomorphic(got, expected), "\(test.id): the memo changed the dataset")
                case (.failure(let expected), .failure(let got)):
                    #expect(got.jsonLDErrorCode == expected.jsonLDErrorCode, "\(test.id)")
                default:
                    Issue.record("\(test.id): \(fresh) without the memo, \(memoized) with it")
                }
            }
        }
        #expect(Self.totals(shared).hits > 30)
    }

    @Test("safe mode is in the key: an object expanded leniently is not reused where safe mode must refuse it")
    func safeModeIsInTheKey() throws {
        let cache = JSONLDContextCache()
        let text = #"""
            {"@context": {"p": "http://example.org/p", "q": "http://example.org/q", "r": "http://example.org/r"},
             "@id": "http://example.org/s", "p": {"q": "1", "r": "2", "undefinedTerm": "3"}}
            """#
        let lenient = try Self.expand(text, cache: cache)
        #expect(lenient.arrayValue?.first?["http://example.org/p"]?.arrayValue?.first?.objectValue?.count == 2)
        #expect(throws: CredentialError.self) { try Self.expand(text, cache: cache, safeMode: true) }
    }

    @Test("the active context is in the key: the same object under another context expands anew")
    func activeContextIsInTheKey() throws {
        let cache = JSONLDContextCache()
        func document(_ namespace: String) -> String {
            #"{"@context": {"p": "http://example.org/p", "q": "\#(namespace)q", "r": "\#(namespace)r"}, "p": {"q": "1", "r": "2", "@id": "http://example.org/o"}}"#
        }
        let first = try Self.expand(document("http://one.example/"), cache: cache)
        let second = try Self.expand(document("http://two.example/"), cache: cache)
        let object = second.arrayValue?.first?["http://example.org/p"]?.arrayValue?.first
        #expect(object?["http://two.example/q"] != nil)
        #expect(object?["http://one.example/q"] == nil)
        #expect(first != second)
    }

    @Test("the base URL is in the key: a relative @id resolves against each document's base")
    func baseIsInTheKey() throws {
        let cache = JSONLDContextCache()
        let text = Self.document(p: #"{"@id": "item", "q": "1", "r": "2"}"#)
        let first = try Self.expand(text, cache: cache, base: "http://one.example/folder/")
        let second = try Self.expand(text, cache: cache, base: "http://two.example/folder/")
        func id(_ expanded: JSONValue) -> String? {
            expanded.arrayValue?.first?["http://example.org/p"]?.arrayValue?.first?["@id"]?.stringValue
        }
        #expect(id(first) == "http://one.example/folder/item")
        #expect(id(second) == "http://two.example/folder/item")
    }

    @Test("forgetting the expanded objects: the same document is expanded again, with the same result")
    func forgetExpandedObjects() throws {
        let cache = JSONLDContextCache()
        let text = Self.document(p: #"{"@id": "http://example.org/o", "q": "1", "r": "2"}"#)
        let first = try Self.expand(text, cache: cache)
        _ = try Self.expand(text, cache: cache)
        #expect(cache.expansions.tally(for: "p").hits == 1)
        cache.forgetExpandedObjects()
        #expect(cache.expansions.tally(for: "p").lookups == 0)
        #expect(try Self.expand(text, cache: cache) == first)
        #expect(cache.expansions.tally(for: "p").hits == 0)
        #expect(cache.expansions.tally(for: "p").lookups == 1)
    }

    @Test("eddsa-rdfc-2022: after a credential verified, a copy with its achievement changed still fails")
    func changedRepeatedObjectStillFails() throws {
        let contexts = try BundledDocumentLoader(directory: PyLDCrossCheckTests.contexts)
        let key = SigningKey(generating: .ed25519)
        let signer = try DataIntegritySigner(key: key, suite: EdDSARDFC2022(documentLoader: contexts))
        let options = ProofOptions(verificationMethod: DIDKey.verificationMethodID(for: key.publicKey))
        let verifier = DataIntegrityVerifier(suites: .all(documentLoader: contexts))
        let signed = try (0..<3).map { try signer.addProof(to: CMESample.credential($0), options: options) }
        for credential in signed { #expect(verifier.verify(credential).verified) }
        // The same achievement, one word changed, in a credential whose signature covered the original.
        var tampered = try #require(signed[1].objectValue)
        var subject = try #require(tampered["credentialSubject"]?.objectValue)
        var achievement = try #require(subject["achievement"]?.objectValue)
        achievement["name"] = "Safe Opioid Prescribing 2027"
        subject["achievement"] = .object(achievement)
        tampered["credentialSubject"] = .object(subject)
        #expect(!verifier.verify(.object(tampered)).verified)
        #expect(verifier.verify(signed[2]).verified)
    }

    @Test("objects of a property that never repeat stop being looked up; repeated ones keep being found")
    func uniqueObjectsStopBeingTried() throws {
        let cache = JSONLDContextCache()
        for index in 0..<100 {
            let text = #"""
                {"@context": {"p": "http://example.org/p", "same": "http://example.org/same", "q": "http://example.org/q",
                  "r": "http://example.org/r"},
                 "p": {"q": "\#(index)", "r": "unique", "@id": "http://example.org/o\#(index)"},
                 "same": {"q": "1", "r": "2", "@id": "http://example.org/shared"}}
                """#
            _ = try Self.expand(text, cache: cache)
        }
        let memo = cache.expansions
        #expect(memo.tally(for: "p").lookups == 64)
        #expect(memo.tally(for: "p").hits == 0)
        #expect(memo.tally(for: "same").lookups == 100)
        #expect(memo.tally(for: "same").hits == 99)
        // Skipped long enough, the property is tried afresh.
        let element = JSONObject([
            .init(key: "q", value: "x"), .init(key: "r", value: "y"), .init(key: "s", value: "z"),
        ])
        func key() -> JSONLDExpansionMemo.Key? {
            memo.key(
                for: element, context: 1, activeProperty: "p", baseURL: nil, fromMap: false, safeMode: false,
                processingMode: .jsonLD11)
        }
        for _ in 0..<(JSONLDExpansionMemo.retryAfter - 36 - 1) { #expect(key() == nil) }
        #expect(key() == nil)
        #expect(key() != nil)
        #expect(memo.tally(for: "p").lookups == 0)
    }
}
