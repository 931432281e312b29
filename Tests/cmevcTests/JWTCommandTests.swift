import Foundation
import Testing
import VerifiableCredentials

/// End-to-end tests of `--format jwt` (sign, present) and `verify` on JWT files and strings, running the built
/// binary; RS256 output is cross-checked with `openssl dgst`.
@Suite("cmevc --format jwt")
struct JWTCommandTests {
    struct Setup {
        let dir: URL
        let issuer: String
        let physician: String
        static let rsaIssuer = "did:web:rsa.example.org"
        static let rsaKeyID = rsaIssuer + "#rsa-1"

        func run(_ arguments: [String]) throws -> CLI.Result { try CLI.run(arguments, in: dir) }
        func write(_ text: String, to name: String) throws {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        func read(_ name: String) throws -> String {
            try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        }

        func credential(issuer: String, id: String = "urn:uuid:1") -> String {
            """
            {"@context":["https://www.w3.org/ns/credentials/v2"],"id":"\(id)","type":["VerifiableCredential"],
             "issuer":{"id":"\(issuer)","name":"Example Hospital"},"validFrom":"2026-03-02T00:00:00Z",
             "credentialSubject":{"id":"\(physician)","creditsEarned":3.25,
               "achievement":{"name":"Safe Opioid Prescribing","resultDescription":[{"id":"urn:rd:1","creditType":"AMA_PRA_CAT1"}]}}}
            """
        }
    }

