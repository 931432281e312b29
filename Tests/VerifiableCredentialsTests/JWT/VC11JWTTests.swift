import Foundation
import Testing
import VerifiableCredentials

/// VC Data Model 1.1 JWTs (§6.3.1): `vc`/`vp` claims with `iss`, `sub`, `jti`, `nbf`, `exp`, `nonce`, `aud`.
@Suite("VC 1.1 JWT mapping")
struct VC11JWTTests {
    let fixture = JWTFixture()

    /// A VC 1.1 credential body (no issuer, id, subject id or dates: the claims carry them).
    func vcClaim(extra: [String: JSONValue] = [:]) -> JSONValue {
        let v2 = fixture.world.credential()
        var vc = JSONObject()
        vc["@context"] = [
            "https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ]
        vc["type"] = v2["type"]
        vc["credentialSubject"] = .object(v2["credentialSubject"]?.objectValue ?? JSONObject())
        vc["credentialStatus"] = v2["credentialStatus"]
        for (key, value) in extra { vc[key] = value }
        return .object(vc)
    }

    func claims(vc: JSONValue, subject: String? = nil, nbf: Double = 1_772_409_600.25, exp: Double? = 1_835_481_600)
        -> JSONValue
    {
        var claims = JSONObject()
        claims["iss"] = .string(VerificationFixture.issuerID)
        if let subject { claims["sub"] = .string(subject) }
        claims["jti"] = "urn:uuid:6a1f8d6e-0000-4000-8000-000000000001"
        claims["nbf"] = .number(nbf)
        if let exp { claims["exp"] = .number(exp) }
        claims["vc"] = vc
        return .object(claims)
    }

    func jwt(_ claims: JSONValue, _ algorithm: JWSAlgorithm = .es256) throws -> String {
        try JWTFixture.raw(
            header: ["alg": .string(algorithm.rawValue), "typ": "JWT", "kid": .string(JWTFixture.keyID(algorithm))],
            payload: claims, key: fixture.key(algorithm))
    }

    @Test("the claims map onto the credential, a fractional nbf included")
    func mapping() throws {
        let alice = DIDKey.did(for: fixture.world.alice.publicKey)
        let decoded = try DecodedJWT(compact: try jwt(claims(vc: vcClaim(), subject: alice)))
        #expect(decoded.format == .credential11)
        #expect(decoded.conflicts.isEmpty)
        let document = decoded.document
        #expect(document["issuer"] == .string(VerificationFixture.issuerID))
        #expect(document["id"] == "urn:uuid:6a1f8d6e-0000-4000-8000-000000000001")
        #expect(document["credentialSubject"]?["id"] == .string(alice))
        #expect(document["validFrom"] == "2026-03-02T00:00:00.250Z")
        #expect(document["validUntil"] == "2028-03-01T00:00:00Z")
        #expect(document["@context"]?.asArray.first == "https://www.w3.org/ns/credentials/v2")
        #expect(document["issuanceDate"] == nil)
        #expect(decoded.signedAt == Date(timeIntervalSince1970: 1_772_409_600.25))
    }

    @Test("issuanceDate and expirationDate already in vc must agree with nbf and exp")
    func datesAgree() throws {
        let agreeing = vcClaim(extra: [
            "issuanceDate": "2026-03-02T00:00:00Z", "expirationDate": "2028-03-01T00:00:00Z",
        ])
        #expect(try DecodedJWT(compact: try jwt(claims(vc: agreeing))).conflicts.isEmpty)
        let other = vcClaim(extra: ["issuanceDate": "2026-03-01T00:00:00Z"])
        #expect(try DecodedJWT(compact: try jwt(claims(vc: other))).conflicts.first?.code == .jwtNotBeforeMismatch)
        let later = vcClaim(extra: ["expirationDate": "2029-03-01T00:00:00Z"])
        #expect(try DecodedJWT(compact: try jwt(claims(vc: later))).conflicts.first?.code == .jwtExpirationMismatch)
    }

    @Test("a VC 1.1 JWT credential verifies in full", arguments: JWSAlgorithm.allCases)
    func verifies(_ algorithm: JWSAlgorithm) throws {
        let report = try fixture.verifier().verify(
            bytes: Array(try jwt(claims(vc: vcClaim()), algorithm).utf8), name: "v11.jwt")
        #expect(report.verified, "\(JWTFixture.problems(report))")
        #expect(report.check("jwt")?.message.contains("VC 1.1") == true)
    }

    @Test("a VC 1.1 credential whose exp has passed is expired")
    func expired() throws {
        let report = try fixture.verifier().verify(
            bytes: Array(try jwt(claims(vc: vcClaim(), exp: 1_775_000_000)).utf8), name: "v11.jwt")
        #expect(report.check("validity")?.code == .credentialExpired)
        #expect(report.check("claims")?.code == .jwtExpired)
    }

    @Test("a VC 1.1 presentation JWT with vc JWT strings, nonce and aud verifies")
    func presentation() throws {
        let alice = fixture.world.alice
        let holder = DIDKey.did(for: alice.publicKey)
        let credentials: [JSONValue] = [
            .string(try jwt(claims(vc: vcClaim(), subject: holder), .rs256)),
            .string(try jwt(claims(vc: vcClaim(), subject: holder), .eddsa)),
        ]
        let vp: JSONValue = [
            "@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiablePresentation"],
            "verifiableCredential": .array(credentials),
        ]
        let claims: JSONValue = [
            "iss": .string(holder), "jti": "urn:uuid:vp-1", "nonce": "c-123", "aud": "hospital.example",
            "nbf": .number(VerificationFixture.signedAt.timeIntervalSince1970), "vp": vp,
        ]
        let compact = try JWTFixture.raw(
            header: ["alg": "EdDSA", "typ": "JWT", "kid": .string(DIDKey.verificationMethodID(for: alice.publicKey))],
            payload: claims, key: .key(alice))
        let verifier = try fixture.verifier()
        let expectations = PresentationExpectations(
            challenge: "c-123", domain: "hospital.example", subjectNPI: "1234567893")
        let report = verifier.verify(bytes: Array(compact.utf8), name: "vp.jwt", expecting: expectations)
        #expect(report.kind == .presentation)
        #expect(report.credentials.count == 2)
        #expect(report.verified, "\(JWTFixture.problems(report))")
        let decoded = try DecodedJWT(compact: compact)
        #expect(decoded.format == .presentation11)
        #expect(decoded.document["holder"] == .string(holder))
        #expect(decoded.document["id"] == "urn:uuid:vp-1")
        let other = verifier.verify(
            bytes: Array(compact.utf8), name: "vp.jwt", expecting: .init(challenge: "c-999", domain: "hospital.example")
        )
        #expect(other.check("challenge")?.code == .jwtNonceMismatch)
    }
}
