import Foundation
import Testing
import VerifiableCredentials

/// Our own legacy vectors, redone by independent implementations: pyld canonicalizes the same document and proof
/// configuration, and Python `cryptography` verifies the signature over `prefix ‖ hashData` built from pyld's bytes.
@Suite("Legacy proofs against pyld and Python cryptography")
struct LegacyProofCrossCheckTests {
    static let script =
        PythonPeer.pyldPrelude + """
            import hashlib
            try:
                from cryptography.hazmat.primitives.asymmetric import ec, ed25519
                from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
                from cryptography.hazmat.primitives import hashes
            except ImportError:
                print(json.dumps({"error": "the Python module cryptography is missing; run `make setup`"}))
                sys.exit(0)
            results = []
            for case in INPUT:
                doc_nq = canonize(case["document"])
                config_nq = canonize(case["config"])
                hash_data = hashlib.sha256(config_nq.encode()).digest() + hashlib.sha256(doc_nq.encode()).digest()
                message = bytes.fromhex(case["prefix"]) + hash_data
                signature = bytes.fromhex(case["signature"])
                key = bytes.fromhex(case["key"])
                try:
                    if case["keyType"] == "ed25519":
                        ed25519.Ed25519PublicKey.from_public_bytes(key).verify(signature, message)
                    else:
                        curve, digest = (ec.SECP256R1(), hashes.SHA256()) if case["keyType"] == "p256" else (ec.SECP384R1(), hashes.SHA384())
                        half = len(signature) // 2
                        der = encode_dss_signature(int.from_bytes(signature[:half], "big"), int.from_bytes(signature[half:], "big"))
                        ec.EllipticCurvePublicKey.from_encoded_point(curve, key).verify(der, message, ec.ECDSA(digest))
                    verified = True
                except Exception:
                    verified = False
                results.append({"document": doc_nq == case["canonicalDocument"], "config": config_nq == case["canonicalConfig"],
                                "verified": verified})
            print(json.dumps(results))
            """

    @Test("pyld gives the same canonical bytes and cryptography verifies every legacy signature")
    func crossCheck() throws {
        var inputs: [JSONValue] = []
        for testCase in LegacyCase.all {
            let (output, key) = try testCase.signed()
            var document = try #require(output.signed.objectValue)
            document["proof"] = nil
            let prefixCount = output.signingInput.count - 64
            inputs.append([
                "document": .object(document), "config": output.config,
                "canonicalDocument": .string(String(decoding: output.canonicalDocument, as: UTF8.self)),
                "canonicalConfig": .string(String(decoding: output.canonicalConfig, as: UTF8.self)),
                "prefix": .string(hex(Array(output.signingInput.prefix(prefixCount)))),
                "signature": .string(hex(output.signature)), "key": .string(hex(key.publicKey.rawRepresentation)),
                "keyType": .string(key.type.rawValue),
            ])
        }
        let results = try #require(try PythonPeer.run(Self.script, input: .array(inputs)).arrayValue)
        try #require(results.count == LegacyCase.all.count)
        for (testCase, result) in zip(LegacyCase.all, results) {
            #expect(result["document"] == true, "\(testCase): canonical document differs from pyld")
            #expect(result["config"] == true, "\(testCase): canonical proof configuration differs from pyld")
            #expect(result["verified"] == true, "\(testCase): Python cryptography rejects the signature")
        }
    }
}
