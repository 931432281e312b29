import Foundation
import Testing
import VerifiableCredentials

/// One JCS vector folder of w3c/vc-di-eddsa or w3c/vc-di-ecdsa.
struct JCSSuiteVector: CustomStringConvertible, Sendable {
    var folder: String
    var suffix: String
    var keyFile: String
    var deterministic: Bool

    var description: String { folder }

    static let all = [
        JCSSuiteVector(
            folder: "eddsa/eddsa-jcs-2022", suffix: "JCS", keyFile: "eddsa/keyPair.json", deterministic: true),
        JCSSuiteVector(
            folder: "ecdsa/ecdsa-jcs-2019-p256", suffix: "JCSECDSAP256", keyFile: "ecdsa/p256KeyPair.json",
            deterministic: false),
        JCSSuiteVector(
            folder: "ecdsa/ecdsa-jcs-2019-p384", suffix: "JCSECDSAP384", keyFile: "ecdsa/p384KeyPair.json",
            deterministic: false),
    ]

    func file(_ name: String, _ ext: String) -> String { "\(folder)/\(name)\(suffix).\(ext)" }
    func text(_ name: String) throws -> String {
        try Vectors.text(file(name, "txt")).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    var unsigned: String { folder.hasPrefix("eddsa") ? "eddsa/unsigned.json" : "ecdsa/unsigned.json" }

    func signingKey() throws -> SigningKey { try Vectors.signingKey(keyFile) }
}

func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

@Suite("JCS cryptosuite vectors")
struct JCSSuiteVectorTests {
    @Test("Canonical forms and hashes equal the vector files", arguments: JCSSuiteVector.all)
    func intermediates(_ vector: JCSSuiteVector) throws {
        let document = try Vectors.json(vector.unsigned)
        let config = try Vectors.json(vector.file("proofConfig", "json"))
        #expect(
            String(decoding: JSONCanonicalizer.canonicalize(document), as: UTF8.self) == (try vector.text("canonDoc")))
        #expect(
            String(decoding: JSONCanonicalizer.canonicalize(config), as: UTF8.self) == (try vector.text("proofCanon")))
        let key = try vector.signingKey()
        let suite: any Cryptosuite = key.type == .ed25519 ? EdDSAJCS2022() : ECDSAJCS2019()
        let proofHash = suite.hash(JSONCanonicalizer.canonicalize(config), keyType: key.type)
        let docHash = suite.hash(JSONCanonicalizer.canonicalize(document), keyType: key.type)
        #expect(hex(proofHash) == (try vector.text("proofHash")))
        #expect(hex(docHash) == (try vector.text("docHash")))
        #expect(hex(proofHash + docHash) == (try vector.text("combinedHash")))
    }

    @Test(
        "Signing reproduces the vector (Ed25519 byte for byte; ECDSA everything but the random signature)",
        arguments: JCSSuiteVector.all)
    func signing(_ vector: JCSSuiteVector) throws {
        let key = try vector.signingKey()
        let configValue = try Vectors.json(vector.file("proofConfig", "json"))
        let config = try #require(configValue.objectValue)
        let createdText = try #require(config["created"]?.stringValue)
        let created = try #require(DateTimeStamp(createdText))
        let suite: any Cryptosuite = key.type == .ed25519 ? EdDSAJCS2022() : ECDSAJCS2019()
        let signer = try DataIntegritySigner(key: key, suite: suite)
        let method = try #require(config["verificationMethod"]?.stringValue)
        let options = ProofOptions(verificationMethod: method, created: created.date)
        let signed = try signer.addProof(to: try Vectors.json(vector.unsigned), options: options)
        let expected = try Vectors.json(vector.file("signed", "json"))
        var ours = try #require(signed["proof"]?.objectValue)
        var theirs = try #require(expected["proof"]?.objectValue)
        if vector.deterministic {
            #expect(ours["proofValue"] == theirs["proofValue"])
            #expect(ours["proofValue"]?.stringValue == (try vector.text("sigBTC58")))
        }
        ours["proofValue"] = nil
        theirs["proofValue"] = nil
        #expect(JSONCanonicalizer.canonicalize(.object(ours)) == JSONCanonicalizer.canonicalize(.object(theirs)))
        let verification = DataIntegrityVerifier(now: created.date).verify(signed)
        #expect(verification.verified, "\(verification.allChecks)")
    }

    @Test("The vector's signed document verifies (ECDSA high-S included)", arguments: JCSSuiteVector.all)
    func verifiesVector(_ vector: JCSSuiteVector) throws {
        let signed = try Vectors.json(vector.file("signed", "json"))
        let result = DataIntegrityVerifier().verify(signed, expecting: .init(proofPurpose: "assertionMethod"))
        #expect(result.verified, "\(result.allChecks)")
        let signature = try Base58BTC.decode(String(try vector.text("sigBTC58").dropFirst()))
        #expect(hex(signature) == (try vector.text("sigHex")))
    }
}
