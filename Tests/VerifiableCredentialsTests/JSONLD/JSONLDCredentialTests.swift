import Foundation
import Testing
import VerifiableCredentials

/// Expands real credentials with the bundled contexts and compares with the published canonical N-Quads.
@Suite("JSON-LD on Verifiable Credentials")
struct JSONLDCredentialTests {
    struct Pair: CustomTestStringConvertible, Sendable {
        var input: String
        var expected: String
        var testDescription: String { input }
    }

    static let pairs: [Pair] = [
        Pair(input: "eddsa/unsigned.json", expected: "eddsa/eddsa-rdfc-2022/canonDocDataInt.txt"),
        Pair(
            input: "eddsa/eddsa-rdfc-2022/proofConfigDataInt.json",
            expected: "eddsa/eddsa-rdfc-2022/proofCanonDataInt.txt"),
        Pair(input: "eddsa/employmentAuth.json", expected: "eddsa/eddsa-rdfc-2022/employ/canonDocDataInt.txt"),
        Pair(
            input: "eddsa/eddsa-rdfc-2022/employ/proofConfigDataInt.json",
            expected: "eddsa/eddsa-rdfc-2022/employ/proofCanonDataInt.txt"),
        Pair(input: "ecdsa/unsigned.json", expected: "ecdsa/ecdsa-rdfc-2019-p256/canonDocECDSAP256.txt"),
        Pair(
            input: "ecdsa/ecdsa-rdfc-2019-p256/proofConfigECDSAP256.json",
            expected: "ecdsa/ecdsa-rdfc-2019-p256/proofCanonECDSAP256.txt"),
        Pair(input: "ob3-eddsa/unsigned.json", expected: "ob3-eddsa/canonDocument.nq"),
    ]

    static let contextsDirectory = Vectors.sharedDirectory.appendingPathComponent("contexts")

    static func options(safeMode: Bool = true) throws -> JSONLDOptions {
        JSONLDOptions(documentLoader: try BundledDocumentLoader(directory: contextsDirectory), safeMode: safeMode)
    }

    @Test("credential gives the published quads (safe mode)", arguments: pairs)
    func credentialQuads(_ pair: Pair) throws {
        let dataset = try JSONLD.toRDF(try Vectors.json(pair.input), options: try Self.options())
        let expected = try NQuadsTestParser.parse(try Vectors.text(pair.expected))
        #expect(!expected.isEmpty)
        #expect(DatasetIsomorphism.isomorphic(dataset, expected))
    }

    @Test("safe mode rejects an undefined property, naming it and its JSON path")
    func safeModeUndefinedProperty() throws {
        let document: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiableCredential"],
            "credentialSubject": ["id": "did:example:1", "favouriteColour": "blue"],
        ]
        let error = #expect(throws: CredentialError.self) { try JSONLD.toRDF(document, options: try Self.options()) }
        #expect(error?.code == .undefinedTerm)
        #expect(error?.location == "/credentialSubject/favouriteColour")
        // A member name with / and ~ is one escaped token of the path.
        let slashed: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
            "credentialSubject": ["id": "did:example:1", "colour/shade~1": "blue"],
        ]
        let slashedError = #expect(throws: CredentialError.self) {
            try JSONLD.toRDF(slashed, options: try Self.options())
        }
        #expect(slashedError?.location == "/credentialSubject/colour~1shade~01")
        // Without safe mode the property is silently dropped, as the spec says.
        let dataset = try JSONLD.toRDF(document, options: try Self.options(safeMode: false))
        #expect(!dataset.contains { $0.predicate == .iri("favouriteColour") })
        #expect(dataset.count == 2)
    }

    @Test("safe mode rejects an undefined type and a relative identifier")
    func safeModeTypeAndRelativeIRI() throws {
        let undefinedType: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential", "MadeUp"],
        ]
        let typeError = #expect(throws: CredentialError.self) {
            try JSONLD.toRDF(undefinedType, options: try Self.options())
        }
        #expect(typeError?.code == .undefinedTerm)
        #expect(typeError?.location == "/type/1")
        let relative: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "id": "credentials/1", "type": "VerifiableCredential",
        ]
        let idError = #expect(throws: CredentialError.self) { try JSONLD.toRDF(relative, options: try Self.options()) }
        #expect(idError?.code == .relativeIRI)
    }

    @Test("an unknown context URL fails with unknownContext naming the URL")
    func unknownContext() throws {
        let document: JSONValue = ["@context": "https://example.com/not-bundled", "name": "x"]
        let error = #expect(throws: CredentialError.self) { try JSONLD.toRDF(document, options: try Self.options()) }
        #expect(error?.code == .unknownContext)
        #expect(error?.message.contains("https://example.com/not-bundled") == true)
        #expect(error?.jsonLDErrorCode == "loading remote context failed")
    }

    /// Counts loads, to show that a shared cache loads each remote context once.
    final class CountingLoader: DocumentLoader, @unchecked Sendable {
        let inner: BundledDocumentLoader
        let cache = JSONLDContextCache()
        private let lock = NSLock()
        private var counts: [String: Int] = [:]

        init(_ inner: BundledDocumentLoader) { self.inner = inner }

        var contextCache: JSONLDContextCache? { cache }
        var loads: [String: Int] { lock.withLock { counts } }

        func loadDocument(_ url: String) throws(CredentialError) -> JSONValue {
            lock.withLock { counts[url, default: 0] += 1 }
            return try inner.loadDocument(url)
        }
    }

    @Test("remote contexts are loaded once per cache, and cached results are identical")
    func contextCaching() throws {
        let loader = CountingLoader(try BundledDocumentLoader(directory: Self.contextsDirectory))
        let options = JSONLDOptions(documentLoader: loader, safeMode: true)
        let document = try Vectors.json("eddsa/employmentAuth.json")
        let first = try JSONLD.toRDF(document, options: options)
        for _ in 0..<20 { #expect(try JSONLD.toRDF(document, options: options) == first) }
        #expect(!loader.loads.isEmpty)
        #expect(loader.loads.values.allSatisfy { $0 == 1 })
    }
}