    static func openssl(_ arguments: [String], in dir: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            Issue.record("openssl is needed for this test and could not be started: \(error)")
            return -1
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    func setup() throws -> Setup {
        let dir = try CLI.temporaryDirectory()
        #expect(try CLI.run(["keys", "generate", "--out", "issuer.pem"], in: dir).status == 0)
        #expect(try CLI.run(["keys", "generate", "--type", "p256", "--out", "physician.pem"], in: dir).status == 0)
        #expect(
            try Self.openssl(
                ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.pem"], in: dir) == 0)
        let setup = Setup(
            dir: dir, issuer: try RegistryWalletVerifyCommandTests.did("issuer.pem", in: dir),
            physician: try RegistryWalletVerifyCommandTests.did("physician.pem", in: dir))
        let common = [
            "--accredited-from", "2022-07-01", "--accredited-until", "2028-06-30", "--credit-type", "AMA_PRA_CAT1",
        ]
        let steps: [[String]] = [
            ["registry", "init", "--id", "did:web:registry.example.org", "--name", "Test Registry", "registry.json"],
            ["registry", "add-issuer", "--registry", "registry.json", "--id", setup.issuer, "--name", "Ed Issuer"]
                + common,
            [
                "registry", "add-key", "--registry", "registry.json", "--issuer", setup.issuer, "--key-file",
                "issuer.pem",
            ],
            ["registry", "add-issuer", "--registry", "registry.json", "--id", Setup.rsaIssuer, "--name", "RSA Issuer"]
                + common,
            [
                "registry", "add-key", "--registry", "registry.json", "--issuer", Setup.rsaIssuer, "--id",
                Setup.rsaKeyID, "--key-file", "rsa.pem",
            ],
        ]
        for step in steps {
            let result = try setup.run(step)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        try setup.write(setup.credential(issuer: setup.issuer), to: "vc.json")
        try setup.write(setup.credential(issuer: Setup.rsaIssuer, id: "urn:uuid:2"), to: "rsa-vc.json")
        return setup
    }

    @Test("sign --format jwt writes a vc+jwt that verify accepts as a file, a string, and in json output")
    func signAndVerify() throws {
        let s = try setup()
        let signed = try s.run(["sign", "--format", "jwt", "--key", "issuer.pem", "--out", "vc.jwt", "vc.json"])
        #expect(signed.status == 0, "\(signed.stderr)")
        let jwt = try CompactJWS(try s.read("vc.jwt"))
        #expect(jwt.header.typ == "vc+jwt")
        #expect(jwt.header.alg == "EdDSA")
        let text = try s.run(["verify", "--registry", "registry.json", "vc.jwt"])
        #expect(text.status == 0, "\(text.stdout)\(text.stderr)")
        #expect(text.stdout.contains("vc.jwt: VERIFIED"))
        let json = try s.run(["verify", "--registry", "registry.json", "--format", "json", "vc.jwt"])
        #expect(json.status == 0)
        #expect(try JSONParser.parse(json.stdout)["verified"] == true)
        let inline = try s.run(["verify", "--registry", "registry.json", jwt.compact])
        #expect(inline.status == 0, "\(inline.stdout)\(inline.stderr)")
        #expect(inline.stdout.contains("JWT argument 1: VERIFIED"))
        // --proof-only checks the JWS with the did:key its kid names.
        let proofOnly = try s.run(["verify", "--proof-only", "vc.jwt", jwt.compact])
        #expect(proofOnly.status == 0, "\(proofOnly.stdout)\(proofOnly.stderr)")
        #expect(proofOnly.stdout.contains("vc.jwt: VERIFIED (proofs only)"))
        let parts = jwt.compact.split(separator: ".")
        let forged = parts[0] + "." + parts[1] + "A." + parts[2]
        let refused = try s.run(["verify", "--proof-only", "--format", "json", String(forged)])
        #expect(refused.status != 0)
    }

    @Test("a JWT whose exp, nbf or iat is 1e300 seconds is not verified, never a crash (VC 1.1 and vc+jwt)")
    func absurdNumericDates() throws {
        let s = try setup()
        let kid = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
        func base64URL(_ bytes: [UInt8]) -> String {
            Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        func part(_ json: JSONValue) -> String { base64URL(JSONSerializer.bytes(json)) }
        let signature = base64URL([UInt8](repeating: 0x78, count: 64))
        let legacy = [
            part(["alg": "EdDSA", "typ": "JWT", "kid": .string(kid + "#" + kid.dropFirst(8))]),
            part([
                "iss": .string(kid), "exp": 1e300, "nbf": -1e300,
                "vc": [
                    "@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"],
                    "credentialSubject": ["id": "did:example:1"],
                ],
            ]), signature,
        ]
        let modern = [
            part(["alg": "EdDSA", "typ": "vc+jwt", "kid": .string(kid + "#" + kid.dropFirst(8))]),
            part([
                "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
                "issuer": .string(kid), "credentialSubject": ["id": "did:example:1"], "iat": 1e300,
            ]), signature,
        ]
        try s.write(legacy.joined(separator: "."), to: "legacy.jwt")
        try s.write(modern.joined(separator: "."), to: "modern.jwt")
        for name in ["legacy.jwt", "modern.jwt"] {
            let result = try s.run(["verify", "--proof-only", name])
            #expect(result.status == 1, "\(name): \(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("\(name): NOT VERIFIED"), "\(name): \(result.stdout)")
        }
    }

    @Test("sign --format jwt with an RSA key writes RS256 that openssl verifies, and verify accepts")
    func rsa() throws {
        let s = try setup()
        let signed = try s.run([
            "sign", "--format", "jwt", "--key", "rsa.pem", "--verification-method", Setup.rsaKeyID, "--out",
            "rsa.jwt", "rsa-vc.json",
        ])
        #expect(signed.status == 0, "\(signed.stderr)")
        let jwt = try CompactJWS(try s.read("rsa.jwt"))
        #expect(jwt.header.alg == "RS256")
        #expect(jwt.header.kid == Setup.rsaKeyID)
        try Data(jwt.signingInput.utf8).write(to: s.dir.appendingPathComponent("input.txt"))
        try Data(jwt.signature).write(to: s.dir.appendingPathComponent("sig.bin"))
        #expect(try Self.openssl(["pkey", "-in", "rsa.pem", "-pubout", "-out", "rsa-pub.pem"], in: s.dir) == 0)
        #expect(
            try Self.openssl(
                ["dgst", "-sha256", "-verify", "rsa-pub.pem", "-signature", "sig.bin", "input.txt"], in: s.dir) == 0)
        let verified = try s.run(["verify", "--registry", "registry.json", "rsa.jwt"])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        // Without --verification-method an RSA key has no did:key to name.
        let unnamed = try s.run(["sign", "--format", "jwt", "--key", "rsa.pem", "rsa-vc.json"])
        #expect(unnamed.status == 2)
    }

    @Test("keys generate --type rsa writes a key openssl reads (also encrypted) that signs RS256")
    func generateRSA() throws {
        let s = try setup()
        let generated = try s.run(["keys", "generate", "--type", "rsa", "--out", "gen.pem"])
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(try Self.openssl(["pkey", "-in", "gen.pem", "-noout"], in: s.dir) == 0)
        let shown = try s.run(["keys", "show", "--format", "json", "gen.pem"])
        #expect(try JSONParser.parse(shown.stdout)["publicKeyJwk"]?["kty"] == "RSA")
        try s.write("correct horse\n", to: "pass.txt")
        let encrypted = try s.run([
            "keys", "generate", "--type", "rsa", "--bits", "3072", "--passphrase-file", "pass.txt", "--out", "enc.pem",
        ])
        #expect(encrypted.status == 0, "\(encrypted.stderr)")
        #expect(try s.read("enc.pem").contains("ENCRYPTED PRIVATE KEY"))
        #expect(
            try Self.openssl(["pkey", "-in", "enc.pem", "-passin", "pass:correct horse", "-noout"], in: s.dir) == 0)
        let signed = try s.run([
            "sign", "--format", "jwt", "--key", "enc.pem", "--passphrase-file", "pass.txt", "--verification-method",
            "did:web:x.example#k", "rsa-vc.json",
        ])
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(try CompactJWS(signed.stdout).header.alg == "RS256")
        #expect(try s.run(["keys", "generate", "--type", "rsa", "--bits", "1024", "--out", "small.pem"]).status == 64)
    }

    @Test("an RSA key under 2048 bits is refused")
    func smallRSA() throws {
        let s = try setup()
        #expect(
            try Self.openssl(
                ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", "small.pem"], in: s.dir)
                == 0)
        let result = try s.run([
            "sign", "--format", "jwt", "--key", "small.pem", "--verification-method", Setup.rsaKeyID, "rsa-vc.json",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("2048"))
    }

    @Test("a tampered JWT fails with exit 1; a JWT signed by an unregistered issuer fails")
    func tampered() throws {
        let s = try setup()
        #expect(
            try s.run(["sign", "--format", "jwt", "--key", "issuer.pem", "--out", "vc.jwt", "vc.json"]).status == 0)
        let parts = try s.read("vc.jwt").trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".")
        let payload = String(decoding: Data(base64URL: String(parts[1])), as: UTF8.self)
        let changed = payload.replacingOccurrences(of: "\"creditsEarned\":3.25", with: "\"creditsEarned\":32.5")
        #expect(changed != payload)
        try s.write(parts[0] + "." + Array(changed.utf8).base64URL + "." + parts[2], to: "bad.jwt")
        let bad = try s.run(["verify", "--registry", "registry.json", "--format", "json", "bad.jwt"])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("signatureMismatch"))
        let stranger = try s.run([
            "sign", "--format", "jwt", "--key", "physician.pem", "--out", "stranger.jwt", "vc.json",
        ])
        #expect(stranger.status == 0)
        let result = try s.run(["verify", "--registry", "registry.json", "--format", "json", "stranger.jwt"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("jwtKeyNotIssuers"))
    }

