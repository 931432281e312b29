import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

/// A did:web issuer whose key is RSA: no Data Integrity suite, every credential and status list an RS256
/// `vc+jwt`, through the same ledger.
struct RSAIssuingFixture {
    static let did = "did:web:cme.example-hospital.org"
    static let method = did + "#key-1"
    static let now = IssuingFixture.now

    let root: URL
    let key: RSASigningKey
    let directory: IssuerDirectory

    init() throws {
        root = try FixtureFolders.make("rsa-issuing")
        key = try RSASigningKey(generatingBits: 2048)
        let keyURL = root.appendingPathComponent("issuer.pem")
        try KeyFile.write(JWSSigningKey.rsa(key), to: keyURL, passphrase: nil, force: false)
        let configuration = IssuerConfiguration(
            profile: IssuerProfile(id: Self.did, name: "Example Hospital CME Office", providerID: "0001234"),
            keyPath: keyURL.path, verificationMethod: Self.method, statusBaseURL: "https://cme.example.org/status",
            suite: nil)
        directory = try IssuerDirectory.create(
            at: root.appendingPathComponent("issuer"), configuration: configuration,
            publicKey: JWSPublicKey.rsa(key.publicKey), now: Self.now)
    }

    func issuer() throws -> CredentialIssuer {
        try CredentialIssuer(directory: directory, key: try directory.jwsSigningKey(passphrase: nil))
    }

    var out: URL { root.appendingPathComponent("out") }

    /// A registry that lists the issuer, its RSA key and its status list prefix.
    var registry: IssuerRegistry {
        let accreditation = Accreditation(
            accreditor: "accme", status: "accredited", validFrom: RegistryDate(Date(timeIntervalSince1970: 0)),
            validUntil: RegistryDate("2030-06-30T00:00:00Z"),
            creditTypes: ["AMA_PRA_CAT1", "ABIM_MOC", "ABP_MOC", "AOA_1A", "ANCC_CH"])
        let issuer = RegisteredIssuer(
            id: Self.did, displayName: "Example Hospital CME Office", accreditations: [accreditation],
            keys: [
                RegisteredKey(
                    id: Self.method, verificationKey: .rsa(key.publicKey),
                    validFrom: RegistryDate("2026-01-01T00:00:00Z"))
            ],
            statusLists: [StatusListPolicy(idPrefix: "https://cme.example.org/status/", maxAgeDays: 7)])
        return IssuerRegistry(
            info: .init(
                id: "did:web:registry.example.org", name: "Test Registry", sequence: 1, issued: RegistryDate(Self.now)),
            accreditors: [Accreditor(id: "accme", name: "ACCME", kind: "national")], issuers: [issuer])
    }

    /// The `status` and `proof` checks of the credential JWT `bytes` against `published` lists.
    func checks(_ bytes: [UInt8], lists published: [PublishedStatusList]) throws -> (status: Check?, proof: Check?) {
        let lists = try published.map { try SecuredStatusList(bytes: $0.bytes) }
        let context = try CMEContexts.verificationContext(
            registry: registry, statusLists: InMemoryStatusLists(secured: lists), now: Self.now.addingTimeInterval(60))
        let report = Verifier(context: context).verify(bytes: bytes, name: "c.jwt")
        return (report.check("status"), report.check("proof"))
    }
}

@Suite("An RSA issuer (RS256 vc+jwt)")
struct RSAIssuerTests {
    @Test("credentials and status lists are RS256 vc+jwt; a revoked credential then fails its status")
    func issuePublishVerify() throws {
        let fixture = try RSAIssuingFixture()
        #expect(fixture.directory.configuration.suite == nil)
        let issuer = try fixture.issuer()
        #expect(issuer.securing == .jwt)
        let summary = try BatchIssuer(issuer: issuer, output: .directory(fixture.out))
            .run(files: [BatchIssuerTests.batch], now: RSAIssuingFixture.now)
        #expect(summary.issued == 11 && summary.rejected == 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: fixture.out.path).sorted()
        #expect(files.count == 11 && files.allSatisfy { $0.hasSuffix(".jwt") })
        var credentials: [[UInt8]] = []
        for name in files {
            let bytes = Array(try Data(contentsOf: fixture.out.appendingPathComponent(name)))
            let jwt = try CompactJWS(String(decoding: bytes, as: UTF8.self))
            #expect(jwt.header.alg == "RS256" && jwt.header.typ == "vc+jwt")
            #expect(jwt.header.kid == RSAIssuingFixture.method)
            try jwt.validate(with: .rsa(fixture.key.publicKey))
            credentials.append(bytes)
        }

        let published = try StatusListPublisher(issuer: issuer).publish(now: RSAIssuingFixture.now, ttl: 3_600)
        #expect(published.map(\.fileName) == ["revocation-1.jwt", "suspension-1.jwt"])
        for list in published {
            let jwt = try CompactJWS(String(decoding: list.bytes, as: UTF8.self))
            #expect(jwt.header.alg == "RS256" && jwt.header.typ == "vc+jwt")
            #expect(jwt.header.kid == RSAIssuingFixture.method)
            let decoded = try DecodedJWT(jwt)
            #expect(decoded.document["id"]?.stringValue == list.url)
            #expect(decoded.document["type"]?.asArray.contains("BitstringStatusListCredential") == true)
        }
        for bytes in credentials {
            let checks = try fixture.checks(bytes, lists: published)
            #expect(checks.proof?.status == .pass, "\(String(describing: checks.proof))")
            #expect(checks.status?.status == .pass, "\(String(describing: checks.status))")
        }

        let first = try DecodedJWT(compact: String(decoding: credentials[0], as: UTF8.self))
        let id = try #require(first.document["id"]?.stringValue)
        try issuer.ledger.revoke(credentialID: id, at: RSAIssuingFixture.now)
        let republished = try StatusListPublisher(issuer: issuer).publish(now: RSAIssuingFixture.now, ttl: 3_600)
        let revoked = try fixture.checks(credentials[0], lists: republished).status
        #expect(revoked?.status == .fail)
        #expect(revoked?.code == .credentialRevoked)
        #expect(try fixture.checks(credentials[1], lists: republished).status?.status == .pass)
        #expect(try issuer.ledger.verifyAuditChain().isIntact)
    }

