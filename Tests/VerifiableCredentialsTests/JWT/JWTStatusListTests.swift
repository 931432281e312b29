import Foundation
import Testing
import VerifiableCredentials

/// Status lists secured as `vc+jwt`: the same rules as Data Integrity lists (same issuer, registered key of that
/// issuer, allowed prefix, fresh, bit clear), with the JWS checks of a credential JWT.
@Suite("Status lists as vc+jwt")
struct JWTStatusListTests {
    let fixture = JWTFixture()

    /// A revocation list signed as `vc+jwt` with `algorithm`'s registered key (or `key`/`keyID`), `iat` at
    /// `validFrom`.
    func jwtList(
        revoked: [Int] = [], _ algorithm: JWSAlgorithm = .rs256, issuer: String = VerificationFixture.issuerID,
        key: JWSSigningKey? = nil, keyID: String? = nil, validFrom: String = "2026-05-30T00:00:00Z",
        validUntil: String? = nil
    ) throws -> SecuredStatusList {
        let unsigned = try fixture.world.unsignedStatusList(
            revoked: revoked, issuer: issuer, validFrom: validFrom, validUntil: validUntil)
        let jwt = try fixture.sign(
            unsigned, algorithm, keyID: keyID, key: key, issuedAt: VerificationFixture.date(validFrom))
        return try SecuredStatusList(bytes: Array(jwt.compact.utf8))
    }

    /// The `status` check of an RS256 credential JWT verified against `lists`.
    func status(_ lists: [SecuredStatusList], statusIndex: Int = 94) throws -> (DocumentReport, Check?) {
        let credential = try fixture.sign(fixture.world.credential(statusIndex: statusIndex), .rs256)
        let context = VerificationContext(
            registry: fixture.registry, statusLists: InMemoryStatusLists(secured: lists),
            knownContexts: VerificationFixture.contexts, now: VerificationFixture.now)
        let report = Verifier(context: context).verify(bytes: Array(credential.compact.utf8), name: "c.jwt")
        return (report, report.check("status"))
    }

    @Test("a clear bit passes and a set bit fails as revoked", arguments: [JWSAlgorithm.rs256, .es256, .eddsa])
    func clearAndSetBits(_ algorithm: JWSAlgorithm) throws {
        let (clear, clearCheck) = try status([try jwtList(revoked: [95], algorithm)])
        #expect(clear.verified, "\(JWTFixture.problems(clear))")
        #expect(clearCheck?.status == .pass)
        let (revoked, revokedCheck) = try status([try jwtList(revoked: [94], algorithm)])
        #expect(!revoked.verified)
        #expect(revokedCheck?.status == .fail)
        #expect(revokedCheck?.code == .credentialRevoked)
        #expect(revokedCheck?.message.contains("revoked") == true)
    }

    @Test("a JWT list also serves a Data Integrity credential of the same issuer")
    func dataIntegrityCredential() throws {
        let signed = try fixture.world.sign(fixture.world.credential(statusIndex: 94))
        let context = VerificationContext(
            registry: fixture.registry, statusLists: InMemoryStatusLists(secured: [try jwtList(revoked: [94])]),
            knownContexts: VerificationFixture.contexts, now: VerificationFixture.now)
        let report = Verifier(context: context).verify(signed, name: "c.json")
        #expect(report.check("status")?.code == .credentialRevoked)
    }

    @Test("a list of another issuer, or one signed with a stranger's key, fails as a DI list does")
    func anotherIssuer() throws {
        let other = try status([try jwtList(issuer: "did:web:someone-else.example")]).1
        #expect(other?.status == .fail)
        #expect(other?.code == .statusListIssuerMismatch)
        let stranger = SigningKey(generating: .ed25519)
        let forged = try jwtList(
            .eddsa, key: .key(stranger), keyID: DIDKey.verificationMethodID(for: stranger.publicKey))
        let forgedCheck = try status([forged]).1
        #expect(forgedCheck?.status == .fail)
        #expect(forgedCheck?.code == .statusListIssuerMismatch)
        // A key the registry does not list, named under the issuer's DID.
        let unlisted = try jwtList(.rs256, keyID: VerificationFixture.issuerID + "#unlisted")
        let unlistedCheck = try status([unlisted]).1
        #expect(unlistedCheck?.status == .fail)
        #expect(unlistedCheck?.code == .keyNotRegistered)
    }

