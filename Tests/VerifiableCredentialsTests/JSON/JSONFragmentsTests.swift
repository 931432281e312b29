import Foundation
import Testing

@testable import VerifiableCredentials

@Suite("Shared objects written once (JSONFragments)")
struct JSONFragmentsTests {
    /// An object with members out of canonical order, strings that need escaping and a nested array.
    static let shared: JSONValue = [
        "name": "Safe \"Opioid\" Prescribing\n2026", "id": "urn:example:activity:1", "creditsAvailable": 3.25,
        "alignment": [["targetName": "Opioid prescribing", "targetCode": "opioid-prescribing"]],
        "é": true, "a": .null,
    ]

    static func document(_ achievement: JSONValue, index: Int) -> JSONValue {
        [
            "id": .string("urn:uuid:\(index)"), "type": ["VerifiableCredential"],
            "credentialSubject": ["name": .string("Learner \(index)"), "achievement": achievement],
            "evidence": [achievement],
        ]
    }

    @Test("a document holding the stored object serializes and canonicalizes to the same bytes as without it")
    func sameBytes() throws {
        let fragments = JSONFragments([Self.shared, "not an object", [:]])
        #expect(fragments.count == 1)
        for index in 0..<3 {
            let document = Self.document(Self.shared, index: index)
            #expect(JSONSerializer.bytes(document, reusing: fragments) == JSONSerializer.bytes(document))
            #expect(
                JSONCanonicalizer.canonicalize(document, reusing: fragments) == JSONCanonicalizer.canonicalize(document)
            )
        }
    }

    @Test("only the stored object itself is reused: not an equal object built apart, not a changed copy")
    func identityNotEquality() throws {
        let fragments = JSONFragments([Self.shared])
        let stored = try #require(Self.shared.objectValue)
        let copy = stored
        #expect(fragments.fragment(for: copy) != nil)
        let rebuilt = try #require(try JSONParser.parse(JSONSerializer.bytes(Self.shared)).objectValue)
        #expect(rebuilt == stored)
        #expect(fragments.fragment(for: rebuilt) == nil)
        var changed = stored
        changed["creditsAvailable"] = 1
        #expect(fragments.fragment(for: changed) == nil)
        // The changed copy is written out as it now is, not as the stored text.
        let document = Self.document(.object(changed), index: 0)
        #expect(JSONSerializer.bytes(document, reusing: fragments) == JSONSerializer.bytes(document))
        #expect(
            JSONCanonicalizer.canonicalize(document, reusing: fragments) == JSONCanonicalizer.canonicalize(document))
        #expect(!JSONSerializer.string(document, layout: .compact).contains("3.25"))
    }

    @Test("the stored texts are the object's compact and canonical text, which differ (so a mix-up would show)")
    func storedTextIsUsed() throws {
        let stored = try #require(Self.shared.objectValue)
        let fragment = try #require(JSONFragments([Self.shared]).fragment(for: stored))
        #expect(fragment.compact == JSONSerializer.bytes(Self.shared))
        #expect(fragment.canonical == JSONCanonicalizer.canonicalize(Self.shared))
        #expect(fragment.compact != fragment.canonical)
    }

    @Test("an eddsa-jcs-2022 proof made reusing the shared object's text is the proof made without")
    func sameProof() throws {
        let key = try SigningKey(type: .ed25519, secretBytes: Array(repeating: 7, count: 32))
        let signer = try DataIntegritySigner(key: key, suite: EdDSAJCS2022())
        let options = ProofOptions(
            verificationMethod: DIDKey.verificationMethodID(for: key.publicKey),
            created: Date(timeIntervalSince1970: 1_790_000_000))
        let fragments = JSONFragments([Self.shared])
        let document = Self.document(Self.shared, index: 4)
        let plain = try signer.addProof(to: document, options: options, asArray: true)
        let reused = try signer.addProof(to: document, options: options, asArray: true, reusing: fragments)
        #expect(JSONSerializer.bytes(reused, reusing: fragments) == JSONSerializer.bytes(plain))
    }
}
