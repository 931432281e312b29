import Crypto
import Foundation
import VerifiableCredentials

/// Signs VC 1.1 legacy proofs with a throwaway key, for tests only: cmevc itself never issues them.
///
/// The recipe mirrors what the verifier checks: config = proof options + the document's `@context`;
/// hashData = SHA-256(C(config)) ‖ SHA-256(C(document)); the signature covers `prefix ‖ hashData`, where the
/// prefix is empty for `proofValue` suites and `BASE64URL(header) ‖ "."` for a detached `b64: false` JWS.
struct LegacyTestSigner {
    enum Format {
        case proofValue
        case jws(algorithm: String)
    }

    /// Everything a cross-check needs to redo the signature independently.
    struct Output {
        var signed: JSONValue
        var config: JSONValue
        var canonicalDocument: [UInt8]
        var canonicalConfig: [UInt8]
        var signingInput: [UInt8]
        var signature: [UInt8]
    }

    let suite: any LegacyProofSuite
    let key: SigningKey
    let format: Format

    func sign(_ document: JSONValue, created: String, verificationMethod: String) throws -> Output {
        guard case .object(let object) = document else { throw CredentialError(.unexpectedJSON, "not an object") }
        var options = JSONObject()
        options["type"] = .string(suite.proofType)
        options["created"] = .string(created)
        options["verificationMethod"] = .string(verificationMethod)
        options["proofPurpose"] = "assertionMethod"
        var config = JSONObject()
        config["@context"] = object["@context"]
        for member in options.members { config[member.key] = member.value }
        let canonicalConfig = try suite.canonicalize(.object(config))
        let canonicalDocument = try suite.canonicalize(document)
        let hashData = Array(SHA256.hash(data: canonicalConfig)) + Array(SHA256.hash(data: canonicalDocument))
        var proof = options
        let signingInput: [UInt8]
        let signature: [UInt8]
        switch format {
        case .proofValue:
            signingInput = hashData
            signature = try key.signature(for: signingInput)
            proof["proofValue"] = .string(Multibase.encode(signature, as: .base58btc))
        case .jws(let algorithm):
            let header: JSONValue = ["alg": .string(algorithm), "b64": false, "crit": ["b64"]]
            let encodedHeader = Self.base64url(JSONSerializer.bytes(header))
            signingInput = Array((encodedHeader + ".").utf8) + hashData
            signature = try key.signature(for: signingInput)
            proof["jws"] = .string(encodedHeader + ".." + Self.base64url(signature))
        }
        var signed = object
        signed["proof"] = .object(proof)
        return Output(
            signed: .object(signed), config: .object(config), canonicalDocument: canonicalDocument,
            canonicalConfig: canonicalConfig,
            signingInput: signingInput, signature: signature)
    }

    static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
