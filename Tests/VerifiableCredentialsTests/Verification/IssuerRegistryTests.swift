import Foundation
import Testing
import VerifiableCredentials

@Suite("Issuer registry file")
struct IssuerRegistryTests {
    let world = VerificationFixture()

    @Test("a registry round-trips through its JSON")
    func roundTrip() throws {
        var registry = world.registry
        registry.issuers[0].keys.append(
            RegisteredKey(
                id: VerificationFixture.issuerID + "#jwk", publicKey: SigningKey(generating: .p256).publicKey,
                writtenAsJWK: true,
                validFrom: RegistryDate("2021-01-01"), validUntil: RegistryDate("2023-12-31"),
                revoked: .init(
                    at: RegistryDate.fixed("2023-06-15T00:00:00Z"), reason: "keyCompromise",
                    compromisedSince: RegistryDate("2023-05-01T00:00:00Z"))))
        let reread = try IssuerRegistry(json: JSONParser.parse(JSONSerializer.bytes(registry.json)))
        #expect(reread.json == registry.json)
        #expect(reread.issuers[0].keys[1].publicKey == registry.issuers[0].keys[1].publicKey)
    }

    @Test(
        "errors name the JSON Pointer of the bad member",
        arguments: [
            (["format"], JSONValue.string("cme-issuer-registry/2"), "/format"),
            (["registry", "sequence"], JSONValue.number(-1), "/registry/sequence"),
            (["registry", "colour"], JSONValue.string("red"), "/registry/colour"),
            (["issuers"], JSONValue.array([["id": "https://not-a-did", "names": ["display": "X"]]]), "/issuers/0/id"),
            (
                ["issuers"],
                JSONValue.array([
                    [
                        "id": "did:web:x", "names": ["display": "X"],
                        "keys": [["id": "did:web:x#k", "publicKeyMultibase": "zNope", "validFrom": "2026-01-01"]],
                    ]
                ]), "/issuers/0/keys/0/publicKeyMultibase"
            ),
            (
                ["issuers"],
                JSONValue.array([
                    [
                        "id": "did:web:x", "names": ["display": "X"],
                        "accreditations": [
                            ["accreditor": "nobody", "status": "accredited", "validFrom": "2026-01-01"]
                        ],
                    ]
                ]), "/issuers/0/accreditations/0/accreditor"
            ),
            (
                ["issuers"],
                JSONValue.array([
                    [
                        "id": "did:web:x", "names": ["display": "X"],
                        "statusLists": [["idPrefix": "https://x/", "maxAgeDays": 0]],
                    ]
                ]), "/issuers/0/statusLists/0/maxAgeDays"
            ),
        ] as [([String], JSONValue, String)])
    func pointerErrors(path: [String], value: JSONValue, pointer: String) throws {
        let bad = world.registry.json.replacing(path, with: value)
        let error = #expect(throws: CredentialError.self) { try IssuerRegistry(json: bad) }
        #expect(error?.code == .invalidRegistry)
        #expect(error?.location == pointer, "\(error?.description ?? "")")
    }

    @Test("a registry is stale once its nextUpdate has passed; a calendar date covers its whole day")
    func staleness() throws {
        func info(_ nextUpdate: String?) throws -> IssuerRegistry.Info {
            IssuerRegistry.Info(
                id: "did:web:r.example", name: "R", issued: try #require(RegistryDate("2026-01-01")),
                nextUpdate: try nextUpdate.map { try #require(RegistryDate($0)) })
        }
        let noon = try #require(DateTimeStamp("2026-06-01T12:00:00Z")).date
        #expect(try !info(nil).isStale(at: noon))
        #expect(try !info("2026-06-01").isStale(at: noon))
        #expect(try info("2026-05-31").isStale(at: noon))
        #expect(try info("2026-06-01T11:59:59Z").isStale(at: noon))
        #expect(try !info("2026-06-01T12:00:00Z").isStale(at: noon))
        #expect(
            try info("2026-05-31").stalenessWarning(at: noon)?.hasPrefix("the registry is stale (nextUpdate 2026-05-31")
                == true)
        #expect(try info("2026-06-02").stalenessWarning(at: noon) == nil)
    }

    @Test("the registry resolver resolves only listed keys, controlled by their issuer")
    func resolver() throws {
        let resolver = RegistryResolver(registry: world.registry)
        let method = try resolver.resolve(VerificationFixture.keyID)
        #expect(method.controller == VerificationFixture.issuerID)
        #expect(method.publicKey == world.issuerKey.publicKey)
        let error = #expect(throws: CredentialError.self) {
            try resolver.resolve(DIDKey.verificationMethodID(for: world.issuerKey.publicKey))
        }
        #expect(error?.code == .keyNotRegistered)
    }

    /// The fixture's registry behind `count` other issuers, each with one key.
    private func crowdedRegistry(_ count: Int) -> IssuerRegistry {
        var registry = world.registry
        let others = (0..<count).map { number in
            RegisteredIssuer(
                id: "did:web:provider\(number).example.org", displayName: "Provider \(number)",
                keys: [
                    RegisteredKey(
                        id: "did:web:provider\(number).example.org#key-1",
                        publicKey: SigningKey(generating: .ed25519).publicKey)
                ])
        }
        registry.issuers = others + registry.issuers
        return registry
    }

