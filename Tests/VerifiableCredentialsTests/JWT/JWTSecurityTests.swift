import Crypto
import Foundation
import Testing
import VerifiableCredentials

/// Each JWT security rule as its own test: the JWT must fail verification, with the right check and code.
@Suite("VC-JWT security")
struct JWTSecurityTests {
    let fixture = JWTFixture()

    func report(_ compact: String, registry: IssuerRegistry? = nil) throws -> DocumentReport {
        try fixture.verifier(registry: registry).verify(bytes: Array(compact.utf8), name: "c.jwt")
    }

    func header(_ algorithm: JWSAlgorithm, kid: String? = nil, extra: [String: JSONValue] = [:]) -> JSONValue {
        var object = JSONObject()
        object["alg"] = .string(algorithm.rawValue)
        object["kid"] = .string(kid ?? JWTFixture.keyID(algorithm))
        object["typ"] = "vc+jwt"
        for (key, value) in extra { object[key] = value }
        return .object(object)
    }

    /// A vc+jwt of `credential` under a hand-made header, signed with the `algorithm` key.
    func hostile(
        _ credential: JSONValue? = nil, header: JSONValue? = nil, _ algorithm: JWSAlgorithm = .es256,
        key: JWSSigningKey? = nil
    ) throws -> String {
        try JWTFixture.raw(
            header: header ?? self.header(algorithm), payload: credential ?? fixture.world.credential(),
            key: key ?? fixture.key(algorithm))
    }

