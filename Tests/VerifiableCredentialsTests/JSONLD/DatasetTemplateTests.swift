import Testing

@testable import VerifiableCredentials

/// Dataset templates (``DatasetTemplate``): a document put through a template gives the canonical bytes the long
/// way (JSON-LD → node map → quads → RDFC-1.0) gives it, or the same error, or the template declines.
@Suite("Dataset templates")
struct DatasetTemplateTests {
    typealias Outcome = JSONLDCanonicalBytesTests.Outcome

    /// Texts a slot is tried with: escapes, Unicode (one canonically equivalent pair), keyword and blank node
    /// lookalikes, IRI troublemakers, the empty string.
    static let texts = [
        "", "plain", "a\"quote", "back\\slash", "line\nbreak", "tab\tand\rreturn", "\u{E9}", "e\u{301}", "\u{1F600}",
        "_:b0", "@id", "@type", "with space", "<angle>", "//double", "x#frag", "ex:term", "{brace}", "1", "true",
    ]

    /// A document like `document` whose slot leaves (of `template`) are replaced with seeded choices among
    /// ``texts`` and each other's values (so that two slots are sometimes equal).
    static func variant(of document: JSONValue, template: DatasetTemplate, seed: inout UInt64) -> JSONValue {
        let original = DocumentShape(document).leaves
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var chosen: [Int: String] = [:]
        return DocumentShape.replacingLeaves(of: document) { index, value in
            let text: String
            switch template.leaves[index] {
            case .fixed:
                return value
            case .literal:
                text = next(3) == 0 ? (chosen.values.first ?? "") : texts[next(texts.count)]
            case .iri(let prefix):
                switch next(5) {
                case 0: text = chosen.values.first(where: { $0.hasPrefix(prefix) }) ?? prefix + "same"
                case 1: text = prefix + texts[next(texts.count)]
                case 2: text = "other:" + texts[next(texts.count)]
                default: text = original[index].stringValue ?? prefix + "x"
                }
            }
            chosen[index] = text
            return .string(text)
        }
    }

    /// The template of `document` under `options`, made as the canonicalizer makes it.
    static func template(of document: JSONValue, options: JSONLDOptions) -> DatasetTemplate? {
        guard case .bytes(let expected) = JSONLDCanonicalBytesTests.viaQuads(document, options: options) else {
            return nil
        }
        return DatasetTemplateBuilder.template(
            for: document, shape: DocumentShape(document), options: options, expected: expected,
            canonicalizer: RDFCanonicalizer(), colonTerms: colonTerms(options))
    }

    static func colonTerms(_ options: JSONLDOptions) -> Set<String> {
        (options.contextCache ?? options.documentLoader.contextCache)?.templates.colonTerms ?? []
    }

    /// Puts `count` variants of `document` through its template; returns how many the template served.
    static func checkVariants(of document: JSONValue, template: DatasetTemplate, options: JSONLDOptions, count: Int)
        -> Int
    {
        var seed: UInt64 = 0x7E3A_1A7E
        var served = 0
        for round in 0..<count {
            let variant = Self.variant(of: document, template: template, seed: &seed)
            #expect(template.matches(DocumentShape(variant)), "variant \(round)")
            if check(variant, template: template, options: options) { served += 1 }
        }
        return served
    }

    /// Whether `template` serves `document`; if it does, the bytes (or error) must be the long way's.
    @discardableResult
    static func check(_ document: JSONValue, template: DatasetTemplate, options: JSONLDOptions) -> Bool {
        let shape = DocumentShape(document)
        guard template.matches(shape), let dataset = template.dataset(for: shape, colonTerms: colonTerms(options))
        else { return false }
        let viaTemplate: Outcome
        do {
            viaTemplate = .bytes(try RDFCanonicalizer().canonicalNQuadsBytes(encoded: dataset))
        } catch {
            viaTemplate = .failed(error.jsonLDErrorCode ?? "\(error.code)")
        }
        #expect(viaTemplate == JSONLDCanonicalBytesTests.viaQuads(document, options: options))
        return true
    }

    @Test("every W3C toRdf input with a template: 40 variants of it give the long way's bytes")
    func toRdfInputs() throws {
        var templated = 0
        var served = 0
        for (test, var options) in ToRDFManifest.oneWalkCases {
            options.contextCache = options.contextCache ?? options.documentLoader.contextCache ?? JSONLDContextCache()
            let input = try Vectors.json("\(ToRDFManifest.folder)/\(test.input)")
            guard let template = Self.template(of: input, options: options) else { continue }
            templated += 1
            served += Self.checkVariants(of: input, template: template, options: options, count: 40)
        }
        // Most inputs have a string JSON-LD copies; the variants that leave a slot's class are declined.
        #expect(templated > 150)
        #expect(served > 2_000)
    }