    @Test("a registry of 2,000 issuers: the credential's issuer and key are found behind the others")
    func crowdedRegistryVerifies() throws {
        let registry = crowdedRegistry(2_000)
        let report = world.verifier(registry: registry).verify(
            try world.sign(world.credential(statusIndex: nil)), name: "vc.json")
        #expect(report.verified, "\(report.credentials.first?.checks ?? [])")
        #expect(report.credentials.first?.issuerName == "Example Hospital CME Office")
        let method = try RegistryResolver(registry: registry).resolve(VerificationFixture.keyID)
        #expect(method.controller == VerificationFixture.issuerID)
        #expect(
            try RegistryResolver(registry: registry).resolve("did:web:provider7.example.org#key-1").controller
                == "did:web:provider7.example.org")
    }

    @Test("a key id listed twice resolves as the registry lists it first, like IssuerRegistry.key")
    func duplicateKeyID() throws {
        var registry = world.registry
        var impostor = registry.issuers[0]
        impostor.id = "did:web:impostor.example.org"
        impostor.keys[0].publicKey = SigningKey(generating: .ed25519).publicKey
        registry.issuers.append(impostor)
        let method = try RegistryResolver(registry: registry).resolve(VerificationFixture.keyID)
        #expect(method.controller == registry.key(VerificationFixture.keyID)?.issuer.id)
        #expect(method.controller == VerificationFixture.issuerID)
        #expect(method.publicKey == world.issuerKey.publicKey)
        registry.issuers.reverse()
        #expect(
            try RegistryResolver(registry: registry).resolve(VerificationFixture.keyID).controller
                == "did:web:impostor.example.org")
    }

    @Test("an RSA registry key cannot resolve for a Data Integrity proof")
    func rsaKeyDoesNotResolve() throws {
        var registry = world.registry
        registry.issuers[0].keys.append(
            RegisteredKey(
                id: VerificationFixture.issuerID + "#rsa", verificationKey: .rsa(try RSASigningKey().publicKey)))
        let error = #expect(throws: CredentialError.self) {
            try RegistryResolver(registry: registry).resolve(VerificationFixture.issuerID + "#rsa")
        }
        #expect(error?.code == .unsupportedKeyType)
        #expect(RegistryResolver(registry: registry).registeredKey(VerificationFixture.issuerID + "#rsa") != nil)
    }

    @Test("a verification context looks issuers up in the registry it holds now")
    func contextFollowsRegistryChanges() throws {
        var empty = world.registry
        empty.issuers = []
        var context = world.context(registry: empty)
        let signed = try world.sign(world.credential(statusIndex: nil))
        #expect(!Verifier(context: context).verify(signed, name: "vc.json").verified)
        context.registry = world.registry
        let report = Verifier(context: context).verify(signed, name: "vc.json")
        #expect(report.verified, "\(report.credentials.first?.checks ?? [])")
    }

    @Test("a JWT key resolver looks keys up in the registry it holds now")
    func jwtResolverFollowsRegistryChanges() throws {
        var resolver = JWTKeyResolver(registry: nil)
        let header = try JWSHeader(algorithm: .eddsa, keyID: VerificationFixture.keyID)
        #expect(throws: CredentialError.self) { try resolver.resolve(header) }
        resolver.registry = crowdedRegistry(50)
        #expect(try resolver.resolve(header).controller == VerificationFixture.issuerID)
    }

    @Test("key windows: calendar-date ends cover the whole day; compromise wins over the window")
    func keyWindows() {
        let key = RegisteredKey(
            id: "did:web:x#k", publicKey: world.issuerKey.publicKey, validFrom: RegistryDate("2024-01-01"),
            validUntil: RegistryDate("2024-12-31"))
        #expect(key.check(signedAt: VerificationFixture.date("2024-12-31T23:00:00Z"), stamp: "").status == .pass)
        #expect(key.check(signedAt: VerificationFixture.date("2025-01-01T00:00:00Z"), stamp: "").code == .keyExpired)
        #expect(
            key.check(signedAt: VerificationFixture.date("2023-12-31T23:59:59Z"), stamp: "").code == .keyNotYetValid)
    }

    @Test("the JSON Schema accepts what the library writes", .enabled(if: Python.available))
    func schemaAgreesWithWriter() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "Schemas/json-schema/issuer-registry.schema.json")
        let signed = try world.registry.signed(
            with: SigningKey(generating: .ed25519), suite: EdDSAJCS2022(), at: VerificationFixture.now)
        let output = try Python.run(
            "import json,sys,jsonschema; s=json.load(open(sys.argv[1])); jsonschema.validate(json.load(sys.stdin), s); print('ok')",
            arguments: [url.path], stdin: JSONSerializer.bytes(signed.json))
        #expect(output == "ok\n", "needs python3 with jsonschema (pip install jsonschema)")
    }
}

/// The Python cross-check helper (CI installs python3 with jsonschema).
enum Python {
    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/env") }

    static func run(_ script: String, arguments: [String], stdin: [UInt8]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(stdin))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
