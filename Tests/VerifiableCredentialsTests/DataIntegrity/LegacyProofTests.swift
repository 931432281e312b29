import Crypto
import Foundation
import Testing
import VerifiableCredentials

/// One legacy suite, key type and signature format, signed with a throwaway key by ``LegacyTestSigner``.
struct LegacyCase: CustomStringConvertible, Sendable {
    var proofType: String
    var keyType: KeyType
    var jwsAlgorithm: String?
    var suiteContext: String?

    var description: String { "\(proofType) \(keyType.displayName)" }

    static let all = [
        LegacyCase(proofType: "Ed25519Signature2018", keyType: .ed25519, jwsAlgorithm: "EdDSA"),
        LegacyCase(
            proofType: "JsonWebSignature2020", keyType: .ed25519, jwsAlgorithm: "EdDSA",
            suiteContext: "https://w3id.org/security/suites/jws-2020/v1"),
        LegacyCase(
            proofType: "JsonWebSignature2020", keyType: .p256, jwsAlgorithm: "ES256",
            suiteContext: "https://w3id.org/security/suites/jws-2020/v1"),
        LegacyCase(
            proofType: "JsonWebSignature2020", keyType: .p384, jwsAlgorithm: "ES384",
            suiteContext: "https://w3id.org/security/suites/jws-2020/v1"),
        LegacyCase(proofType: "EcdsaSecp256r1Signature2019", keyType: .p256),
        LegacyCase(
            proofType: "Ed25519Signature2020", keyType: .ed25519,
            suiteContext: "https://w3id.org/security/suites/ed25519-2020/v1"),
    ]

    /// A VC 1.1 credential with a blank node (the degree) and an inline context for its own terms.
    var document: JSONValue {
        var contexts: [JSONValue] = ["https://www.w3.org/2018/credentials/v1"]
        if let suiteContext { contexts.append(.string(suiteContext)) }
        contexts.append([
            "ex": "https://example.org/examples#", "UniversityDegreeCredential": "ex:UniversityDegreeCredential",
            "BachelorDegree": "ex:BachelorDegree", "degree": "ex:degree", "name": "https://schema.org/name",
        ])
        return [
            "@context": .array(contexts),
            "id": "http://example.edu/credentials/3732",
            "type": ["VerifiableCredential", "UniversityDegreeCredential"],
            "issuer": "https://example.edu/issuers/14",
            "issuanceDate": "2020-03-10T04:24:12.164Z",
            "credentialSubject": [
                "id": "did:example:ebfeb1f712ebc6f1c276e12ec21",
                "degree": ["type": "BachelorDegree", "name": "Bachelor of Science and Arts"],
            ],
        ]
    }

    func signer(key: SigningKey, loader: any DocumentLoader) throws -> LegacyTestSigner {
        let suites = CryptosuiteSet.all(documentLoader: loader)
        let suite = try #require(suites[proofType: proofType])
        return LegacyTestSigner(suite: suite, key: key, format: jwsAlgorithm.map { .jws(algorithm: $0) } ?? .proofValue)
    }

    func signed(with key: SigningKey? = nil) throws -> (LegacyTestSigner.Output, SigningKey) {
        let loader = try #require(SharedContexts.loader)
        let key = key ?? SigningKey(generating: keyType)
        let output = try signer(key: key, loader: loader).sign(
            document, created: "2021-06-01T00:00:00Z",
            verificationMethod: DIDKey.verificationMethodID(for: key.publicKey))
        return (output, key)
    }
}

@Suite("Legacy VC 1.1 proofs (verify only)")
struct LegacyProofTests {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    static func verifier(resolver: any VerificationMethodResolver = DIDKeyResolver()) throws -> DataIntegrityVerifier {
        let loader = try #require(SharedContexts.loader)
        return DataIntegrityVerifier(suites: .all(documentLoader: loader), resolver: resolver, now: now)
    }

    static func withProof(_ document: JSONValue, _ change: (inout JSONObject) -> Void) throws -> JSONValue {
        var object = try #require(document.objectValue)
        var proof = try #require(object["proof"]?.objectValue)
        change(&proof)
        object["proof"] = .object(proof)
        return .object(object)
    }

    static func firstProblem(_ document: JSONValue, _ verifier: DataIntegrityVerifier) -> Check? {
        verifier.verify(document).allChecks.firstProblem
    }

