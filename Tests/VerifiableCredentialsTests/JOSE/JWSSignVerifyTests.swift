import Foundation
import Testing
import VerifiableCredentials

@Suite("JWS sign and verify")
struct JWSSignVerifyTests {
    @Test(arguments: JWSAlgorithm.allCases)
    func roundTrip(_ algorithm: JWSAlgorithm) throws {
        let key = JWSTest.signingKey(algorithm)
        #expect(key.algorithm == algorithm)
        let header = try JWSHeader(algorithm: algorithm, keyID: "did:example:issuer#key-1", type: "vc+jwt")
        let jws = try CompactJWS.sign(payload: JWSTest.payload, header: header, key: key)
        let parsed = try CompactJWS(jws.compact + "\n")
        #expect(parsed == jws)
        #expect(parsed.header.alg == algorithm.rawValue)
        #expect(parsed.header.kid == "did:example:issuer#key-1")
        #expect(parsed.header.typ == "vc+jwt")
        #expect(parsed.payload == JWSTest.payload)
        #expect(parsed.signature.count == key.publicKey.signatureByteCount)
        let check = parsed.verify(with: key.publicKey)
        #expect(check.status == .pass)
        #expect(check.name == "signature")
        // The public key also survives a JWK round trip.
        let fromJWK = try JWSPublicKey(jwk: key.publicKey.jwk)
        #expect(fromJWK == key.publicKey)
        #expect(parsed.verify(with: fromJWK).status == .pass)
    }

    @Test(arguments: JWSAlgorithm.allCases)
    func wrongKeyOfTheSameTypeFails(_ algorithm: JWSAlgorithm) throws {
        let jws = try CompactJWS.sign(
            payload: JWSTest.payload, header: try JWSHeader(algorithm: algorithm), key: JWSTest.signingKey(algorithm))
        let other: JWSPublicKey =
            algorithm == .rs256
            ? .rsa(try RSASigningKey(generatingBits: 2048).publicKey)
            : JWSTest.signingKey(algorithm).publicKey
        #expect(jws.verify(with: other).code == .signatureMismatch)
    }

    @Test(arguments: JWSAlgorithm.allCases)
    func tamperedPayloadFails(_ algorithm: JWSAlgorithm) throws {
        let key = JWSTest.signingKey(algorithm)
        let jws = try CompactJWS.sign(payload: JWSTest.payload, header: try JWSHeader(algorithm: algorithm), key: key)
        let parts = jws.compact.split(separator: ".")
        let forged =
            parts[0] + "." + JWSTest.base64url(#"{"iss":"did:example:mallory","jti":"urn:uuid:1"}"#) + "." + parts[2]
        #expect(try CompactJWS(String(forged)).verify(with: key.publicKey).code == .signatureMismatch)
    }

    @Test(arguments: JWSAlgorithm.allCases)
    func tamperedHeaderFails(_ algorithm: JWSAlgorithm) throws {
        let key = JWSTest.signingKey(algorithm)
        let jws = try CompactJWS.sign(
            payload: JWSTest.payload, header: try JWSHeader(algorithm: algorithm, keyID: "a"), key: key)
        let forged = JWSTest.replacingHeader(of: jws, with: #"{"alg":"\#(algorithm.rawValue)","kid":"b"}"#)
        #expect(try CompactJWS(forged).verify(with: key.publicKey).code == .signatureMismatch)
    }

    @Test(arguments: JWSAlgorithm.allCases)
    func signatureLengthIsChecked(_ algorithm: JWSAlgorithm) throws {
        let key = JWSTest.signingKey(algorithm)
        let jws = try CompactJWS.sign(payload: JWSTest.payload, header: try JWSHeader(algorithm: algorithm), key: key)
        let parts = jws.compact.split(separator: ".")
        for signature in [jws.signature + [0], Array(jws.signature.dropLast())] {
            let changed = parts[0] + "." + parts[1] + "." + JWSTest.base64url(signature)
            #expect(try CompactJWS(String(changed)).verify(with: key.publicKey).code == .invalidSignatureLength)
        }
    }

    @Test
    func unknownHeaderMembersAreKept() throws {
        let extra = try #require(JSONParser.parse(#"{"x-note":"kept","iat":1}"#).objectValue)
        let header = try JWSHeader(algorithm: .eddsa, extra: extra)
        let key = JWSTest.signingKey(.eddsa)
        let jws = try CompactJWS.sign(payload: JWSTest.payload, header: header, key: key)
        let parsed = try CompactJWS(jws.compact)
        #expect(parsed.header.members["x-note"] == "kept")
        #expect(parsed.header.members.keys == ["alg", "x-note", "iat"])
        #expect(parsed.verify(with: key.publicKey).status == .pass)
    }

    @Test
    func rsaKeysRoundTripThroughPEM() throws {
        let key = JWSTest.rsaKey
        let again = try JWSSigningKey(pemEncoded: key.pemEncoded)
        #expect(again.algorithm == .rs256)
        #expect(again.publicKey == .rsa(key.publicKey))
        #expect(try RSAPublicKey(pemEncoded: key.publicKey.pemEncoded) == key.publicKey)
        #expect(key.publicKey.bitCount == 2048)
        // The shared key types still come through the same entry point.
        let ed = SigningKey(generating: .ed25519)
        #expect(try JWSSigningKey(pemEncoded: ed.pemEncoded()).publicKey == .key(ed.publicKey))
    }
}
