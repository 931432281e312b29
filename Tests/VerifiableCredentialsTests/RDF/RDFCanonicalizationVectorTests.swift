import Testing
import VerifiableCredentials

/// One entry of the W3C RDFC-1.0 test suite manifest (`vectors/rdf-canon/manifest.jsonld`).
struct RDFCVector: Sendable, CustomTestStringConvertible {
    enum Kind: Sendable {
        /// The canonical N-Quads must equal the `result` file byte for byte.
        case eval
        /// The issued identifiers map must equal the `result` JSON object.
        case map
        /// Canonicalization must fail with `workLimitExceeded`.
        case negative
    }

    var id: String
    var name: String
    var kind: Kind
    var action: String
    var result: String?
    var hashAlgorithm: RDFCanonicalizer.HashAlgorithm

    var testDescription: String { "\(id) \(name)" }

    static func all() throws -> [RDFCVector] {
        let manifest = try Vectors.json("rdf-canon/manifest.jsonld")
        return try manifest["entries"]?.asArray.map { entry in
            let type = entry["type"]?.stringValue
            let kind: Kind =
                switch type {
                case "rdfc:RDFC10EvalTest": .eval
                case "rdfc:RDFC10MapTest": .map
                case "rdfc:RDFC10NegativeEvalTest": .negative
                default: throw ManifestError(description: "unknown test type \(type ?? "nil")")
                }
            return RDFCVector(
                id: entry["id"]?.stringValue ?? "?",
                name: entry["name"]?.stringValue ?? "",
                kind: kind,
                action: entry["action"]?.stringValue ?? "",
                result: entry["result"]?.stringValue,
                hashAlgorithm: entry["hashAlgorithm"]?.stringValue == "SHA384" ? .sha384 : .sha256)
        } ?? []
    }

    struct ManifestError: Error, CustomStringConvertible { var description: String }
}

@Suite("RDFC-1.0 W3C test suite")
struct RDFCanonicalizationVectorTests {
    @Test("The manifest lists 64 eval, 21 map and 1 negative test")
    func manifestIsComplete() throws {
        let vectors = try RDFCVector.all()
        #expect(vectors.count == 86)
        #expect(vectors.filter { $0.kind == .eval }.count == 64)
        #expect(vectors.filter { $0.kind == .map }.count == 21)
        #expect(vectors.filter { $0.kind == .negative }.count == 1)
        #expect(vectors.filter { $0.hashAlgorithm == .sha384 }.count == 2)
    }

    @Test(arguments: try RDFCVector.all())
    func vector(_ vector: RDFCVector) throws {
        let input = try Vectors.text("rdf-canon/\(vector.action)")
        let canonicalizer = RDFCanonicalizer(hashAlgorithm: vector.hashAlgorithm)
        switch vector.kind {
        case .eval:
            let expected = try Vectors.text("rdf-canon/\(try #require(vector.result))")
            let result = try canonicalizer.canonicalize(nquads: input)
            #expect(result.nquads == expected)
            #expect(NQuads.serialize(result.quads) == expected)
        case .map:
            let expected = try Vectors.json("rdf-canon/\(try #require(vector.result))")
            let object = try #require(expected.objectValue)
            var map: [String: String] = [:]
            for member in object.members { map[member.key] = member.value.stringValue }
            let result = try canonicalizer.canonicalize(nquads: input)
            #expect(result.issuedIdentifiers == map)
        case .negative:
            let error = #expect(throws: CredentialError.self) { try canonicalizer.canonicalize(nquads: input) }
            #expect(error?.code == .workLimitExceeded)
        }
    }
}