    @Test("alg none is refused")
    func algNone() throws {
        let parts = try hostile().split(separator: ".")
        let unsecured = JWSTest.base64url(#"{"alg":"none","kid":"\#(VerificationFixture.keyID)"}"#) + "." + parts[1]
        for compact in [unsecured + ".", unsecured + ".AAAA"] {
            let result = try report(compact)
            #expect(!result.verified)
            if result.kind != .unreadable { #expect(result.check("proof")?.code == .unsupportedAlgorithm) }
        }
        #expect(try report(unsecured + ".AAAA").check("proof")?.code == .unsupportedAlgorithm)
    }

    @Test("HS256 keyed with the registered RSA public key is refused (no RS/HS confusion)")
    func hmacConfusion() throws {
        let headerJSON = header(.rs256).replacing(["alg"], with: "HS256")
        let input =
            JWSTest.base64url(JSONSerializer.bytes(headerJSON)) + "."
            + JWSTest.base64url(JSONSerializer.bytes(fixture.world.credential()))
        let secret = SymmetricKey(data: Array(fixture.key(.rs256).publicKey.jwk["n"]?.stringValue?.utf8 ?? "".utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Array(input.utf8), using: secret)
        let result = try report(input + "." + JWSTest.base64url(Array(mac)))
        #expect(result.check("proof")?.code == .unsupportedAlgorithm)
        #expect(!result.verified)
    }

    @Test(
        "an algorithm that is not the registered key's is refused",
        arguments: [
            (JWSAlgorithm.es256, JWSAlgorithm.eddsa), (.eddsa, .es256), (.es384, .es256), (.rs256, .es384),
        ])
    func algorithmKeyConfusion(_ signing: JWSAlgorithm, _ named: JWSAlgorithm) throws {
        // Signed with the `signing` key and alg, but kid names the issuer's `named` key.
        let compact = try hostile(header: header(signing, kid: JWTFixture.keyID(named)), signing)
        #expect(try report(compact).check("proof")?.code == .algorithmKeyMismatch)
    }

    @Test("a kid that names a key of another issuer fails")
    func kidOfAnotherIssuer() throws {
        var registry = fixture.registry
        let other = SigningKey(generating: .p256)
        registry.issuers.append(
            RegisteredIssuer(
                id: "did:web:other.example", displayName: "Other",
                keys: [RegisteredKey(id: "did:web:other.example#k", publicKey: other.publicKey)]))
        let compact = try hostile(header: header(.es256, kid: "did:web:other.example#k"), .es256, key: .key(other))
        let result = try report(compact, registry: registry)
        #expect(result.check("proof")?.status == .pass)
        #expect(result.check("controller")?.code == .jwtKeyNotIssuers)
        #expect(!result.verified)
    }

    @Test("a did:key kid that is not registered for the issuer fails")
    func unregisteredDIDKey() throws {
        let stranger = SigningKey(generating: .ed25519)
        let compact = try hostile(
            header: header(.eddsa, kid: DIDKey.verificationMethodID(for: stranger.publicKey)), .eddsa,
            key: .key(stranger))
        let result = try report(compact)
        #expect(result.check("controller")?.code == .jwtKeyNotIssuers)
        #expect(!result.verified)
    }

    @Test("a kid the registry does not list fails, and a missing kid fails")
    func unknownAndMissingKid() throws {
        let unknown = try hostile(header: header(.es256, kid: VerificationFixture.issuerID + "#nope"))
        #expect(try report(unknown).check("proof")?.code == .keyNotRegistered)
        let missing = try hostile(header: ["alg": "ES256", "typ": "vc+jwt"])
        #expect(try report(missing).check("proof")?.code == .jwtKeyIDMissing)
    }

    @Test("an unknown crit header member fails")
    func unknownCrit() throws {
        let compact = try hostile(header: header(.es256, extra: ["crit": ["exp-policy"], "exp-policy": 1]))
        #expect(try report(compact).check("proof")?.code == .unsupportedCriticalHeader)
    }

    @Test("iss that is not the issuer fails")
    func issMismatch() throws {
        let credential = fixture.world.credential().replacing(["iss"], with: "did:web:evil.example")
        #expect(try report(try hostile(credential)).check("claims")?.code == .jwtIssuerMismatch)
    }

    @Test("jti that is not the id fails")
    func jtiMismatch() throws {
        let credential = fixture.world.credential().replacing(["jti"], with: "urn:uuid:another")
        #expect(try report(try hostile(credential)).check("claims")?.code == .jwtIDMismatch)
    }

    @Test("sub that is not the subject id fails")
    func subMismatch() throws {
        let world = fixture.world
        let credential = world.credential(subject: world.alice)
            .replacing(["sub"], with: .string(DIDKey.did(for: world.bob.publicKey)))
        #expect(try report(try hostile(credential)).check("claims")?.code == .jwtSubjectMismatch)
    }

    @Test("nbf and exp that disagree with validFrom and validUntil fail")
    func datesMismatch() throws {
        let early = fixture.world.credential().replacing(["nbf"], with: 1_700_000_000)
        #expect(try report(try hostile(early)).check("claims")?.code == .jwtNotBeforeMismatch)
        let late = fixture.world.credential().replacing(["validUntil"], with: "2030-01-01T00:00:00Z")
            .replacing(["exp"], with: 1_900_000_000)
        #expect(try report(try hostile(late)).check("claims")?.code == .jwtExpirationMismatch)
    }

    @Test("an exp that has passed fails")
    func expired() throws {
        let credential = fixture.world.credential().replacing(["exp"], with: 1_775_000_000)
        #expect(try report(try hostile(credential)).check("claims")?.code == .jwtExpired)
    }

    @Test("a typ for presentations on a credential fails")
    func typMismatch() throws {
        let compact = try hostile(header: header(.es256, extra: ["typ": "vp+jwt"]))
        #expect(try report(compact).check("jwt")?.code == .jwtTypeMismatch)
    }

    @Test("a signed vc+jwt whose iat is 1e300 seconds is refused as malformed claims")
    func absurdIssuedAt() throws {
        let jwt = try fixture.sign(fixture.world.credential(), .eddsa, issuedAt: Date(timeIntervalSince1970: 1e300))
        let result = try report(jwt.compact)
        #expect(!result.verified)
        let problem = result.checks.first { $0.code == .invalidJWTClaims }
        #expect(problem?.message.contains("\"iat\" must be a NumericDate") == true, "\(result.checks)")
    }

    @Test("vc and vp claims in a vc+jwt are refused")
    func vcClaimInVC2() throws {
        let credential = fixture.world.credential().replacing(["vc"], with: ["type": ["VerifiableCredential"]])
        let result = try report(try hostile(credential))
        #expect(result.check("json")?.code == .invalidJWTClaims)
        #expect(!result.verified)
    }

    @Test("a changed credit amount fails the signature")
    func tampered() throws {
        let parts = try hostile().split(separator: ".")
        let changed = fixture.world.credential().replacing(["credentialSubject", "creditsEarned"], with: 32.5)
        let compact = parts[0] + "." + JWSTest.base64url(JSONSerializer.bytes(changed)) + "." + parts[2]
        #expect(try report(compact).check("proof")?.code == .signatureMismatch)
    }

    @Test("a key used after its revocation fails")
    func revokedKey() throws {
        var registry = fixture.registry
        registry.issuers[0].keys[1].revoked = .init(at: RegistryDate.fixed("2026-02-01"), reason: "superseded")
        let result = try report(try fixture.sign(fixture.world.credential(), .es256).compact, registry: registry)
        #expect(result.check("key")?.code == .keyRevoked)
    }

    /// The report of an ES256 credential JWT (signed 2026-03-02) whose key was revoked on 2026-05-01 for
    /// `keyCompromise`, exposed since the day `since`.
    func reportWithCompromisedKey(since: String) throws -> DocumentReport {
        var registry = fixture.registry
        registry.issuers[0].keys[1].revoked = .init(
            at: RegistryDate.fixed("2026-05-01"), reason: "keyCompromise", compromisedSince: RegistryDate.fixed(since))
        return try report(try fixture.sign(fixture.world.credential(), .es256).compact, registry: registry)
    }

    @Test("a JWT dated after compromisedSince fails even before revoked.at")
    func compromisedKey() throws {
        let result = try reportWithCompromisedKey(since: "2026-03-01")
        #expect(result.check("key")?.code == .keyCompromised)
    }

    @Test("a JWT dated before compromisedSince is unknown, for review: it could have been backdated")
    func backdatedWithCompromisedKey() throws {
        let result = try reportWithCompromisedKey(since: "2026-04-01")
        #expect(result.check("key")?.status == .unknown)
        #expect(result.check("key")?.code == .keyCompromiseReview)
        #expect(!result.verified)
    }

    @Test("an issuer missing from the registry fails")
    func unregisteredIssuer() throws {
        var registry = fixture.registry
        registry.issuers[0].id = "did:web:someone-else.example"
        let result = try report(try fixture.sign(fixture.world.credential(), .eddsa).compact, registry: registry)
        #expect(result.check("issuer")?.code == .issuerNotRegistered)
        #expect(!result.verified)
    }

    @Test("a revoked credential's status fails")
    func revokedStatus() throws {
        let jwt = try fixture.sign(fixture.world.credential(statusIndex: 7), .rs256)
        let verifier = fixture.world.verifier(
            registry: fixture.registry, lists: [try fixture.world.statusList(revoked: [7])])
        #expect(
            verifier.verify(bytes: Array(jwt.compact.utf8), name: "c.jwt").check("status")?.code == .credentialRevoked)
    }

    @Test("text that only looks like a JWT is unreadable, never verified")
    func garbage() throws {
        let result = try report("abc.def.ghi")
        #expect(result.kind == .unreadable)
        #expect(!result.verified)
    }
}
