import Foundation
import Testing
import VerifiableCredentials

/// Signs a small credential with a fresh key of each type and tampers with the result.
@Suite("Data Integrity proof failures")
struct ProofFailureTests {
    static let credential: JSONValue = [
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:uuid:3f0b6c8e-1d2a-4c4e-9f55-0c1f1b7a2e10",
        "type": ["VerifiableCredential"],
        "issuer": "did:example:issuer",
        "validFrom": "2026-03-02T00:00:00Z",
        "credentialSubject": ["id": "did:example:subject", "credits": 3.25, "name": "Dr. Ada Lovelace"],
    ]
    static let created = Date(timeIntervalSince1970: 1_772_409_600)  // 2026-03-02

    static func sign(_ type: KeyType, options: ((inout ProofOptions) -> Void)? = nil) throws -> (JSONValue, SigningKey)
    {
        let key = SigningKey(generating: type)
        let suite: any Cryptosuite = type == .ed25519 ? EdDSAJCS2022() : ECDSAJCS2019()
        var proofOptions = ProofOptions(
            verificationMethod: DIDKey.verificationMethodID(for: key.publicKey), created: created)
        options?(&proofOptions)
        let signed = try DataIntegritySigner(key: key, suite: suite).addProof(to: credential, options: proofOptions)
        return (signed, key)
    }

    static func verify(_ document: JSONValue, _ expectations: ProofExpectations = .init()) -> DocumentProofVerification
    {
        DataIntegrityVerifier(now: created.addingTimeInterval(3600)).verify(document, expecting: expectations)
    }

    static func withProof(_ document: JSONValue, _ change: (inout JSONObject) -> Void) throws -> JSONValue {
        var object = try #require(document.objectValue)
        var proof = try #require(object["proof"]?.objectValue)
        change(&proof)
        object["proof"] = .object(proof)
        return .object(object)
    }

    static func failureCode(_ result: DocumentProofVerification) -> CredentialError.Code? {
        result.allChecks.firstProblem?.code
    }

    @Test("Sign then verify round-trips for every key type", arguments: KeyType.allCases)
    func roundTrip(_ type: KeyType) throws {
        let (signed, _) = try Self.sign(type)
        let result = Self.verify(signed, .init(proofPurpose: "assertionMethod"))
        #expect(result.verified, "\(result.allChecks)")
    }

    @Test("Changing any byte of the data or the proof makes verification fail", arguments: KeyType.allCases)
    func everyByte(_ type: KeyType) throws {
        let (signed, _) = try Self.sign(type)
        let bytes = JSONSerializer.bytes(signed)
        var checked = 0
        for index in bytes.indices {
            for replacement: UInt8 in [UInt8(ascii: "0"), UInt8(ascii: "x")] where bytes[index] != replacement {
                var tampered = bytes
                tampered[index] = replacement
                guard let document = try? JSONParser.parse(tampered) else { continue }
                // Only changes that alter the JSON data count (whitespace cannot be changed in compact form).
                guard document != signed else { continue }
                #expect(!Self.verify(document).verified, "byte \(index) → \(Character(Unicode.Scalar(replacement)))")
                checked += 1
            }
        }
        #expect(checked > 200)
    }

    @Test("A changed document fails with signatureMismatch")
    func documentChanged() throws {
        let (signed, _) = try Self.sign(.ed25519)
        var object = try #require(signed.objectValue)
        var subject = try #require(object["credentialSubject"]?.objectValue)
        subject["credits"] = 30
        object["credentialSubject"] = .object(subject)
        #expect(Self.failureCode(Self.verify(.object(object))) == .signatureMismatch)
    }

