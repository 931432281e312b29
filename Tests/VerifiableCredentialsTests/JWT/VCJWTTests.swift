import Foundation
import Testing
import VerifiableCredentials

/// `vc+jwt` and `vp+jwt` issued here and verified in full (registry, accreditation, validity, status).
@Suite("VC-JWT credentials and presentations")
struct VCJWTTests {
    let fixture = JWTFixture()

    @Test("a vc+jwt verifies in full", arguments: JWSAlgorithm.allCases)
    func credentialVerifies(_ algorithm: JWSAlgorithm) throws {
        let jwt = try fixture.sign(fixture.world.credential(), algorithm)
        #expect(jwt.header.typ == "vc+jwt")
        #expect(jwt.header.kid == JWTFixture.keyID(algorithm))
        #expect(jwt.header.alg == algorithm.rawValue)
        let report = try fixture.verifier().verify(bytes: Array(jwt.compact.utf8), name: "c.jwt")
        #expect(report.kind == .credential)
        #expect(report.verified, "\(JWTFixture.problems(report))")
        for name in [
            "jwt", "proof", "controller", "issuer", "key", "claims", "context", "structure", "accreditation",
            "creditTypes", "validity", "status",
        ] {
            #expect(report.check(name)?.status == .pass, "check \(name)")
        }
        #expect(report.credentials.first?.issuerName == "Example Hospital CME Office")
    }