    @Test("Data Integrity with an RSA key is refused before anything is issued or published")
    func dataIntegrityRefused() throws {
        let fixture = try RSAIssuingFixture()
        var issuer = try fixture.issuer()
        issuer.securing = .dataIntegrity
        let batch = BatchIssuer(issuer: issuer, output: .directory(fixture.out))
        let error = #expect(throws: CredentialError.self) {
            try batch.run(files: [BatchIssuerTests.batch], now: RSAIssuingFixture.now)
        }
        #expect(error?.code == .securingNotSupported)
        let record = try #require(ActivityRecordReader.read(contentsOf: BatchIssuerTests.batch).records.first)
        #expect(throws: CredentialError.self) { try issuer.issue(record, now: RSAIssuingFixture.now) }
        #expect(try issuer.ledger.credentialCount() == 0)
        let publishError = #expect(throws: CredentialError.self) {
            try StatusListPublisher(issuer: issuer).publish(
                now: RSAIssuingFixture.now, ttl: 60, securing: .dataIntegrity)
        }
        #expect(publishError?.code == .securingNotSupported)

        // A suite named for an RSA key is a mismatch.
        var configuration = fixture.directory.configuration
        configuration.suite = IssuanceSuites.defaultName
        let mismatch = #expect(throws: CredentialError.self) {
            try CredentialIssuer(
                configuration: configuration, ledger: try fixture.directory.ledger(), key: .rsa(fixture.key))
        }
        #expect(mismatch?.code == .keyTypeMismatch)
    }

    @Test("issuer.json has no suite and reads back; the DID document lists the key as a JsonWebKey")
    func configurationAndDIDDocument() throws {
        let fixture = try RSAIssuingFixture()
        let configuration = fixture.directory.configuration
        #expect(configuration.json["suite"] == nil)
        #expect(try IssuerConfiguration(json: configuration.json) == configuration)
        let document = fixture.directory.didDocument(publicKey: .rsa(fixture.key.publicKey))
        let method = try #require(document["verificationMethod"]?.asArray.first)
        #expect(method["type"] == "JsonWebKey")
        #expect(method["id"]?.stringValue == RSAIssuingFixture.method)
        #expect(method["publicKeyJwk"] == fixture.key.publicKey.jwk)
        #expect(document["assertionMethod"] == [.string(RSAIssuingFixture.method)])
        let created = try fixture.directory.ledger().exportAudit().first
        // The audit log stores canonical JSON, so compare the modulus rather than member order.
        #expect(created?["details"]?["publicKeyJwk"]?["n"] == fixture.key.publicKey.jwk["n"])
    }

    @Test("an Ed25519 issuer can publish its lists as EdDSA vc+jwt when asked")
    func eddsaListsAsJWT() throws {
        let fixture = try IssuingFixture()
        let issuer = try fixture.issuer()
        _ = try BatchIssuer(issuer: issuer, output: .none).run(files: [BatchIssuerTests.batch], now: IssuingFixture.now)
        let published = try StatusListPublisher(issuer: issuer).publish(
            now: IssuingFixture.now, ttl: 60, securing: .jwt)
        #expect(published.map(\.fileName) == ["revocation-1.jwt", "suspension-1.jwt"])
        let jwt = try CompactJWS(String(decoding: try #require(published.first).bytes, as: UTF8.self))
        #expect(jwt.header.alg == "EdDSA")
        try jwt.validate(with: .key(fixture.key.publicKey))
        #expect(
            try StatusListPublisher(issuer: issuer).publish(now: IssuingFixture.now, ttl: 60).first?.fileName
                == "revocation-1.json")
    }
}