    @Test("A proof changed after signing fails with proofModified when another proof vouches for the document")
    func proofChanged() throws {
        let (signed, _) = try Self.sign(.ed25519)
        let second = SigningKey(generating: .p256)
        let set = try DataIntegritySigner(key: second, suite: ECDSAJCS2019()).addProof(
            to: signed,
            options: ProofOptions(
                verificationMethod: DIDKey.verificationMethodID(for: second.publicKey), created: Self.created))
        var object = try #require(set.objectValue)
        var proofs = try #require(object["proof"]?.arrayValue)
        var first = try #require(proofs[0].objectValue)
        first["created"] = "2026-03-01T00:00:00Z"
        proofs[0] = .object(first)
        object["proof"] = .array(proofs)
        let result = Self.verify(.object(object))
        #expect(!result.verified)
        #expect(result.proofs[0].checks.last?.code == .proofModified)
        #expect(result.proofs[1].verified)
    }

    @Test("A document changed under a proof set fails with documentModified")
    func documentChangedUnderSet() throws {
        let (signed, _) = try Self.sign(.ed25519)
        let second = SigningKey(generating: .p384)
        let set = try DataIntegritySigner(key: second, suite: ECDSAJCS2019()).addProof(
            to: signed,
            options: ProofOptions(
                verificationMethod: DIDKey.verificationMethodID(for: second.publicKey), created: Self.created))
        var object = try #require(set.objectValue)
        object["issuer"] = "did:example:mallory"
        let result = Self.verify(.object(object))
        #expect(result.proofs.allSatisfy { $0.checks.last?.code == .documentModified })
    }