    @Test("the payload is the credential, with iat; cty is written when asked")
    func payloadIsTheCredential() throws {
        let credential = fixture.world.credential()
        let jwt = try VCJWTSigner(key: fixture.key(.es256), keyID: JWTFixture.keyID(.es256))
            .sign(credential: credential, issuedAt: VerificationFixture.signedAt, contentType: "vc")
        let claims = try #require(try JSONParser.parse(jwt.payload).objectValue)
        #expect(claims.removing("iat") == credential.objectValue)
        #expect(claims["iat"] == .number(VerificationFixture.signedAt.timeIntervalSince1970))
        #expect(jwt.header.cty == "vc")
        #expect(throws: CredentialError.self) {
            try fixture.sign(credential.replacing(["vc"], with: ["a": 1]))
        }
    }

    @Test("a JSON string holding a JWT, and a lone EnvelopedVerifiableCredential, verify as JWTs")
    func stringAndEnvelope() throws {
        let jwt = try fixture.sign(fixture.world.credential(), .es384)
        let verifier = try fixture.verifier()
        let quoted = verifier.verify(bytes: JSONSerializer.bytes(.string(jwt.compact)), name: "q.json")
        #expect(quoted.verified, "\(JWTFixture.problems(quoted))")
        let enveloped = verifier.verify(EnvelopedCredential.envelope(jwt), name: "e.json")
        #expect(enveloped.verified, "\(JWTFixture.problems(enveloped))")
        #expect(try EnvelopedCredential.jwt(in: EnvelopedCredential.envelope(jwt)) == jwt)
    }

    @Test("a vp+jwt with enveloped vc+jwt credentials verifies with its nonce and aud")
    func presentationVerifies() throws {
        let world = fixture.world
        let jwts = try JWSAlgorithm.allCases.map { try fixture.sign(world.credential(subject: world.alice), $0) }
        let vp = try fixture.present(jwts, holder: world.alice)
        #expect(vp.header.typ == "vp+jwt")
        let report = try fixture.verifier().verify(
            bytes: Array(vp.compact.utf8), name: "vp.jwt",
            expecting: .init(challenge: "c-123", domain: "hospital.example", subjectNPI: "1234567893"))
        #expect(report.kind == .presentation)
        #expect(report.credentials.count == 4)
        #expect(report.verified, "\(JWTFixture.problems(report))")
        for name in ["holderProof", "holderKey", "challenge", "domain", "holder", "subjectNPI"] {
            #expect(report.check(name)?.status == .pass, "check \(name)")
        }
    }

    @Test("a vp+jwt: another challenge or domain fails, none given is unknown")
    func presentationNonceAndAudience() throws {
        let world = fixture.world
        let vp = try fixture.present([try fixture.sign(world.credential(subject: world.alice))], holder: world.alice)
        let verifier = try fixture.verifier()
        let bytes = Array(vp.compact.utf8)
        let replay = verifier.verify(bytes: bytes, name: "vp", expecting: .init(challenge: "c-999"))
        #expect(replay.check("challenge")?.code == .jwtNonceMismatch)
        let elsewhere = verifier.verify(
            bytes: bytes, name: "vp", expecting: .init(challenge: "c-123", domain: "b.example"))
        #expect(elsewhere.check("domain")?.code == .jwtAudienceMismatch)
        #expect(!elsewhere.verified)
        let unbound = verifier.verify(bytes: bytes, name: "vp")
        #expect(unbound.check("challenge")?.status == .unknown)
        #expect(!unbound.verified)
        let noNonce = try fixture.present(
            [try fixture.sign(world.credential(subject: world.alice))], holder: world.alice, nonce: nil)
        #expect(
            verifier.verify(bytes: Array(noNonce.compact.utf8), name: "vp", expecting: .init(challenge: "c-123"))
                .check("challenge")?.code == .jwtNonceMismatch)
    }

    @Test("a vp+jwt carrying another physician's credential fails the holder binding")
    func presentationBinding() throws {
        let world = fixture.world
        let vp = try fixture.present([try fixture.sign(world.credential(subject: world.bob))], holder: world.alice)
        let report = try fixture.verifier().verify(
            bytes: Array(vp.compact.utf8), name: "vp", expecting: .init(challenge: "c-123"))
        #expect(report.check("holder")?.code == .holderMismatch)
        #expect(!report.verified)
    }

    @Test("a vp+jwt signed by a key that is not the holder's fails holderKey")
    func presentationSignedByAnother() throws {
        let world = fixture.world
        let presentation = VerifiablePresentationBuilder(credentials: [
            EnvelopedCredential.envelope(try fixture.sign(world.credential(subject: world.alice)))
        ]).unsigned(holder: DIDKey.did(for: world.alice.publicKey))
        let vp = try VCJWTSigner(key: .key(world.bob), keyID: DIDKey.verificationMethodID(for: world.bob.publicKey))
            .sign(presentation: presentation, nonce: "c-123", audience: nil, issuedAt: nil)
        let report = try fixture.verifier().verify(
            bytes: Array(vp.compact.utf8), name: "vp", expecting: .init(challenge: "c-123"))
        #expect(report.check("holderKey")?.code == .jwtKeyNotIssuers)
    }

    @Test("a Data Integrity presentation holding an enveloped vc+jwt verifies it in full")
    func dataIntegrityPresentationWithEnvelope() throws {
        let world = fixture.world
        let jwt = try fixture.sign(world.credential(subject: world.alice), .rs256)
        let vp = try world.present([EnvelopedCredential.envelope(jwt)], holder: world.alice)
        let verifier = try fixture.verifier()
        let report = verifier.verify(
            vp, name: "vp.json",
            expecting: .init(challenge: "c-123", domain: "hospital.example", subjectNPI: "1234567893"))
        #expect(report.verified, "\(JWTFixture.problems(report))")
        #expect(report.credentials.first?.check("proof")?.message.contains("RS256") == true)
        // A tampered envelope fails that credential's proof.
        let parts = jwt.compact.split(separator: ".")
        let changed = try JSONParser.parse(jwt.payload).replacing(["credentialSubject", "creditsEarned"], with: 32.5)
        let forged = try CompactJWS(
            parts[0] + "." + JWSTest.base64url(JSONSerializer.bytes(changed)) + "." + parts[2])
        let bad = try world.present([EnvelopedCredential.envelope(forged)], holder: world.alice)
        #expect(!verifier.verify(bad, name: "vp.json", expecting: .init(challenge: "c-123")).verified)
        // An envelope that is not a vc+jwt data URL fails with its own code.
        let odd = try world.present(
            [
                [
                    "@context": ["https://www.w3.org/ns/credentials/v2"], "type": "EnvelopedVerifiableCredential",
                    "id": "data:application/vc+sd-jwt,abc",
                ]
            ],
            holder: world.alice)
        #expect(
            verifier.verify(odd, name: "vp.json", expecting: .init(challenge: "c-123")).check("jwt")?.code
                == .invalidEnvelope)
    }
}
