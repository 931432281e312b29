import Foundation
import Testing
import VerifiableCredentials

/// The security tests: each attack must fail verification with the right check and code.
@Suite("Verification security")
struct SecurityTests {
    let world = VerificationFixture()

    func report(
        _ document: JSONValue, registry: IssuerRegistry? = nil, lists: [JSONValue]? = nil,
        expecting: PresentationExpectations = .init()
    ) throws -> DocumentReport {
        let lists = try lists ?? [world.statusList()]
        return world.verifier(registry: registry, lists: lists).verify(document, name: "doc.json", expecting: expecting)
    }

    @Test("a genuine credential verifies in full")
    func genuine() throws {
        let result = try report(try world.sign(world.credential()))
        #expect(result.verified, "\(result.allChecks.filter { $0.status != .pass })")
        #expect(result.check("status")?.status == .pass)
        #expect(result.credentials.first?.issuerName == "Example Hospital CME Office")
    }

    @Test("a genuine presentation verifies with its challenge, domain and NPI")
    func genuinePresentation() throws {
        let vp = try world.present([try world.sign(world.credential(subject: world.alice))], holder: world.alice)
        let result = try report(
            vp, expecting: .init(challenge: "c-123", domain: "hospital.example", subjectNPI: "1234567893"))
        #expect(result.kind == .presentation)
        #expect(result.verified, "\(result.allChecks.filter { $0.status != .pass })")
    }

    @Test("a credit amount changed after signing fails the proof")
    func creditAmountChanged() throws {
        let signed = try world.sign(world.credential(amount: 3.25))
        let tampered = signed.replacing(["credentialSubject", "creditsEarned"], with: 32.5)
        let result = try report(tampered)
        #expect(!result.verified)
        #expect(result.check("proof")?.code == .signatureMismatch)
    }

    @Test("a credential copied into another physician's presentation fails the holder binding")
    func copiedIntoAnotherPresentation() throws {
        let alices = try world.sign(world.credential(subject: world.alice))
        let bobs = try world.sign(world.credential(subject: world.bob, npi: "1111111112"))
        let vp = try world.present([bobs, alices], holder: world.bob)
        let result = try report(vp, expecting: .init(challenge: "c-123", domain: "hospital.example"))
        #expect(!result.verified)
        #expect(result.credentials[0].check("holder")?.status == .pass)
        #expect(result.credentials[1].check("holder")?.code == .holderMismatch)
    }

    @Test("a presentation replayed with an old challenge fails")
    func replayedChallenge() throws {
        let vp = try world.present(
            [try world.sign(world.credential(subject: world.alice))], holder: world.alice, challenge: "old")
        let result = try report(vp, expecting: .init(challenge: "new", domain: "hospital.example"))
        #expect(!result.verified)
        #expect(result.check("holderProof")?.code == .challengeMismatch)
    }

    @Test("a presentation sent to another domain fails")
    func otherDomain() throws {
        let vp = try world.present(
            [try world.sign(world.credential(subject: world.alice))], holder: world.alice, domain: "other.example")
        let result = try report(vp, expecting: .init(challenge: "c-123", domain: "hospital.example"))
        #expect(!result.verified)
        #expect(result.check("holderProof")?.code == .domainMismatch)
    }

    @Test("a verifier that passes a challenge never accepts a presentation without one")
    func missingChallenge() throws {
        let unsigned = VerifiablePresentationBuilder(credentials: [
            try world.sign(world.credential(subject: world.alice))
        ])
        .unsigned(holder: VerificationFixture.did(world.alice))
        let signer = try DataIntegritySigner(key: world.alice, suite: EdDSAJCS2022())
        let vp = try signer.addProof(
            to: unsigned,
            options: ProofOptions(
                verificationMethod: DIDKey.verificationMethodID(for: world.alice.publicKey),
                proofPurpose: "authentication",
                created: VerificationFixture.signedAt))
        let result = try report(vp, expecting: .init(challenge: "c-123"))
        #expect(!result.verified)
        #expect(result.check("holderProof")?.code == .challengeMismatch)
        let withoutExpectation = try report(vp)
        #expect(!withoutExpectation.verified, "a presentation checked without a challenge is never fully verified")
        #expect(withoutExpectation.check("challenge")?.status == .unknown)
    }

    @Test("a key used after its revoked.at fails")
    func keyUsedAfterRevocation() throws {
        var world = self.world
        world.key.revoked = .init(at: RegistryDate.fixed("2026-02-01T00:00:00Z"), reason: "superseded")
        let result = world.verifier(lists: [try world.statusList()]).verify(
            try world.sign(world.credential()), name: "vc.json")
        #expect(!result.verified)
        #expect(result.check("key")?.code == .keyRevoked)
    }

