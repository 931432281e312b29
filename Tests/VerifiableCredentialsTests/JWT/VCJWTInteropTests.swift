import Foundation
import Testing
import VerifiableCredentials

/// `vc+jwt` both ways with Python `cryptography`: the peer verifies the JWTs issued here (and reads the
/// credential back from the payload), and signs its own, which verify here in full against the registry.
@Suite("VC-JWT interop with Python cryptography")
struct VCJWTInteropTests {
    static let script = """
        import json, sys, base64
        try:
            from cryptography.hazmat.primitives.asymmetric import ed25519, ec, rsa, padding, utils
            from cryptography.hazmat.primitives import hashes
            from cryptography.exceptions import InvalidSignature
        except ImportError:
            print(json.dumps({"error": "the Python module cryptography is missing; run `make setup`"}))
            sys.exit(0)
        with open(sys.argv[1]) as f:
            INPUT = json.load(f)
        def b64d(s): return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
        def b64e(b): return base64.urlsafe_b64encode(b).rstrip(b"=").decode()
        def uint(s): return int.from_bytes(b64d(s), "big")
        def fixed(n, size): return b64e(n.to_bytes(size, "big"))
        EC = {"ES256": (ec.SECP256R1(), hashes.SHA256(), 32, "P-256"), "ES384": (ec.SECP384R1(), hashes.SHA384(), 48, "P-384")}
        def verify(alg, jwk, data, sig):
            try:
                if alg == "EdDSA":
                    ed25519.Ed25519PublicKey.from_public_bytes(b64d(jwk["x"])).verify(sig, data)
                elif alg in EC:
                    curve, digest, size, _ = EC[alg]
                    key = ec.EllipticCurvePublicNumbers(uint(jwk["x"]), uint(jwk["y"]), curve).public_key()
                    r, s = int.from_bytes(sig[:size], "big"), int.from_bytes(sig[size:], "big")
                    key.verify(utils.encode_dss_signature(r, s), data, ec.ECDSA(digest))
                else:
                    key = rsa.RSAPublicNumbers(uint(jwk["e"]), uint(jwk["n"])).public_key()
                    key.verify(sig, data, padding.PKCS1v15(), hashes.SHA256())
                return True
            except (InvalidSignature, ValueError):
                return False
        result = {"ours": {}, "peer": []}
        for item in INPUT["ours"]:
            h, p, s = item["jws"].split(".")
            header, claims = json.loads(b64d(h)), json.loads(b64d(p))
            iat = claims.pop("iat", None)
            result["ours"][item["alg"]] = {
                "verified": verify(item["alg"], item["jwk"], (h + "." + p).encode(), b64d(s)),
                "header": header, "payloadIsCredential": claims == INPUT["credential"], "iat": iat}
        for alg, kid in INPUT["peer"].items():
            header = {"alg": alg, "kid": kid, "typ": "vc+jwt"}
            claims = dict(INPUT["credential"], iat=INPUT["iat"])
            data = (b64e(json.dumps(header).encode()) + "." + b64e(json.dumps(claims).encode())).encode()
            if alg == "EdDSA":
                k = ed25519.Ed25519PrivateKey.generate()
                sig = k.sign(data)
                jwk = {"kty": "OKP", "crv": "Ed25519", "x": b64e(k.public_key().public_bytes_raw())}
            elif alg in EC:
                curve, digest, size, crv = EC[alg]
                k = ec.generate_private_key(curve)
                r, s = utils.decode_dss_signature(k.sign(data, ec.ECDSA(digest)))
                sig = r.to_bytes(size, "big") + s.to_bytes(size, "big")
                n = k.public_key().public_numbers()
                jwk = {"kty": "EC", "crv": crv, "x": fixed(n.x, size), "y": fixed(n.y, size)}
            else:
                k = rsa.generate_private_key(public_exponent=65537, key_size=2048)
                sig = k.sign(data, padding.PKCS1v15(), hashes.SHA256())
                n = k.public_key().public_numbers()
                jwk = {"kty": "RSA", "n": fixed(n.n, 256), "e": fixed(n.e, 3)}
            result["peer"].append({"alg": alg, "kid": kid, "jwk": jwk, "jws": (data + b"." + b64e(sig).encode()).decode()})
        print(json.dumps(result))
        """

    @Test("every algorithm: issued here and verified by the peer; issued by the peer and verified here in full")
    func bothWays() throws {
        let fixture = JWTFixture()
        let credential = fixture.world.credential()
        var ours: [JSONValue] = []
        var peer = JSONObject()
        for algorithm in JWSAlgorithm.allCases {
            let jwt = try fixture.sign(credential, algorithm)
            ours.append([
                "alg": .string(algorithm.rawValue), "jwk": fixture.key(algorithm).publicKey.jwk,
                "jws": .string(jwt.compact),
            ])
            peer[algorithm.rawValue] = .string(VerificationFixture.issuerID + "#peer-" + algorithm.rawValue)
        }
        let input: JSONValue = [
            "credential": credential, "ours": .array(ours), "peer": .object(peer),
            "iat": .number(VerificationFixture.signedAt.timeIntervalSince1970),
        ]
        let result = try PythonPeer.run(Self.script, input: input)
        #expect(result["error"] == nil, "\(result["error"]?.stringValue ?? "")")
        for algorithm in JWSAlgorithm.allCases {
            let seen = result["ours"]?[algorithm.rawValue]
            #expect(seen?["verified"] == true, "the peer verifies our \(algorithm.rawValue) vc+jwt")
            #expect(seen?["payloadIsCredential"] == true, "the payload is the credential")
            #expect(seen?["header"]?["typ"] == "vc+jwt")
            #expect(seen?["header"]?["kid"] == .string(JWTFixture.keyID(algorithm)))
        }
        var registry = fixture.world.registry
        let peers = try #require(result["peer"]?.arrayValue)
        #expect(peers.count == JWSAlgorithm.allCases.count)
        for entry in peers {
            registry.issuers[0].keys.append(
                RegisteredKey(
                    id: try #require(entry["kid"]?.stringValue),
                    verificationKey: try JWSPublicKey(jwk: try #require(entry["jwk"])),
                    validFrom: RegistryDate("2026-01-01T00:00:00Z")))
        }
        let verifier = fixture.world.verifier(registry: registry, lists: [try fixture.world.statusList()])
        for entry in peers {
            let compact = try #require(entry["jws"]?.stringValue)
            let report = verifier.verify(bytes: Array(compact.utf8), name: "peer.jwt")
            #expect(report.verified, "peer \(entry["alg"]?.stringValue ?? ""): \(JWTFixture.problems(report))")
        }
    }

    @Test("a registry holds RSA keys as publicKeyJwk and reads them back")
    func registryRoundTrip() throws {
        let registry = JWTFixture().registry
        let reread = try IssuerRegistry(json: registry.json())
        let rsa = try #require(reread.key(JWTFixture.keyID(.rs256))?.key)
        #expect(rsa.typeName == "rsa")
        #expect(rsa.publicKey == nil)
        #expect(rsa.verificationKey == JWTFixture().key(.rs256).publicKey)
        let keys = registry.json()["issuers"]?.asArray.first?["keys"]?.asArray ?? []
        #expect(keys.last?["publicKeyJwk"]?["kty"] == "RSA")
        #expect(keys.last?["type"] == "JsonWebKey")
        #expect(throws: CredentialError.self) {
            try RegistryResolver(registry: reread).resolve(JWTFixture.keyID(.rs256))
        }
    }
}
