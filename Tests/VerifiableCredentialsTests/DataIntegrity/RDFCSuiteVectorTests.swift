import Foundation
import Testing
import VerifiableCredentials

/// One RDFC vector folder of w3c/vc-di-eddsa or w3c/vc-di-ecdsa.
struct RDFCSuiteVector: CustomStringConvertible, Sendable {
    var folder: String
    var suffix: String
    var keyFile: String
    var unsigned: String

    var description: String { folder }

    static let all = [
        RDFCSuiteVector(
            folder: "eddsa/eddsa-rdfc-2022", suffix: "DataInt", keyFile: "eddsa/keyPair.json",
            unsigned: "eddsa/unsigned.json"),
        RDFCSuiteVector(
            folder: "eddsa/eddsa-rdfc-2022/employ", suffix: "DataInt", keyFile: "eddsa/keyPair.json",
            unsigned: "eddsa/employmentAuth.json"),
        RDFCSuiteVector(
            folder: "ecdsa/ecdsa-rdfc-2019-p256", suffix: "ECDSAP256", keyFile: "ecdsa/p256KeyPair.json",
            unsigned: "ecdsa/unsigned.json"),
        RDFCSuiteVector(
            folder: "ecdsa/ecdsa-rdfc-2019-p256/employ", suffix: "ECDSAP256", keyFile: "ecdsa/p256KeyPair.json",
            unsigned: "ecdsa/employmentAuth.json"),
        RDFCSuiteVector(
            folder: "ecdsa/ecdsa-rdfc-2019-p384", suffix: "ECDSAP384", keyFile: "ecdsa/p384KeyPair.json",
            unsigned: "ecdsa/unsigned.json"),
        RDFCSuiteVector(
            folder: "ecdsa/ecdsa-rdfc-2019-p384/employ", suffix: "ECDSAP384", keyFile: "ecdsa/p384KeyPair.json",
            unsigned: "ecdsa/employmentAuth.json"),
    ]

    func file(_ name: String, _ ext: String) -> String { "\(folder)/\(name)\(suffix).\(ext)" }
    func text(_ name: String) throws -> String { try Vectors.text(file(name, "txt")) }
    func trimmed(_ name: String) throws -> String { try text(name).trimmingCharacters(in: .whitespacesAndNewlines) }

    func signingKey() throws -> SigningKey { try Vectors.signingKey(keyFile) }
}

enum SharedContexts {
    static let loader: BundledDocumentLoader? = try? BundledDocumentLoader(
        directory: Vectors.sharedDirectory.appendingPathComponent("contexts"))
}

@Suite("RDFC cryptosuite vectors")
struct RDFCSuiteVectorTests {
    func suite(for key: SigningKey) throws -> any Cryptosuite {
        let loader = try #require(SharedContexts.loader)
        return CryptosuiteSet.defaultSuite(for: key.type, documentLoader: loader)
    }

    @Test("Canonical N-Quads and hashes equal the vector files", arguments: RDFCSuiteVector.all)
    func intermediates(_ vector: RDFCSuiteVector) throws {
        let key = try vector.signingKey()
        let suite = try suite(for: key)
        let document = try Vectors.json(vector.unsigned)
        let config = try Vectors.json(vector.file("proofConfig", "json"))
        let canonicalDocument = try suite.canonicalize(document, keyType: key.type)
        let canonicalConfig = try suite.canonicalize(config, keyType: key.type)
        #expect(String(decoding: canonicalDocument, as: UTF8.self) == (try vector.text("canonDoc")))
        #expect(String(decoding: canonicalConfig, as: UTF8.self) == (try vector.text("proofCanon")))
        #expect(hex(suite.hash(canonicalDocument, keyType: key.type)) == (try vector.trimmed("docHash")))
        #expect(hex(suite.hash(canonicalConfig, keyType: key.type)) == (try vector.trimmed("proofHash")))
    }

    @Test("Signing reproduces the vector and the vector verifies", arguments: RDFCSuiteVector.all)
    func signAndVerify(_ vector: RDFCSuiteVector) throws {
        let key = try vector.signingKey()
        let loader = try #require(SharedContexts.loader)
        let configValue = try Vectors.json(vector.file("proofConfig", "json"))
        let config = try #require(configValue.objectValue)
        let createdText = try #require(config["created"]?.stringValue)
        let created = try #require(DateTimeStamp(createdText))
        let method = try #require(config["verificationMethod"]?.stringValue)
        let signer = try DataIntegritySigner(key: key, suite: try suite(for: key))
        let signed = try signer.addProof(
            to: try Vectors.json(vector.unsigned),
            options: ProofOptions(verificationMethod: method, created: created.date))
        if key.type == .ed25519 {
            #expect(signed["proof"]?["proofValue"]?.stringValue == (try vector.trimmed("sigBTC58")))
        }
        let verifier = DataIntegrityVerifier(suites: .all(documentLoader: loader), now: created.date)
        #expect(verifier.verify(signed).verified)
        let theirs = verifier.verify(try Vectors.json(vector.file("signed", "json")))
        #expect(theirs.verified, "\(theirs.allChecks)")
    }