    @Test("wallet import takes JWT credentials; present --format jwt writes a vp+jwt that verify accepts")
    func presentJWT() throws {
        let s = try setup()
        #expect(
            try s.run(["sign", "--format", "jwt", "--key", "issuer.pem", "--out", "vc.jwt", "vc.json"]).status == 0)
        let signed = try s.run([
            "sign", "--format", "jwt", "--key", "rsa.pem", "--verification-method", Setup.rsaKeyID, "--out",
            "rsa.jwt", "rsa-vc.json",
        ])
        #expect(signed.status == 0)
        let imported = try s.run(["wallet", "import", "--wallet", "w", "--registry", "registry.json", "vc.jwt"])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        let listed = try s.run(["wallet", "list", "--wallet", "w"])
        #expect(listed.stdout.contains("Safe Opioid Prescribing"), "\(listed.stdout)")
        let presented = try s.run([
            "present", "--format", "jwt", "--wallet", "w", "--key", "physician.pem", "--challenge", "c-1", "--domain",
            "hospital.example", "--out", "vp.jwt",
        ])
        #expect(presented.status == 0, "\(presented.stderr)")
        #expect(try CompactJWS(try s.read("vp.jwt")).header.typ == "vp+jwt")
        let ok = try s.run([
            "verify", "--registry", "registry.json", "--challenge", "c-1", "--domain", "hospital.example", "vp.jwt",
        ])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        let replay = try s.run(["verify", "--registry", "registry.json", "--challenge", "c-2", "vp.jwt"])
        #expect(replay.status == 1)
        #expect(replay.stdout.contains("challenge"))
        // sign --format jwt on a presentation document writes a vp+jwt with nonce and aud.
        let jwt = try s.read("rsa.jwt").trimmingCharacters(in: .whitespacesAndNewlines)
        try s.write(
            """
            {"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],"holder":"\(s.physician)",
             "verifiableCredential":[{"@context":["https://www.w3.org/ns/credentials/v2"],"type":"EnvelopedVerifiableCredential","id":"data:application/vc+jwt,\(jwt)"}]}
            """, to: "vp.json")
        #expect(
            try s.run([
                "sign", "--format", "jwt", "--key", "physician.pem", "--challenge", "c-3", "--domain", "h.example",
                "--out", "vp2.jwt", "vp.json",
            ]).status == 0)
        let second = try s.run([
            "verify", "--registry", "registry.json", "--challenge", "c-3", "--domain", "h.example", "vp2.jwt",
        ])
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
    }
}

extension Data {
    init(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        self = Data(base64Encoded: base64) ?? Data()
    }
}

extension Array where Element == UInt8 {
    var base64URL: String {
        Data(self).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
