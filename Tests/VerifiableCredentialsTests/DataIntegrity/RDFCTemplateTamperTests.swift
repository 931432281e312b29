import Foundation
import Testing

@testable import VerifiableCredentials

/// eddsa-rdfc-2022 through dataset templates: once documents of one shape have made a template, a changed string
/// in a slot, a changed fixed value, a Unicode-equivalent spelling or another document's signature still fails.
@Suite("eddsa-rdfc-2022 with dataset templates")
struct RDFCTemplateTamperTests {
    static let created = Date(timeIntervalSince1970: 1_772_409_600)  // 2026-03-02

    static func document(_ number: Int, name: String? = nil, credits: Double = 3.25) -> JSONValue {
        [
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
            "id": .string("urn:uuid:3f0b6c8e-1d2a-4c4e-9f55-\(String(format: "%012d", number))"),
            "type": ["VerifiableCredential"],
            "issuer": "did:example:issuer",
            "validFrom": "2026-03-02T00:00:00Z",
            "credentialSubject": [
                "id": .string("did:example:learner-\(number)"), "credits": .number(credits),
                "name": .string(name ?? "Learner \(number)"),
            ],
        ]
    }

    static func replacing(_ document: JSONValue, at path: [String], with value: JSONValue) throws -> JSONValue {
        guard let key = path.first else { return value }
        var object = try #require(document.objectValue)
        object[key] = try replacing(object[key] ?? .null, at: Array(path.dropFirst()), with: value)
        return .object(object)
    }

    @Test("signed and verified through templates, and every tampering fails")
    func tampering() throws {
        let loader = try BundledDocumentLoader(directory: PyLDCrossCheckTests.contexts)
        let suite = EdDSARDFC2022(documentLoader: loader)
        let key = SigningKey(generating: .ed25519)
        let signer = try DataIntegritySigner(key: key, suite: suite)
        let options = ProofOptions(
            verificationMethod: DIDKey.verificationMethodID(for: key.publicKey), created: Self.created)
        let verifier = DataIntegrityVerifier(
            suites: CryptosuiteSet([suite]), now: Self.created.addingTimeInterval(3600))
        func verified(_ document: JSONValue) -> Bool {
            verifier.verify(document, expecting: ProofExpectations(proofPurpose: "assertionMethod")).verified
        }
        let signed = try (0..<8).map {
            try signer.addProof(to: Self.document($0, name: $0 == 7 ? "Ren\u{E9}" : nil), options: options)
        }
        for document in signed { #expect(verified(document)) }
        // Each a second time: by now the shape has templates.
        #expect((loader.contextCache?.templates.count ?? 0) > 0)
        for document in signed { #expect(verified(document)) }
        let tampered: [(String, JSONValue)] = [
            ("a name", try Self.replacing(signed[1], at: ["credentialSubject", "name"], with: "Learner 2")),
            ("an id", try Self.replacing(signed[1], at: ["id"], with: "urn:uuid:3f0b6c8e-1d2a-4c4e-9f55-000000000002")),
            (
                "a subject",
                try Self.replacing(signed[1], at: ["credentialSubject", "id"], with: "did:example:learner-2")
            ),
            ("a credit amount", try Self.replacing(signed[1], at: ["credentialSubject", "credits"], with: 4.25)),
            ("a date", try Self.replacing(signed[1], at: ["validFrom"], with: "2026-03-03T00:00:00Z")),
            (
                "an equivalent spelling",
                try Self.replacing(signed[7], at: ["credentialSubject", "name"], with: "Rene\u{301}")
            ),
            ("another's proof", try Self.replacing(signed[1], at: ["proof"], with: signed[2]["proof"] ?? .null)),
        ]
        for (change, document) in tampered {
            #expect(!verified(document), "\(change)")
        }
        // The untouched ones still verify after all that.
        for document in signed { #expect(verified(document)) }
    }
}