    @Test("an expired or stale list is unknown, a missing one too")
    func expiredOrStale() throws {
        let expired = try status([try jwtList(validUntil: "2026-05-31T00:00:00Z")])
        #expect(!expired.0.verified)
        #expect(expired.1?.status == .unknown)
        #expect(expired.1?.code == .statusListExpired)
        let stale = try status([try jwtList(validFrom: "2026-05-01T00:00:00Z")]).1
        #expect(stale?.status == .unknown)
        #expect(stale?.code == .statusListStale)
        let missing = try status([]).1
        #expect(missing?.status == .unknown)
        #expect(missing?.code == .statusListMissing)
    }

    @Test("a list not valid yet (validFrom or nbf after the check) is unknown")
    func notYetValid() throws {
        let unsigned = try fixture.world.unsignedStatusList(validFrom: "2026-06-15T00:00:00Z")
        let jwt = try fixture.sign(unsigned, .rs256, issuedAt: VerificationFixture.date("2026-05-31T00:00:00Z"))
        let early = try status([try SecuredStatusList(bytes: Array(jwt.compact.utf8))]).1
        #expect(early?.status == .unknown)
        #expect(early?.code == .statusListNotYetValid)
    }

    @Test("a tampered list, or one whose alg is not its key's, never passes")
    func tampered() throws {
        guard case .jwt(let genuine) = try jwtList(revoked: [94]) else {
            Issue.record("the list did not read as a JWT")
            return
        }
        // The revoked bit cleared in the payload, the RS256 signature kept.
        let cleared = try fixture.world.unsignedStatusList(revoked: [])
        var claims = genuine.claims
        claims["credentialSubject"] = cleared["credentialSubject"]
        let parts = genuine.jws.compact.split(separator: ".")
        let forged = [String(parts[0]), JWSTest.base64url(JSONSerializer.bytes(.object(claims))), String(parts[2])]
            .joined(separator: ".")
        let tamperedCheck = try status([try SecuredStatusList(bytes: Array(forged.utf8))]).1
        #expect(tamperedCheck?.status == .fail)
        #expect(tamperedCheck?.code != nil)
        // ES256 claimed for the RSA key's kid (signed with the ES256 key): algorithm confusion.
        let confused = try JWTFixture.raw(
            header: ["alg": "ES256", "kid": .string(JWTFixture.keyID(.rs256)), "typ": "vc+jwt"],
            payload: .object(claims), key: fixture.key(.es256))
        let confusedCheck = try status([try SecuredStatusList(bytes: Array(confused.utf8))]).1
        #expect(confusedCheck?.status == .fail)
        #expect(confusedCheck?.code == .algorithmKeyMismatch)
    }

    @Test("a folder's .jwt and .json lists are found by id; the newer of two copies wins")
    func directory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jwt-lists-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // An older Data Integrity copy with the bit clear, and a newer JWT copy (named oddly) with it set.
        let older = try fixture.world.statusList(revoked: [], validFrom: "2026-05-29T00:00:00Z")
        try Data(JSONSerializer.bytes(older)).write(to: folder.appendingPathComponent("z-list.json"))
        guard case .jwt(let newer) = try jwtList(revoked: [94]) else {
            Issue.record("the list did not read as a JWT")
            return
        }
        try Data((newer.jws.compact + "\n").utf8).write(to: folder.appendingPathComponent("a-list.jwt"))
        try Data("not.a.jwt".utf8).write(to: folder.appendingPathComponent("broken.jwt"))
        let lists = try DirectoryStatusLists(directory: folder)
        #expect(lists.problems.count == 1)
        guard case .jwt(let found)? = lists.securedStatusList(id: VerificationFixture.listID) else {
            Issue.record("the JWT list was not found by its id")
            return
        }
        #expect(found.jws == newer.jws)
        #expect(
            lists.statusListCredential(id: VerificationFixture.listID)?["id"] == .string(VerificationFixture.listID))
    }
}
