import Foundation
import Testing
import VerifiableCredentials

/// A verifier's suite set remembers the hashes of recent RDFC proof configurations: reusing one never lets a
/// changed configuration through, also one that differs from a remembered one only in Unicode normalization.
@Suite("Proof configuration hashes of a verifier")
struct ProofConfigurationHashesTests {
    @Test("RDFC: after a proof verified, changed configurations still fail and equal ones still pass")
    func changedConfigurationsFail() throws {
        let loader = try #require(SharedContexts.loader)
        let key = SigningKey(generating: .ed25519)
        let signer = try DataIntegritySigner(key: key, suite: EdDSARDFC2022(documentLoader: loader))
        var options = ProofOptions(
            verificationMethod: DIDKey.verificationMethodID(for: key.publicKey),
            created: Date(timeIntervalSince1970: 1_772_409_600))
        options.nonce = "cafe\u{301}"  // decomposed é
        let documents = (1...3).map {
            ProofConfigurationMemoTests.document($0, context: ["https://www.w3.org/ns/credentials/v2"])
        }
        let signed = try documents.map { try signer.addProof(to: $0, options: options) }
        let verifier = DataIntegrityVerifier(
            suites: .all(documentLoader: loader), now: Date(timeIntervalSince1970: 1_772_500_000))
        func verified(_ document: JSONValue) -> Bool { verifier.verify(document).verified }
        func withProof(_ document: JSONValue, _ member: String, _ value: JSONValue) throws -> JSONValue {
            var object = try #require(document.objectValue)
            var proof = try #require(object["proof"]?.objectValue)
            proof[member] = value
            object["proof"] = .object(proof)
            return .object(object)
        }
        // Every credential of the batch verifies (the first computes the configuration's hash, the others reuse it).
        #expect(signed.allSatisfy(verified))
        // The same nonce composed: equal to Swift's ==, other bytes, so another configuration.
        #expect("caf\u{E9}" == "cafe\u{301}")
        #expect(!verified(try withProof(signed[0], "nonce", "caf\u{E9}")))
        #expect(!verified(try withProof(signed[0], "created", "2026-03-02T00:00:01Z")))
        #expect(!verified(try withProof(signed[0], "proofPurpose", "authentication")))
        // A changed credential with the remembered configuration fails on the document's hash.
        var changed = try #require(signed[1].objectValue)
        changed["validFrom"] = "2026-03-03T00:00:00Z"
        #expect(!verified(.object(changed)))
        #expect(signed.allSatisfy(verified))
    }
}