    /// A revocation for `keyCompromise` at the start of the day `revokedAt`, the key exposed from the start of
    /// the day `since` when given.
    static func compromise(revokedAt: String, since: String?) -> RegisteredKey.Revocation {
        .init(
            at: RegistryDate.fixed(revokedAt + "T00:00:00Z"), reason: "keyCompromise",
            compromisedSince: since.map { RegistryDate.fixed($0 + "T00:00:00Z") })
    }

    @Test("a signature dated inside the key's validity but after compromisedSince fails")
    func signatureAfterCompromise() throws {
        var world = self.world
        world.key.revoked = Self.compromise(revokedAt: "2026-04-01", since: "2026-03-01")
        let result = world.verifier().verify(try world.sign(world.credential(statusIndex: nil)), name: "vc.json")
        #expect(!result.verified)
        #expect(result.check("key")?.code == .keyCompromised)
    }

    @Test("a signature dated before a compromised key's compromisedSince is unknown, for review (DOMAIN.md §5.5)")
    func signatureBeforeCompromise() throws {
        var world = self.world
        // Signed 2026-03-02; the key was exposed from 2026-04-01 and revoked 2026-05-01.
        world.key.revoked = Self.compromise(revokedAt: "2026-05-01", since: "2026-04-01")
        let lists = [try world.statusList(validFrom: "2026-03-01T00:00:00Z")]
        let result = world.verifier(lists: lists).verify(
            try world.sign(world.credential()), name: "vc.json")
        #expect(!result.verified)
        #expect(result.check("key")?.status == .unknown)
        #expect(result.check("key")?.code == .keyCompromiseReview)
        #expect(result.check("key")?.message.contains("backdated") == true)
        // The status list that key signed is undecided too, never a pass nor a revocation.
        #expect(result.check("status")?.status == .unknown)
        #expect(result.check("status")?.code == .keyCompromiseReview)
        // Revoked for keyCompromise without a compromisedSince: the revocation time bounds the review.
        world.key.revoked = Self.compromise(revokedAt: "2026-05-01", since: nil)
        #expect(
            world.verifier().verify(try world.sign(world.credential(statusIndex: nil)), name: "vc.json")
                .check("key")?.code == .keyCompromiseReview)
        // Superseded (not compromised): an earlier signature stays valid.
        world.key.revoked = .init(at: RegistryDate.fixed("2026-05-01T00:00:00Z"), reason: "superseded")
        let superseded = world.verifier().verify(try world.sign(world.credential(statusIndex: nil)), name: "vc.json")
        #expect(superseded.verified, "\(superseded.allChecks.filter { $0.status != .pass })")
    }

    @Test("an issuer missing from the registry fails")
    func issuerMissing() throws {
        let stranger = SigningKey(generating: .ed25519)
        let credential = world.credential(issuer: VerificationFixture.did(stranger), statusIndex: nil)
        let signed = try world.sign(
            credential, key: stranger, method: DIDKey.verificationMethodID(for: stranger.publicKey))
        let result = try report(signed)
        #expect(!result.verified)
        #expect(result.check("proof")?.status == .pass)
        #expect(result.check("issuer")?.code == .issuerNotRegistered)
    }

    @Test("an accredited issuer claiming a credit type it may not award fails")
    func creditTypeNotAllowed() throws {
        let result = try report(try world.sign(world.credential(creditType: "ANCC_CONTACT_HOURS")))
        #expect(!result.verified)
        #expect(result.check("accreditation")?.status == .pass)
        #expect(result.check("creditTypes")?.code == .creditTypeNotAllowed)
    }

    @Test("a credential awarded outside the issuer's accreditation fails")
    func notAccredited() throws {
        var world = self.world
        world.accreditation.status = "nonAccredited"
        let result = world.verifier(lists: [try world.statusList()]).verify(
            try world.sign(world.credential()), name: "vc.json")
        #expect(result.check("accreditation")?.code == .issuerNotAccredited)
    }

    @Test(
        "a provider on probation may award credit for its own activity, not for one provided jointly (DOMAIN.md §5.5)")
    func probation() throws {
        var world = self.world
        world.accreditation.status = "probation"
        let verifier = world.verifier(lists: [try world.statusList()])
        let direct = verifier.verify(try world.sign(world.credential()), name: "vc.json")
        #expect(direct.verified, "\(direct.allChecks.filter { $0.status != .pass })")
        for (path, value): ([String], JSONValue) in [
            (["credentialSubject", "achievement", "providership"], "joint"),
            (["credentialSubject", "achievement", "jointProviders"], ["Valley Medical Society"]),
        ] {
            let joint = world.credential().replacing(path, with: value)
            let result = verifier.verify(try world.sign(joint), name: "vc.json")
            #expect(!result.verified)
            #expect(result.check("accreditation")?.code == .issuerNotAccredited)
            #expect(result.check("accreditation")?.message.contains("probation") == true)
        }
        world.accreditation.status = "accredited"
        let jointWhenAccredited = world.verifier(lists: [try world.statusList()]).verify(
            try world.sign(
                world.credential().replacing(["credentialSubject", "achievement", "providership"], with: "joint")),
            name: "vc.json")
        #expect(jointWhenAccredited.verified)
    }

    @Test("a registry edited after signing is refused")
    func registryEditedAfterSigning() throws {
        let operatorKey = SigningKey(generating: .ed25519)
        let signed = try world.registry.signed(
            with: operatorKey, suite: EdDSAJCS2022(), at: VerificationFixture.signedAt)
        let operatorDID = VerificationFixture.did(operatorKey)
        let reread = try IssuerRegistry(json: JSONParser.parse(JSONSerializer.bytes(signed.json)))
        #expect(reread.verifySignature(operatorDID: operatorDID, now: VerificationFixture.now).status == .pass)
        let edited = signed.json.replacing(["registry", "name"], with: "Edited Registry")
        let tampered = try IssuerRegistry(json: edited)
        #expect(
            tampered.verifySignature(operatorDID: operatorDID, now: VerificationFixture.now).code
                == .registrySignatureInvalid)
        let other = VerificationFixture.did(SigningKey(generating: .ed25519))
        #expect(
            reread.verifySignature(operatorDID: other, now: VerificationFixture.now).code == .registrySignatureInvalid)
        #expect(
            world.registry.verifySignature(operatorDID: operatorDID, now: VerificationFixture.now).code
                == .registryUnsigned)
    }

    @Test("a status list signed by a different issuer fails")
    func statusListFromAnotherIssuer() throws {
        let stranger = SigningKey(generating: .ed25519)
        let forged = try world.statusList(key: stranger, method: DIDKey.verificationMethodID(for: stranger.publicKey))
        let result = try report(try world.sign(world.credential()), lists: [forged])
        #expect(!result.verified)
        #expect(result.check("status")?.code == .statusListIssuerMismatch)
        let otherIssuer = try world.statusList(issuer: "did:web:someone-else.example")
        #expect(
            try report(try world.sign(world.credential()), lists: [otherIssuer]).check("status")?.code
                == .statusListIssuerMismatch)
    }

    @Test("an expired status list makes the status unknown, never a pass")
    func expiredStatusList() throws {
        let expired = try world.statusList(validUntil: "2026-05-31T00:00:00Z")
        let result = try report(try world.sign(world.credential()), lists: [expired])
        #expect(!result.verified)
        #expect(result.check("status")?.status == .unknown)
        #expect(result.check("status")?.code == .statusListExpired)
    }

    @Test("a status list not valid yet (validFrom after the check) makes the status unknown, never a pass")
    func statusListNotYetValid() throws {
        // Signed before the check, valid only from two weeks after it: its age would never make it stale.
        let unsigned = try world.unsignedStatusList(validFrom: "2026-06-15T00:00:00Z")
        let early = try world.sign(unsigned, created: VerificationFixture.date("2026-05-31T00:00:00Z"))
        let result = try report(try world.sign(world.credential()), lists: [early])
        #expect(!result.verified)
        #expect(result.check("status")?.status == .unknown)
        #expect(result.check("status")?.code == .statusListNotYetValid)
        #expect(result.check("status")?.message.contains("valid only from 2026-06-15T00:00:00Z") == true)
    }

    @Test("a stale or missing status list is unknown")
    func staleOrMissingList() throws {
        let stale = try world.statusList(validFrom: "2026-05-01T00:00:00Z")
        let signed = try world.sign(world.credential())
        #expect(try report(signed, lists: [stale]).check("status")?.code == .statusListStale)
        let missing = try report(signed, lists: [])
        #expect(missing.check("status")?.status == .unknown)
        #expect(missing.check("status")?.code == .statusListMissing)
    }

    @Test("a set bit fails as revoked")
    func revokedBit() throws {
        let result = try report(
            try world.sign(world.credential(statusIndex: 94)), lists: [try world.statusList(revoked: [94])])
        #expect(!result.verified)
        #expect(result.check("status")?.code == .credentialRevoked)
        #expect(
            try report(try world.sign(world.credential(statusIndex: 95)), lists: [try world.statusList(revoked: [94])])
                .verified)
    }

    @Test("a presentation whose holder is not the credential subject fails")
    func holderNotSubject() throws {
        let vp = try world.present([try world.sign(world.credential(subject: world.alice))], holder: world.bob)
        let result = try report(vp, expecting: .init(challenge: "c-123", domain: "hospital.example"))
        #expect(!result.verified)
        #expect(result.check("holderProof")?.status == .pass)
        #expect(result.check("holder")?.code == .holderMismatch)
    }

    @Test("a subject NPI that does not match fails")
    func npiMismatch() throws {
        let vp = try world.present(
            [try world.sign(world.credential(subject: world.alice, npi: "1234567893"))], holder: world.alice)
        let result = try report(
            vp, expecting: .init(challenge: "c-123", domain: "hospital.example", subjectNPI: "9999999991"))
        #expect(result.check("subjectNPI")?.code == .subjectNPIMismatch)
    }

    @Test("duplicate JSON keys inside credentialSubject are refused")
    func duplicateKeys() throws {
        let text = String(decoding: JSONSerializer.bytes(try world.sign(world.credential())), as: UTF8.self)
            .replacingOccurrences(of: "\"creditsEarned\":3.25", with: "\"creditsEarned\":3.25,\"creditsEarned\":99")
        #expect(text.contains("\"creditsEarned\":99"))
        let result = world.verifier().verify(bytes: Array(text.utf8), name: "dup.json")
        #expect(!result.verified)
        #expect(result.kind == .unreadable)
        #expect(result.check("json")?.code == .duplicateKey)
    }

    @Test("an unknown remote @context fails and is never fetched")
    func unknownContext() throws {
        let credential = world.credential().replacing(
            ["@context"], with: ["https://www.w3.org/ns/credentials/v2", "https://evil.example/context.json"])
        let result = try report(try world.sign(credential))
        #expect(!result.verified)
        #expect(result.check("context")?.code == .unknownContext)
        let inline = world.credential().replacing(
            ["@context"],
            with: ["https://www.w3.org/ns/credentials/v2", ["creditsEarned": "https://example.org/creditsEarned"]])
        #expect(try report(try world.sign(inline)).check("context")?.status == .pass)
    }

    @Test("an unknown @context in a presented credential, or in the presentation itself, fails the presentation")
    func unknownContextInPresentation() throws {
        let evil: JSONValue = ["https://www.w3.org/ns/credentials/v2", "https://evil.example/context.json"]
        let good = try world.sign(world.credential(subject: world.alice))
        let bad = try world.sign(world.credential(subject: world.alice).replacing(["@context"], with: evil))
        let expecting = PresentationExpectations(challenge: "c-123", domain: "hospital.example")
        // In a credential: that credential's own context check fails (the presentation's walk leaves credential
        // objects to it), so the presentation does not verify.
        let withBad = try report(try world.present([good, bad], holder: world.alice), expecting: expecting)
        #expect(!withBad.verified)
        #expect(withBad.credentials[0].check("context")?.status == .pass)
        #expect(withBad.credentials[1].check("context")?.code == .unknownContext)
        // With a verifier whose credential policies leave contexts out, the presentation's walk covers them.
        let lists = try [world.statusList()]
        let noContextPolicy = Verifier(
            context: world.context(lists: lists),
            policies: CredentialVerifier.standardPolicies.filter { !($0 is ContextPolicy) })
        let walked = noContextPolicy.verify(
            try world.present([good, bad], holder: world.alice), name: "vp.json", expecting: expecting)
        #expect(walked.check("context")?.code == .unknownContext)
        #expect(walked.check("context")?.message.contains("/verifiableCredential/1/@context") == true)
        // In the presentation's own @context.
        let presented = try VerifiablePresentationBuilder(credentials: [good])
            .signed(with: world.alice, challenge: "c-123", domain: "hospital.example", created: Date())
        let evilPresentation = presented.replacing(["@context"], with: evil)
        let own = try report(evilPresentation, expecting: expecting)
        #expect(!own.verified)
        #expect(own.check("context")?.code == .unknownContext)
    }

    @Test("a 10,000-deep nesting bomb is refused without crashing")
    func nestingBomb() {
        let bomb = Array(String(repeating: "[", count: 10_000).utf8) + Array(String(repeating: "]", count: 10_000).utf8)
        let result = world.verifier().verify(bytes: bomb, name: "bomb.json")
        #expect(!result.verified)
        #expect(result.check("json")?.code == .nestingTooDeep)
    }

    @Test("a 100 MB input is refused without crashing")
    func hugeInput() {
        var bytes = [UInt8](repeating: UInt8(ascii: " "), count: 100 * 1024 * 1024)
        bytes[0] = UInt8(ascii: "{")
        let result = world.verifier().verify(bytes: bytes, name: "huge.json")
        #expect(!result.verified)
        #expect(result.check("json")?.code == .documentTooLarge)
    }
}
