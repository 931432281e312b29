import Foundation
import Testing
import VerifiableCredentials

/// A signer remembers its last proof configuration's hash: a proof made after another is exactly the proof a
/// fresh signer makes, whether the options and `@context` repeat or change.
@Suite("Proof configuration memo")
struct ProofConfigurationMemoTests {
    static func document(_ number: Int, context: [JSONValue]) -> JSONValue {
        [
            "@context": .array(context),
            "id": .string("urn:uuid:3f0b6c8e-1d2a-4c4e-9f55-\(String(format: "%012d", number))"),
            "type": ["VerifiableCredential"],
            "issuer": "did:example:issuer",
            "validFrom": "2026-03-02T00:00:00Z",
            "credentialSubject": ["id": "did:example:subject", "name": .string("Learner \(number)")],
        ]
    }

    @Test("JCS and RDFC: each proof equals a fresh signer's, across repeated and changed options and contexts")
    func sameAsFreshSigner() throws {
        let loader = try #require(SharedContexts.loader)
        let suites: [any Cryptosuite] = [EdDSAJCS2022(), EdDSARDFC2022(documentLoader: loader)]
        let key = SigningKey(generating: .ed25519)
        let method = DIDKey.verificationMethodID(for: key.publicKey)
        let first = ProofOptions(verificationMethod: method, created: Date(timeIntervalSince1970: 1_772_409_600))
        var later = first
        later.created = Date(timeIntervalSince1970: 1_772_409_601)
        var otherPurpose = first
        otherPurpose.proofPurpose = "authentication"
        let v2: [JSONValue] = ["https://www.w3.org/ns/credentials/v2"]
        let v2Examples: [JSONValue] = [
            "https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2",
        ]
        // Options and contexts in an order that repeats some and changes others.
        let steps: [(ProofOptions, [JSONValue])] = [
            (first, v2), (first, v2), (later, v2), (later, v2), (first, v2), (first, v2Examples), (otherPurpose, v2),
            (otherPurpose, v2Examples),
        ]
        for suite in suites {
            let signer = try DataIntegritySigner(key: key, suite: suite)
            var proofValues = Set<String>()
            for (number, (options, context)) in steps.enumerated() {
                let document = Self.document(number % 3, context: context)
                let remembered = try signer.addProof(to: document, options: options)
                let fresh = try DataIntegritySigner(key: key, suite: suite).addProof(to: document, options: options)
                #expect(remembered == fresh, "\(suite.name) step \(number)")
                if let value = remembered["proof"]?["proofValue"]?.stringValue { proofValues.insert(value) }
            }
            // Documents, options or contexts differ between most steps, so their signatures do too.
            #expect(proofValues.count >= 6, "\(suite.name)")
        }
    }

    @Test("Options that differ only in Unicode normalization are not taken for the same")
    func unicodeNormalization() throws {
        let key = SigningKey(generating: .ed25519)
        let signer = try DataIntegritySigner(key: key, suite: EdDSAJCS2022())
        let composed = ProofOptions(verificationMethod: "did:example:caf\u{E9}#key-1", created: nil)
        let decomposed = ProofOptions(verificationMethod: "did:example:cafe\u{301}#key-1", created: nil)
        #expect(composed.verificationMethod == decomposed.verificationMethod)  // equal to Swift's ==
        let document = Self.document(1, context: ["https://www.w3.org/ns/credentials/v2"])
        _ = try signer.addProof(to: document, options: composed)
        let second = try signer.addProof(to: document, options: decomposed)
        let written = try #require(second["proof"]?["verificationMethod"]?.stringValue)
        #expect(Array(written.utf8) == Array("did:example:cafe\u{301}#key-1".utf8))
        #expect(
            second
                == (try DataIntegritySigner(key: key, suite: EdDSAJCS2022()).addProof(to: document, options: decomposed))
        )
    }
}
