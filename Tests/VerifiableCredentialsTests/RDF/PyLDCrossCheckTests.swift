import Foundation
import Testing
import VerifiableCredentials

/// Our JSON-LD → RDF → RDFC-1.0 output against pyld's (`jsonld.normalize`, URDNA2015, which equals RDFC-1.0 for
/// these inputs), byte for byte, with both sides loading only the package's bundled contexts.
@Suite("RDFC-1.0 against pyld")
struct PyLDCrossCheckTests {
    /// `<package>/Schemas/contexts`: the shared contexts plus the CME context.
    static let contexts = URL(fileURLWithPath: #filePath)  // Tests/VerifiableCredentialsTests/RDF/<file>
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Schemas").appendingPathComponent("contexts")

    static let script =
        PythonPeer.pyldPrelude + """
            results = []
            for doc in INPUT:
                try:
                    results.append(canonize(doc))
                except Exception as e:
                    results.append({"failed": str(e)[:300]})
            print(json.dumps(results))
            """

    /// Canonicalizes every document with both implementations and compares.
    static func compare(_ documents: [(String, JSONValue)]) throws {
        let loader = try BundledDocumentLoader(directory: contexts)
        let theirs = try #require(
            try PythonPeer.run(script, input: .array(documents.map(\.1)), contexts: contexts).arrayValue)
        try #require(theirs.count == documents.count)
        let canonicalizer = RDFCanonicalizer()
        for ((name, document), expected) in zip(documents, theirs) {
            guard let expectedText = expected.stringValue else {
                Issue.record("pyld could not canonicalize \(name): \(expected)")
                continue
            }
            let options = JSONLDOptions(documentLoader: loader, safeMode: true)
            let dataset = try JSONLD.toRDF(document, options: options)
            let ours = String(decoding: try canonicalizer.canonicalNQuadsBytes(dataset), as: UTF8.self)
            #expect(ours == expectedText, "\(name) differs from pyld")
            // The suites' path: from the expanded document straight to the encoded dataset.
            let direct = try canonicalizer.canonicalNQuadsBytes(jsonLD: document, options: options)
            #expect(String(decoding: direct, as: UTF8.self) == expectedText, "\(name), one walk, differs from pyld")
        }
    }

    @Test("Vector credentials: Open Badges 3.0, the eddsa/ecdsa credentials and proof configurations, employment")
    func vectorDocuments() throws {
        let files = [
            "ob3-eddsa/unsigned.json", "ob3-eddsa/signed.json", "eddsa/unsigned.json", "eddsa/employmentAuth.json",
            "ecdsa/unsigned.json", "ecdsa/employmentAuth.json", "eddsa/eddsa-rdfc-2022/proofConfigDataInt.json",
            "eddsa/eddsa-rdfc-2022/signedDataInt.json", "eddsa/proof-set-chain/signedProofChain2.json",
            "eddsa/Ed25519Signature2020/signedEdSig.json",
        ]
        try Self.compare(try files.map { ($0, try Vectors.json($0)) })
    }

    @Test("CME-shaped Open Badges 3.0 credentials (OB 3.0.3 and CME contexts)")
    func cmeCredentials() throws {
        try Self.compare((0..<4).map { ("CME credential \($0)", CMESample.credential($0)) })
    }

    @Test("60 seeded random documents with blank nodes, lists and shared structures")
    func generatedDocuments() throws {
        var generator = RandomJSONLD(seed: 0x5EED_CAFE)
        try Self.compare((0..<60).map { ("generated document \($0)", generator.document()) })
    }
}