    @Test("CME credentials and random documents: variants through their templates give the long way's bytes")
    func credentialsAndRandomDocuments() throws {
        let loader = try BundledDocumentLoader(directory: PyLDCrossCheckTests.contexts)
        let options = JSONLDOptions(documentLoader: loader, safeMode: true, contextCache: JSONLDContextCache())
        var documents = (0..<4).map { CMESample.credential($0) }
        var generator = RandomJSONLD(seed: 0xD47A_5E17)
        documents += (0..<150).map { _ in generator.document() }
        var templated = 0
        for document in documents {
            guard let template = Self.template(of: document, options: options) else { continue }
            templated += 1
            _ = Self.checkVariants(of: document, template: template, options: options, count: 20)
        }
        #expect(templated > 80)
        let credential = try #require(Self.template(of: CMESample.credential(0), options: options))
        // The credential's id, issuer id, names, dates and hashes vary; its contexts, types and numbers do not.
        let slots = credential.leaves.filter {
            if case .fixed = $0 { return false }
            return true
        }
        #expect(slots.count >= 8)
        #expect(credential.leaves.contains { if case .iri(prefix: "urn:") = $0 { true } else { false } })
    }

    @Test("the canonicalizer makes a template at a shape's second document and serves the third from it")
    func canonicalizerUsesTemplates() throws {
        let loader = try BundledDocumentLoader(directory: PyLDCrossCheckTests.contexts)
        let cache = JSONLDContextCache()
        let options = JSONLDOptions(documentLoader: loader, safeMode: true, contextCache: cache)
        let documents = (0..<6).map { index in
            DocumentShape.replacingLeaves(of: CMESample.credential(0)) { _, value in
                guard case .string(let text) = value, text.hasPrefix("sha256$") else { return value }
                return .string("sha256$\(index)")
            }
        }
        let shape = DocumentShape(documents[0])
        let templateOptions = DatasetTemplateCache.Options(options)
        #expect(cache.templates.dataset(for: shape, options: templateOptions) == nil)
        for document in documents {
            #expect(
                JSONLDCanonicalBytesTests.inOneWalk(document, options: options)
                    == JSONLDCanonicalBytesTests.viaQuads(document, options: options))
        }
        #expect(cache.templates.dataset(for: DocumentShape(documents[5]), options: templateOptions) != nil)
        cache.forgetExpandedObjects()
        #expect(cache.templates.dataset(for: DocumentShape(documents[5]), options: templateOptions) == nil)
    }

    @Test("with datasetTemplates off the canonicalizer makes no template and gives the same bytes")
    func templatesOff() throws {
        let loader = try BundledDocumentLoader(directory: PyLDCrossCheckTests.contexts)
        let cache = JSONLDContextCache()
        var options = JSONLDOptions(documentLoader: loader, safeMode: true, contextCache: cache)
        options.datasetTemplates = false
        var withTemplates = JSONLDOptions(documentLoader: loader, safeMode: true, contextCache: JSONLDContextCache())
        withTemplates.datasetTemplates = true
        for index in 0..<4 {
            let document = DocumentShape.replacingLeaves(of: CMESample.credential(0)) { _, value in
                guard case .string(let text) = value, text.hasPrefix("sha256$") else { return value }
                return .string("sha256$\(index)")
            }
            #expect(
                JSONLDCanonicalBytesTests.inOneWalk(document, options: options)
                    == JSONLDCanonicalBytesTests.inOneWalk(document, options: withTemplates))
        }
        #expect(cache.templates.count == 0)
        #expect(withTemplates.contextCache?.templates.count ?? 0 > 0)
    }

    @Test("a type's value is never a slot: another type picks another scoped context")
    func typesStayFixed() throws {
        let context: JSONValue = [
            "@vocab": "http://example.org/vocab#", "ex": "http://example.org/",
            "ex:A": [
                "@id": "http://example.org/A", "@context": ["p": ["@id": "http://example.org/p", "@type": "@id"]],
            ],
            "ex:B": ["@id": "http://example.org/B", "@context": ["p": "http://example.org/literal-p"]],
        ]
        let options = JSONLDOptions(
            documentLoader: BundledDocumentLoader(documents: [:]), contextCache: JSONLDContextCache())
        func document(type: String) -> JSONValue {
            ["@context": context, "@id": "http://example.org/node", "@type": .string(type), "p": "urn:x:value"]
        }
        let template = try #require(Self.template(of: document(type: "ex:A"), options: options))
        #expect(!template.matches(DocumentShape(document(type: "ex:B"))))
        #expect(Self.checkVariants(of: document(type: "ex:A"), template: template, options: options, count: 30) > 0)
        // The same under an alias of @type, which the builder cannot tell from its key.
        func aliased(type: String) -> JSONValue {
            var scoped = context.objectValue ?? JSONObject()
            scoped = JSONObject(scoped.members + [.init(key: "kind", value: "@type")])
            return [
                "@context": .object(scoped), "@id": "http://example.org/node", "kind": .string(type), "p": "urn:x:v",
            ]
        }
        // A type without a scoped context, then one with: the template of the first must not serve the second.
        let unscoped = try #require(Self.template(of: aliased(type: "ex:C"), options: options))
        Self.check(aliased(type: "ex:A"), template: unscoped, options: options)
        #expect(!unscoped.matches(DocumentShape(aliased(type: "ex:A"))))
        let viaAlias = try #require(Self.template(of: aliased(type: "ex:A"), options: options))
        #expect(!viaAlias.matches(DocumentShape(aliased(type: "ex:B"))))
        #expect(Self.checkVariants(of: aliased(type: "ex:A"), template: viaAlias, options: options, count: 30) > 0)
    }

    @Test("an IRI slot whose value is a term with a colon is declined (the term may map elsewhere)")
    func colonTermsDecline() throws {
        let context: JSONValue = [
            "ex": "http://example.org/",
            "p": ["@id": "http://example.org/p", "@type": "@vocab"],
            // "tag" is no prefix (its IRI does not end in a delimiter), but a term with a colon and no @id takes
            // its prefix's IRI all the same.
            "tag": "http://example.org/elsewhere-", "tag:other": ["@type": "@id"],
        ]
        let options = JSONLDOptions(
            documentLoader: BundledDocumentLoader(documents: [:]), contextCache: JSONLDContextCache())
        let document: JSONValue = ["@context": context, "@id": "http://example.org/n", "p": "tag:plain"]
        let template = try #require(Self.template(of: document, options: options))
        #expect(Self.colonTerms(options).contains("tag:other"))
        let colonTerm: JSONValue = ["@context": context, "@id": "http://example.org/n", "p": "tag:other"]
        let shape = DocumentShape(colonTerm)
        #expect(template.matches(shape))
        #expect(template.dataset(for: shape, colonTerms: Self.colonTerms(options)) == nil)
        // The long way expands it through the term.
        guard case .bytes(let bytes) = JSONLDCanonicalBytesTests.viaQuads(colonTerm, options: options) else {
            Issue.record("the long way failed")
            return
        }
        #expect(String(decoding: bytes, as: UTF8.self).contains("<http://example.org/elsewhere-other>"))
        #expect(Self.checkVariants(of: document, template: template, options: options, count: 30) > 0)
    }

    @Test("nodes with @index get no template; documents that mention the marker get none")
    func declined() throws {
        let options = JSONLDOptions(
            documentLoader: BundledDocumentLoader(documents: [:]), contextCache: JSONLDContextCache())
        let indexed: JSONValue = [
            "@context": ["@vocab": "http://example.org/"], "@id": "http://example.org/a", "@index": "1", "name": "x",
        ]
        #expect(Self.template(of: indexed, options: options) == nil)
        let plain: JSONValue = ["@context": ["@vocab": "http://example.org/"], "name": "x", "note": "y"]
        #expect(Self.template(of: plain, options: options) != nil)
        let marked: JSONValue = [
            "@context": ["@vocab": "http://example.org/"], "name": .string(DatasetTemplateBuilder.marker + "1z"),
        ]
        #expect(Self.template(of: marked, options: options) == nil)
    }
}

extension DatasetTemplateTests {
    @Test("the cache makes a template at a shape's second miss, not for documents beyond the leaf limit")
    func buildPolicy() throws {
        let cache = DatasetTemplateCache()
        let options = DatasetTemplateCache.Options(
            JSONLDOptions(documentLoader: BundledDocumentLoader(documents: [:])))
        let small = DocumentShape(["name": "x", "note": "y"])
        #expect(!cache.shouldBuild(after: small, options: options))
        #expect(cache.shouldBuild(after: small, options: options))
        // Then only after 64 misses per template made (none served yet).
        #expect((0..<61).allSatisfy { _ in !cache.shouldBuild(after: small, options: options) })
        #expect(cache.shouldBuild(after: small, options: options))
        let large = DocumentShape(
            .array((0...DatasetTemplateCache.leafLimit).map { JSONValue.string("leaf \($0)") }))
        #expect(!cache.shouldBuild(after: large, options: options))
        #expect(!cache.shouldBuild(after: large, options: options))
    }
}