    @Test("A suite used with the wrong key type fails with keyTypeMismatch")
    func wrongKeyType() throws {
        let (signed, _) = try Self.sign(.p256)
        let tampered = try Self.withProof(signed) { $0["cryptosuite"] = "eddsa-jcs-2022" }
        #expect(Self.failureCode(Self.verify(tampered)) == .keyTypeMismatch)
        #expect(throws: CredentialError.self) {
            try DataIntegritySigner(key: SigningKey(generating: .p384), suite: EdDSAJCS2022())
        }
    }

    @Test("A proofValue that is not base58btc fails with invalidProofValue")
    func notBase58() throws {
        let (signed, _) = try Self.sign(.ed25519)
        let base64 = try Self.withProof(signed) { $0["proofValue"] = "uAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8" }
        #expect(Self.failureCode(Self.verify(base64)) == .invalidProofValue)
        let badAlphabet = try Self.withProof(signed) { $0["proofValue"] = "z0OIl" }
        #expect(Self.failureCode(Self.verify(badAlphabet)) == .invalidProofValue)
        let missing = try Self.withProof(signed) { $0["proofValue"] = nil }
        #expect(Self.failureCode(Self.verify(missing)) == .invalidProofValue)
    }

    @Test("A megabytes-long base58 proofValue fails at once with invalidProofValue instead of stalling")
    func overlongProofValue() throws {
        let (signed, _) = try Self.sign(.ed25519)
        // Decoding 8 MB of base58 would take hours (quadratic); the decoder refuses it before starting.
        let huge = try Self.withProof(signed) {
            $0["proofValue"] = .string("z" + String(repeating: "2", count: 8_000_000))
        }
        #expect(Self.failureCode(Self.verify(huge)) == .invalidProofValue)
        #expect(Self.verify(huge).allChecks.contains { $0.message.contains("8000000 characters") })
    }

    @Test("A signature of the wrong length fails with invalidSignatureLength")
    func wrongLength() throws {
        let (signed, _) = try Self.sign(.ed25519)
        let short = try Self.withProof(signed) {
            $0["proofValue"] = .string(Multibase.encode(Array(repeating: 7, count: 63), as: .base58btc))
        }
        #expect(Self.failureCode(Self.verify(short)) == .invalidSignatureLength)
        let (p384, _) = try Self.sign(.p384)
        let long = try Self.withProof(p384) {
            $0["proofValue"] = .string(Multibase.encode(Array(repeating: 7, count: 64), as: .base58btc))
        }
        #expect(Self.failureCode(Self.verify(long)) == .invalidSignatureLength)
    }

    @Test("An unknown cryptosuite fails with unknownCryptosuite")
    func unknownSuite() throws {
        let (signed, _) = try Self.sign(.ed25519)
        let tampered = try Self.withProof(signed) { $0["cryptosuite"] = "eddsa-2019-homebrew" }
        #expect(Self.failureCode(Self.verify(tampered)) == .unknownCryptosuite)
        let type = try Self.withProof(signed) { $0["type"] = "HomebrewSignature2024" }
        #expect(Self.failureCode(Self.verify(type)) == .unknownCryptosuite)
    }

    @Test("Purpose, challenge and domain are enforced")
    func expectations() throws {
        let (signed, _) = try Self.sign(.ed25519) {
            $0.proofPurpose = "authentication"
            $0.challenge = "c-123"
            $0.domain = ["board.example"]
        }
        #expect(
            Self.verify(signed, .init(proofPurpose: "authentication", challenge: "c-123", domain: "board.example"))
                .verified)
        #expect(Self.failureCode(Self.verify(signed, .init(proofPurpose: "assertionMethod"))) == .proofPurposeMismatch)
        #expect(Self.failureCode(Self.verify(signed, .init(challenge: "c-999"))) == .challengeMismatch)
        #expect(Self.failureCode(Self.verify(signed, .init(domain: "other.example"))) == .domainMismatch)
        let (plain, _) = try Self.sign(.ed25519)
        #expect(Self.failureCode(Self.verify(plain, .init(challenge: "c-123"))) == .challengeMismatch)
    }

    @Test("An expired proof and a proof from the future fail")
    func timeWindow() throws {
        let (expiring, _) = try Self.sign(.ed25519) { $0.expires = Self.created.addingTimeInterval(60) }
        #expect(Self.failureCode(Self.verify(expiring)) == .proofExpired)
        let result = DataIntegrityVerifier(now: Self.created.addingTimeInterval(-86_400)).verify(
            try Self.sign(.ed25519).0)
        #expect(result.allChecks.firstProblem?.code == .proofNotYetValid)
    }

    @Test("A document without a proof fails with missingProof")
    func noProof() {
        #expect(Self.failureCode(Self.verify(Self.credential)) == .missingProof)
    }

    @Test("Proof chains: a later proof signs over the earlier one")
    func chain() throws {
        let (signed, _) = try Self.sign(.ed25519) { $0.id = "urn:uuid:proof-1" }
        let second = SigningKey(generating: .p256)
        let chained = try DataIntegritySigner(key: second, suite: ECDSAJCS2019()).addProof(
            to: signed,
            options: ProofOptions(
                verificationMethod: DIDKey.verificationMethodID(for: second.publicKey), created: Self.created,
                id: "urn:uuid:proof-2", previousProof: ["urn:uuid:proof-1"]))
        #expect(Self.verify(chained).verified)
        // Dropping the first proof breaks the chain.
        var object = try #require(chained.objectValue)
        let last = try #require(object["proof"]?.arrayValue?.last)
        object["proof"] = .array([last])
        #expect(Self.failureCode(Self.verify(.object(object))) == .previousProofMissing)
        // Signing against a proof that is not there is refused.
        #expect(throws: CredentialError.self) {
            try DataIntegritySigner(key: second, suite: ECDSAJCS2019()).addProof(
                to: signed,
                options: ProofOptions(verificationMethod: "did:key:x#x", previousProof: ["urn:uuid:nope"]))
        }
    }

    @Test("A JCS proof whose @context the document does not start with fails")
    func contextMismatch() throws {
        let (signed, _) = try Self.sign(.ed25519)
        var object = try #require(signed.objectValue)
        object["@context"] = ["https://www.w3.org/ns/credentials/examples/v2"]
        #expect(Self.failureCode(Self.verify(.object(object))) == .contextMismatch)
    }
}