    @Test("A credential whose JSON is reordered without changing its graph still verifies")
    func reorderedStillVerifies() throws {
        let loader = try #require(SharedContexts.loader)
        let signed = try #require(try Vectors.json("eddsa/eddsa-rdfc-2022/signedDataInt.json").objectValue)
        let reversed = JSONObject(signed.members.reversed())
        let verifier = DataIntegrityVerifier(suites: .all(documentLoader: loader))
        #expect(verifier.verify(.object(reversed)).verified)
        var changed = signed
        changed["name"] = "Alumni Credential (edited)"
        #expect(verifier.verify(.object(changed)).allChecks.firstProblem?.code == .signatureMismatch)
    }

    @Test("The Open Badges 3.0 vector: canonical forms, signature byte for byte, verification")
    func openBadges() throws {
        let loader = try #require(SharedContexts.loader)
        let suite = EdDSARDFC2022(documentLoader: loader)
        let unsigned = try Vectors.json("ob3-eddsa/unsigned.json")
        #expect(
            String(decoding: try suite.canonicalize(unsigned, keyType: .ed25519), as: UTF8.self)
                == (try Vectors.text("ob3-eddsa/canonDocument.nq")))
        let pair = try Vectors.json("ob3-eddsa/keyPair.json")
        let privateHex = try #require(pair["privateKeyHex(seed||pub, 64 bytes)"]?.stringValue)
        let seed = stride(from: 0, to: 64, by: 2).compactMap { offset -> UInt8? in
            let start = privateHex.index(privateHex.startIndex, offsetBy: offset)
            return UInt8(privateHex[start..<privateHex.index(start, offsetBy: 2)], radix: 16)
        }
        let key = try SigningKey(type: .ed25519, secretBytes: seed)
        let options = try #require(try Vectors.json("ob3-eddsa/proofOptions.json").objectValue)
        let createdText = try #require(options["created"]?.stringValue)
        let created = try #require(DateTimeStamp(createdText))
        let method = try #require(options["verificationMethod"]?.stringValue)
        let signed = try DataIntegritySigner(key: key, suite: suite).addProof(
            to: unsigned, options: ProofOptions(verificationMethod: method, created: created.date))
        let expected = try Vectors.json("ob3-eddsa/expected.json")
        #expect(signed["proof"]?["proofValue"] == expected["proofValue"])
        struct OneKey: VerificationMethodResolver {
            let method: VerificationMethod
            func resolve(_ id: String) throws(CredentialError) -> VerificationMethod {
                guard id == method.id else { throw CredentialError(.unresolvableVerificationMethod, "unknown \(id)") }
                return method
            }
        }
        let resolver = OneKey(
            method: .multikey(id: method, controller: "https://example.edu/issuers/565049", publicKey: key.publicKey))
        let verifier = DataIntegrityVerifier(
            suites: .all(documentLoader: loader), resolver: resolver, now: created.date)
        #expect(verifier.verify(try Vectors.json("ob3-eddsa/signed.json")).verified)
    }

    @Test(
        "Proof sets and chains of the eddsa vectors verify; each tampered proof fails",
        arguments: [
            "signedProofSet1.json", "signedProofSet2.json", "signedProofChain1.json", "signedProofChain2.json",
        ])
    func proofSetsAndChains(_ file: String) throws {
        let loader = try #require(SharedContexts.loader)
        let verifier = DataIntegrityVerifier(suites: .all(documentLoader: loader))
        let document = try Vectors.json("eddsa/proof-set-chain/\(file)")
        let result = verifier.verify(document)
        #expect(result.verified, "\(result.allChecks)")
        var object = try #require(document.objectValue)
        object["credentialSubject"] = ["id": "did:example:mallory", "alumniOf": "Nowhere"]
        #expect(!verifier.verify(.object(object)).verified)
    }

    @Test("An undefined term is never silently dropped: it fails and names the term, or a vocabulary covers it")
    func undefinedTermFails() throws {
        let loader = try #require(SharedContexts.loader)
        let suite = EdDSARDFC2022(documentLoader: loader)
        let document: JSONValue = [
            "@context": ["https://www.w3.org/2018/credentials/v1"],
            "type": ["VerifiableCredential"], "issuer": "did:example:issuer", "issuanceDate": "2020-01-01T00:00:00Z",
            "credentialSubject": ["id": "did:example:s", "secretCredits": 40],
        ]
        do {
            _ = try suite.canonicalize(document, keyType: .ed25519)
            Issue.record("expected the undefined term to be refused")
        } catch {
            #expect(error.description.contains("secretCredits"))
        }
        // The VC 2.0 Recommendation's base context has no @vocab, so the same term is refused there too; the
        // W3C fallback context `undefined-terms/v2` (an @vocab) makes it signable, so it is never dropped.
        var v2: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
            "issuer": "did:example:issuer", "credentialSubject": ["id": "did:example:s", "secretCredits": 40],
        ]
        #expect(throws: CredentialError.self) { try suite.canonicalize(v2, keyType: .ed25519) }
        v2 = [
            "@context": [
                "https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/undefined-terms/v2",
            ],
            "type": ["VerifiableCredential"],
            "issuer": "did:example:issuer", "credentialSubject": ["id": "did:example:s", "secretCredits": 40],
        ]
        let nquads = String(decoding: try suite.canonicalize(v2, keyType: .ed25519), as: UTF8.self)
        #expect(nquads.contains("secretCredits"))
    }
}
