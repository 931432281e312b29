import Foundation
import Testing
import VerifiableCredentials

@Suite("JWS security")
struct JWSSecurityTests {
    /// An Ed25519-signed JWS whose header is replaced by `headerJSON`, checked against the signer's key.
    private func verifyWithHeader(_ headerJSON: String, key: JWSSigningKey = JWSTest.signingKey(.eddsa)) throws -> Check
    {
        let jws = try CompactJWS.sign(
            payload: JWSTest.payload, header: try JWSHeader(algorithm: key.algorithm), key: key)
        return try CompactJWS(JWSTest.replacingHeader(of: jws, with: headerJSON)).verify(with: key.publicKey)
    }

    @Test(arguments: ["none", "None", "NONE"])
    func algNoneIsRefused(_ alg: String) throws {
        let key = JWSTest.signingKey(.eddsa)
        // An unsecured JWS: empty signature part is malformed, a one-byte one is refused for its alg.
        let unsecured = JWSTest.base64url(#"{"alg":"\#(alg)"}"#) + "." + JWSTest.base64url(JWSTest.payload) + "."
        #expect(throws: CredentialError(.malformedJWS, "")) { try CompactJWS(unsecured) }
        #expect(try CompactJWS(unsecured + "AA").verify(with: key.publicKey).code == .unsupportedAlgorithm)
        #expect(throws: CredentialError(.unsupportedAlgorithm, "")) { try JWSAlgorithm(headerValue: alg) }
    }

    @Test(arguments: ["HS256", "HS384", "HS512"])
    func hmacIsAlwaysRefused(_ alg: String) throws {
        for algorithm in JWSAlgorithm.allCases {
            let check = try verifyWithHeader(#"{"alg":"\#(alg)"}"#, key: JWSTest.signingKey(algorithm))
            #expect(check.code == .unsupportedAlgorithm)
        }
    }

    @Test(arguments: ["PS256", "ES512", "RS512", "ES256K", "Ed25519", ""])
    func otherAlgorithmsAreRefused(_ alg: String) throws {
        #expect(try verifyWithHeader(#"{"alg":"\#(alg)"}"#).code == .unsupportedAlgorithm)
    }

    /// Every pairing of a JWS algorithm with a key of another algorithm fails before any signature math.
    @Test(arguments: JWSAlgorithm.allCases, JWSAlgorithm.allCases)
    func algorithmMustMatchTheKey(_ named: JWSAlgorithm, _ keyAlgorithm: JWSAlgorithm) throws {
        let key = JWSTest.signingKey(keyAlgorithm)
        let check = try verifyWithHeader(#"{"alg":"\#(named.rawValue)"}"#, key: key)
        if named == keyAlgorithm {
            #expect(check.status == .pass)  // the same header the key signed
        } else {
            #expect(check.code == .algorithmKeyMismatch)
            // Signing refuses the mismatch too.
            #expect(throws: CredentialError(.algorithmKeyMismatch, "")) {
                try CompactJWS.sign(payload: JWSTest.payload, header: try JWSHeader(algorithm: named), key: key)
            }
        }
    }

    @Test
    func unknownCriticalHeaderFails() throws {
        let key = JWSTest.signingKey(.eddsa)
        let extra = try #require(JSONParser.parse(#"{"exp-policy":1,"crit":["exp-policy"]}"#).objectValue)
        let header = try JWSHeader(algorithm: .eddsa, extra: extra)
        #expect(throws: CredentialError(.unsupportedCriticalHeader, "")) {
            try CompactJWS.sign(payload: JWSTest.payload, header: header, key: key)
        }
        // A JWS made elsewhere with that header fails verification, unless the caller understands the name.
        let jws = try CompactJWS.sign(payload: JWSTest.payload, header: try JWSHeader(algorithm: .eddsa), key: key)
        let forged = try CompactJWS(
            JWSTest.replacingHeader(of: jws, with: #"{"alg":"EdDSA","exp-policy":1,"crit":["exp-policy"]}"#))
        #expect(forged.verify(with: key.publicKey).code == .unsupportedCriticalHeader)
        #expect(
            forged.verify(with: key.publicKey, understoodCriticalHeaders: ["exp-policy"]).code == .signatureMismatch)
    }

    @Test(arguments: [
        #"{"alg":"EdDSA","crit":[]}"#, #"{"alg":"EdDSA","crit":"x"}"#, #"{"alg":"EdDSA","crit":["x"]}"#,
        #"{"alg":"EdDSA","x":1,"crit":["x","x"]}"#, #"{"alg":"EdDSA","crit":["alg"]}"#, #"{"alg":"EdDSA","crit":[1]}"#,
    ])
    func malformedCritIsRejected(_ headerJSON: String) throws {
        let text = JWSTest.base64url(headerJSON) + "." + JWSTest.base64url(JWSTest.payload) + ".AAAA"
        #expect(throws: CredentialError(.malformedJWS, "")) { try CompactJWS(text) }
    }

    @Test
    func unencodedPayloadIsRefused() throws {
        let key = JWSTest.signingKey(.eddsa)
        #expect(
            try verifyWithHeader(#"{"alg":"EdDSA","b64":false,"crit":["b64"]}"#, key: key).code
                == .unsupportedCriticalHeader)
        let check = try verifyWithHeader(#"{"alg":"EdDSA","b64":false,"crit":["b64"]}"#, key: key)
        #expect(check.status == .fail)
        // Even when the caller claims to understand b64, a compact JWT never uses an unencoded payload.
        let jws = try CompactJWS.sign(payload: JWSTest.payload, header: try JWSHeader(algorithm: .eddsa), key: key)
        let forged = try CompactJWS(
            JWSTest.replacingHeader(of: jws, with: #"{"alg":"EdDSA","b64":false,"crit":["b64"]}"#))
        #expect(forged.verify(with: key.publicKey, understoodCriticalHeaders: ["b64"]).code == .unencodedPayload)
        let extra = try #require(JSONParser.parse(#"{"b64":false}"#).objectValue)
        #expect(throws: CredentialError(.unencodedPayload, "")) {
            try CompactJWS.sign(
                payload: JWSTest.payload, header: try JWSHeader(algorithm: .eddsa, extra: extra), key: key)
        }
    }

    @Test(arguments: [
        ("two parts", "eyJhbGciOiJFZERTQSJ9.e30"),
        ("empty payload", "eyJhbGciOiJFZERTQSJ9..AAAA"),
        ("four parts", "eyJhbGciOiJFZERTQSJ9.e30.AAAA.AAAA"),
        ("padding", "eyJhbGciOiJFZERTQSJ9.e30=.AAAA"),
        ("standard alphabet", "eyJhbGciOiJFZERTQSJ9.e30.AA+A"),
        ("space inside", "eyJhbGciOiJFZERTQSJ9 .e30.AAAA"),
        ("header not an object", "WyJhbGciXQ.e30.AAAA"),
        ("no alg", "e30.e30.AAAA"),
        ("alg not a string", "eyJhbGciOjF9.e30.AAAA"),
        ("kid not a string", "eyJhbGciOiJFZERTQSIsImtpZCI6MX0.e30.AAAA"),
    ])
    func malformedCompactIsRejected(_ name: String, _ text: String) throws {
        #expect(throws: CredentialError(.malformedJWS, ""), "\(name)") { try CompactJWS(text) }
    }

    @Test
    func emptyPayloadIsNotSigned() throws {
        #expect(throws: CredentialError(.malformedJWS, "")) {
            try CompactJWS.sign(payload: [], header: try JWSHeader(algorithm: .eddsa), key: JWSTest.signingKey(.eddsa))
        }
    }

    @Test
    func duplicateHeaderMembersAreRejected() throws {
        let text = JWSTest.base64url(#"{"alg":"EdDSA","alg":"none"}"#) + ".e30.AAAA"
        #expect(throws: CredentialError(.duplicateKey, "")) { try CompactJWS(text) }
    }

    @Test
    func rsaKeysUnder2048BitsAreRefused() throws {
        // A 1024-bit modulus (128 bytes, top bit set) with e = 65537.
        let n = JWSTest.base64url([0xC1] + [UInt8](repeating: 0x5B, count: 126) + [0x01])
        #expect(throws: CredentialError(.invalidKey, "")) {
            try RSAPublicKey(jwk: ["kty": "RSA", "n": .string(n), "e": "AQAB"])
        }
        #expect(throws: CredentialError(.invalidKey, "")) { try RSASigningKey(generatingBits: 1024) }
        let jwk = JWSTest.rsaKey.publicKey.jwk
        var withPrivate = try #require(jwk.objectValue)
        withPrivate["d"] = "AQAB"
        #expect(throws: CredentialError(.invalidKey, "")) { try RSAPublicKey(jwk: .object(withPrivate)) }
    }
}