    @Test("The official Ed25519Signature2020 vector: intermediates match and the credential verifies")
    func officialEd25519Signature2020() throws {
        let loader = try #require(SharedContexts.loader)
        let suite = try #require(CryptosuiteSet.all(documentLoader: loader)[proofType: "Ed25519Signature2020"])
        let folder = "eddsa/Ed25519Signature2020"
        var unsigned = try #require(try Vectors.json("\(folder)/signedEdSig.json").objectValue)
        unsigned["proof"] = nil
        let canonicalDocument = try suite.canonicalize(.object(unsigned))
        let canonicalConfig = try suite.canonicalize(try Vectors.json("\(folder)/proofConfigEdSig.json"))
        #expect(String(decoding: canonicalDocument, as: UTF8.self) == (try Vectors.text("\(folder)/canonDocEdSig.txt")))
        #expect(String(decoding: canonicalConfig, as: UTF8.self) == (try Vectors.text("\(folder)/proofCanonEdSig.txt")))
        #expect(hex(sha256(canonicalDocument)) == (try Vectors.text("\(folder)/docHashEdSig.txt")).trimmed)
        #expect(hex(sha256(canonicalConfig)) == (try Vectors.text("\(folder)/proofHashEdSig.txt")).trimmed)
        let result = try Self.verifier().verify(try Vectors.json("\(folder)/signedEdSig.json"))
        #expect(result.verified, "\(result.allChecks)")
        #expect(result.proofs.first?.cryptosuite == "Ed25519Signature2020")
        // Re-signing with the vector's key reproduces the signature (Ed25519 is deterministic).
        let pair = try Vectors.json("eddsa/keyPair.json")
        let key = try SigningKey(secretKeyMultibase: try #require(pair["privateKeyMultibase"]?.stringValue))
        let combined = sha256(canonicalConfig) + sha256(canonicalDocument)
        #expect(hex(combined) == (try Vectors.text("\(folder)/combinedHashEdSig.txt")).trimmed)
        #expect(hex(try key.signature(for: combined)) == (try Vectors.text("\(folder)/sigHexEdSig.txt")).trimmed)
        // Tampering breaks it.
        var tampered = try #require(try Vectors.json("\(folder)/signedEdSig.json").objectValue)
        tampered["name"] = "Alumni Credential (forged)"
        #expect(Self.firstProblem(.object(tampered), try Self.verifier())?.code == .signatureMismatch)
    }

    @Test("Each legacy suite verifies a credential signed with a throwaway key", arguments: LegacyCase.all)
    func verifiesOwnVectors(_ testCase: LegacyCase) throws {
        let (output, _) = try testCase.signed()
        let verifier = try Self.verifier()
        let result = verifier.verify(output.signed)
        #expect(result.verified, "\(result.allChecks)")
        #expect(result.proofs.first?.cryptosuite == testCase.proofType)
        // The JSON reordered without changing the graph still verifies (RDF canonicalization).
        let object = try #require(output.signed.objectValue)
        #expect(verifier.verify(.object(JSONObject(object.members.reversed()))).verified)
        // A changed claim or a changed proof option fails the signature.
        var changed = object
        changed["issuanceDate"] = "2020-03-11T04:24:12.164Z"
        #expect(Self.firstProblem(.object(changed), verifier)?.code == .signatureMismatch)
        let otherTime = try Self.withProof(output.signed) { $0["created"] = "2021-06-02T00:00:00Z" }
        #expect(Self.firstProblem(otherTime, verifier)?.code == .signatureMismatch)
    }

    @Test("Failure codes stay stable: unknown type, key type, JWS header, signature length")
    func failureCodes() throws {
        let verifier = try Self.verifier()
        let jws = LegacyCase.all[0]
        let (signed, _) = try jws.signed()
        let unknown = try Self.withProof(signed.signed) { $0["type"] = "RsaSignature2018" }
        #expect(Self.firstProblem(unknown, verifier)?.code == .unknownCryptosuite)
        // An Ed25519-only suite with a P-256 verification method.
        let p256 = SigningKey(generating: .p256)
        let wrongKey = try Self.withProof(signed.signed) {
            $0["verificationMethod"] = .string(DIDKey.verificationMethodID(for: p256.publicKey))
        }
        #expect(Self.firstProblem(wrongKey, verifier)?.code == .keyTypeMismatch)
        // A JWS whose alg does not fit the key.
        let loader = try #require(SharedContexts.loader)
        let ed = SigningKey(generating: .ed25519)
        let jws2020 = LegacyCase.all[1]
        let mismatched = try LegacyTestSigner(
            suite: try #require(CryptosuiteSet.all(documentLoader: loader)[proofType: "JsonWebSignature2020"]), key: ed,
            format: .jws(algorithm: "ES256")
        ).sign(
            jws2020.document, created: "2021-06-01T00:00:00Z",
            verificationMethod: DIDKey.verificationMethodID(for: ed.publicKey))
        #expect(Self.firstProblem(mismatched.signed, verifier)?.code == .keyTypeMismatch)
        // Headers without b64:false / crit, attached payloads, missing jws.
        let signature = LegacyTestSigner.base64url(signed.signature)
        for header in [
            #"{"alg":"EdDSA"}"#, #"{"alg":"EdDSA","b64":false}"#, #"{"alg":"RS256","b64":false,"crit":["b64"]}"#,
        ] {
            let bad = try Self.withProof(signed.signed) {
                $0["jws"] = .string(LegacyTestSigner.base64url(Array(header.utf8)) + ".." + signature)
            }
            #expect(Self.firstProblem(bad, verifier)?.code == .invalidProofValue, "\(header)")
        }
        let attached = try Self.withProof(signed.signed) {
            $0["jws"] = .string("eyJhbGciOiJFZERTQSJ9.cGF5bG9hZA." + signature)
        }
        #expect(Self.firstProblem(attached, verifier)?.code == .invalidProofValue)
        let none = try Self.withProof(signed.signed) { $0["jws"] = nil }
        #expect(Self.firstProblem(none, verifier)?.code == .invalidProofValue)
        // proofValue suites: bad multibase and a short signature.
        let (secp, _) = try LegacyCase.all[4].signed()
        let notMultibase = try Self.withProof(secp.signed) { $0["proofValue"] = "not-multibase" }
        #expect(Self.firstProblem(notMultibase, verifier)?.code == .invalidProofValue)
        let short = try Self.withProof(secp.signed) {
            $0["proofValue"] = .string(Multibase.encode(Array(repeating: 1, count: 63), as: .base58btc))
        }
        #expect(Self.firstProblem(short, verifier)?.code == .invalidSignatureLength)
    }

    @Test("A term the VC 1.1 contexts do not define fails and is named, never dropped")
    func undefinedTermFails() throws {
        let (output, _) = try LegacyCase.all[0].signed()
        var object = try #require(output.signed.objectValue)
        var subject = try #require(object["credentialSubject"]?.objectValue)
        subject["secretCredits"] = 40
        object["credentialSubject"] = .object(subject)
        let problem = try #require(Self.firstProblem(.object(object), try Self.verifier()))
        #expect(problem.name == "canonicalization")
        #expect(problem.message.contains("secretCredits"))
    }

    @Test("Ed25519VerificationKey2018, Ed25519VerificationKey2020 and JsonWebKey2020 verification methods")
    func verificationMethodTypes() throws {
        let ed = SigningKey(generating: .ed25519)
        let p256 = SigningKey(generating: .p256)
        let base58: JSONValue = [
            "id": "did:example:issuer#key-2018", "type": "Ed25519VerificationKey2018",
            "controller": "did:example:issuer",
            "publicKeyBase58": .string(Base58BTC.encode(ed.publicKey.rawRepresentation)),
        ]
        let multibase: JSONValue = [
            "id": "did:example:issuer#key-2020", "type": "Ed25519VerificationKey2020",
            "publicKeyMultibase": .string(ed.publicKey.multibase),
        ]
        let jwk: JSONValue = [
            "id": "did:example:issuer#jwk", "type": "JsonWebKey2020", "controller": "did:example:issuer",
            "publicKeyJwk": p256.publicKey.jwk,
        ]
        let methods = try [base58, multibase, jwk].map { try VerificationMethod(json: $0) }
        #expect(methods.map(\.publicKey) == [ed.publicKey, ed.publicKey, p256.publicKey])
        #expect(methods[1].controller == "did:example:issuer")
        let verifier = try Self.verifier(resolver: KnownVerificationMethods(methods))
        let loader = try #require(SharedContexts.loader)
        let cases: [(LegacyCase, SigningKey, String)] = [
            (LegacyCase.all[0], ed, "did:example:issuer#key-2018"),
            (LegacyCase.all[5], ed, "did:example:issuer#key-2020"),
            (LegacyCase.all[2], p256, "did:example:issuer#jwk"),
        ]
        for (testCase, key, method) in cases {
            let output = try testCase.signer(key: key, loader: loader).sign(
                testCase.document, created: "2021-06-01T00:00:00Z", verificationMethod: method)
            let result = verifier.verify(output.signed)
            #expect(result.verified, "\(testCase): \(result.allChecks)")
            #expect(result.proofs.first?.method?.type == methods.first { $0.id == method }?.type)
        }
        // A type whose key does not fit, and an unknown type.
        var wrong = try #require(multibase.objectValue)
        wrong["publicKeyMultibase"] = .string(p256.publicKey.multibase)
        #expect(throws: CredentialError(.invalidKey, "")) { try VerificationMethod(json: .object(wrong)) }
        var unknown = try #require(base58.objectValue)
        unknown["type"] = "RsaVerificationKey2018"
        #expect(throws: CredentialError(.unsupportedKeyType, "")) { try VerificationMethod(json: .object(unknown)) }
    }
}

func sha256(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
