import Foundation
import Testing
import VerifiableCredentials

/// Cross-checks with Python `cryptography`: the peer verifies our JWSs and signs its own, which we verify.
@Suite("JWS interop with Python cryptography")
struct JWSInteropTests {
    static let script = """
        import json, sys, base64
        try:
            from cryptography.hazmat.primitives.asymmetric import ed25519, ec, rsa, padding, utils
            from cryptography.hazmat.primitives import hashes, serialization
            from cryptography.exceptions import InvalidSignature
        except ImportError:
            print(json.dumps({"error": "the Python module cryptography is missing; run `make setup`"}))
            sys.exit(0)
        with open(sys.argv[1]) as f:
            INPUT = json.load(f)
        def b64d(s): return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
        def b64e(b): return base64.urlsafe_b64encode(b).rstrip(b"=").decode()
        def uint(s): return int.from_bytes(b64d(s), "big")
        CURVES = {"ES256": (ec.SECP256R1(), hashes.SHA256(), 32, "P-256"),
                  "ES384": (ec.SECP384R1(), hashes.SHA384(), 48, "P-384")}
        def public_key(jwk):
            if jwk["kty"] == "OKP":
                return ed25519.Ed25519PublicKey.from_public_bytes(b64d(jwk["x"]))
            if jwk["kty"] == "EC":
                curve = CURVES["ES256" if jwk["crv"] == "P-256" else "ES384"][0]
                return ec.EllipticCurvePublicNumbers(uint(jwk["x"]), uint(jwk["y"]), curve).public_key()
            return rsa.RSAPublicNumbers(uint(jwk["e"]), uint(jwk["n"])).public_key()
        def verify(alg, jwk, compact):
            h, p, s = compact.split(".")
            data = (h + "." + p).encode()
            sig = b64d(s)
            key = public_key(jwk)
            try:
                if alg == "EdDSA":
                    key.verify(sig, data)
                elif alg in CURVES:
                    curve, digest, size, _ = CURVES[alg]
                    if len(sig) != 2 * size:
                        return False
                    r, t = int.from_bytes(sig[:size], "big"), int.from_bytes(sig[size:], "big")
                    key.verify(utils.encode_dss_signature(r, t), data, ec.ECDSA(digest))
                else:
                    key.verify(sig, data, padding.PKCS1v15(), hashes.SHA256())
                return True
            except InvalidSignature:
                return False
        def sign(alg, payload):
            header = b64e(json.dumps({"alg": alg, "typ": "vc+jwt"}, separators=(",", ":")).encode())
            data = (header + "." + b64e(payload.encode())).encode()
            out = {"alg": alg}
            if alg == "EdDSA":
                k = ed25519.Ed25519PrivateKey.generate()
                sig = k.sign(data)
                raw = k.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
                out["jwk"] = {"kty": "OKP", "crv": "Ed25519", "x": b64e(raw)}
            elif alg in CURVES:
                curve, digest, size, crv = CURVES[alg]
                k = ec.generate_private_key(curve)
                r, t = utils.decode_dss_signature(k.sign(data, ec.ECDSA(digest)))
                sig = r.to_bytes(size, "big") + t.to_bytes(size, "big")
                n = k.public_key().public_numbers()
                out["jwk"] = {"kty": "EC", "crv": crv, "x": b64e(n.x.to_bytes(size, "big")),
                              "y": b64e(n.y.to_bytes(size, "big"))}
            else:
                k = rsa.generate_private_key(public_exponent=65537, key_size=2048)
                sig = k.sign(data, padding.PKCS1v15(), hashes.SHA256())
                n = k.public_key().public_numbers()
                out["jwk"] = {"kty": "RSA", "n": b64e(n.n.to_bytes((n.n.bit_length() + 7) // 8, "big")),
                              "e": b64e(n.e.to_bytes((n.e.bit_length() + 7) // 8, "big"))}
                out["privatePEM"] = k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                    serialization.NoEncryption()).decode()
                out["publicPEM"] = k.public_key().public_bytes(serialization.Encoding.PEM,
                                                               serialization.PublicFormat.SubjectPublicKeyInfo).decode()
            out["jws"] = (data + b"." + b64e(sig).encode()).decode()
            return out
        result = {"verified": {}, "tamperedVerified": {}, "peer": []}
        for item in INPUT["ours"]:
            result["verified"][item["alg"]] = verify(item["alg"], item["jwk"], item["jws"])
            result["tamperedVerified"][item["alg"]] = verify(item["alg"], item["jwk"], item["tampered"])
        for alg in INPUT["peerAlgorithms"]:
            result["peer"].append(sign(alg, INPUT["payload"]))
        print(json.dumps(result))
        """

    @Test
    func bothWays() throws {
        let payload = String(decoding: JWSTest.payload, as: UTF8.self)
        var ours: [JSONValue] = []
        for algorithm in JWSAlgorithm.allCases {
            let key = JWSTest.signingKey(algorithm)
            let header = try JWSHeader(algorithm: algorithm, keyID: "did:example:issuer#key-1", type: "vc+jwt")
            let jws = try CompactJWS.sign(payload: JWSTest.payload, header: header, key: key)
            let parts = jws.compact.split(separator: ".")
            let tampered = parts[0] + "." + JWSTest.base64url(payload + " ") + "." + parts[2]
            ours.append([
                "alg": .string(algorithm.rawValue), "jwk": key.publicKey.jwk, "jws": .string(jws.compact),
                "tampered": .string(String(tampered)),
            ])
        }
        let input: JSONValue = [
            "ours": .array(ours), "payload": .string(payload),
            "peerAlgorithms": .array(JWSAlgorithm.allCases.map { .string($0.rawValue) }),
        ]
        let result = try PythonPeer.run(Self.script, input: input)
        for algorithm in JWSAlgorithm.allCases {
            #expect(result["verified"]?[algorithm.rawValue] == true, "the peer verifies our \(algorithm.rawValue)")
            #expect(
                result["tamperedVerified"]?[algorithm.rawValue] == false,
                "the peer rejects a tampered \(algorithm.rawValue)")
        }
        let peers = try #require(result["peer"]?.arrayValue)
        #expect(peers.count == JWSAlgorithm.allCases.count)
        for peer in peers {
            let algorithm = try JWSAlgorithm(headerValue: try #require(peer["alg"]?.stringValue))
            let key = try JWSPublicKey(jwk: try #require(peer["jwk"]))
            let jws = try CompactJWS(try #require(peer["jws"]?.stringValue))
            #expect(jws.header.typ == "vc+jwt")
            #expect(jws.payload == JWSTest.payload)
            #expect(jws.verify(with: key).status == .pass, "we verify the peer's \(algorithm.rawValue)")
            if algorithm == .rs256 {
                // The peer's PKCS#8 and SPKI PEM files describe the same key as its JWK.
                let signing = try JWSSigningKey(pemEncoded: try #require(peer["privatePEM"]?.stringValue))
                #expect(signing.publicKey == key)
                #expect(try RSAPublicKey(pemEncoded: try #require(peer["publicPEM"]?.stringValue)) == (key.rsa))
            }
        }
    }
}

extension JWSPublicKey {
    fileprivate var rsa: RSAPublicKey? {
        if case .rsa(let key) = self { key } else { nil }
    }
}
