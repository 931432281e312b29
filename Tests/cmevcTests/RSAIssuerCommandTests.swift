import Foundation
import Testing
import VerifiableCredentials

/// An RSA issuer end to end with the built binary: RS256 `vc+jwt` credentials and status lists, revocation,
/// wallet import with the registry, and `openssl` as an independent check of one signature.
@Suite("cmevc with an RSA issuer (RS256)")
struct RSAIssuerCommandTests {
    static let did = "did:web:cme.example.org"
    static let method = did + "#key-1"

    /// Three completions of one learner, in the shape of Examples/provider-batch/attendance.csv.
    static let csv = """
        learner_given_name,learner_family_name,learner_npi,learner_email,activity_id,activity_title,activity_format,completion_date,credits_AMA_PRA_CAT1,max_credits_AMA_PRA_CAT1
        Maria,Gonzalez,1234567893,maria.gonzalez@example-clinic.org,2026-017,Safe Opioid Prescribing 2026,course,2026-03-01,3,3
        Maria,Gonzalez,1234567893,maria.gonzalez@example-clinic.org,2026-018,Sepsis Update 2026,course,2026-03-02,1.5,1.5
        Maria,Gonzalez,1234567893,maria.gonzalez@example-clinic.org,2026-019,Stroke Care 2026,course,2026-03-03,2,2

        """

    /// A folder with an RSA key, an issuer made with it, and a registry that lists the key by its public JWK.
    func setup() throws -> IssuerFixtureFolder {
        let folder = IssuerFixtureFolder(directory: try CLI.temporaryDirectory())
        try Data(Self.csv.utf8).write(to: folder.url("records.csv"))
        let generated = try folder.run(["keys", "generate", "--type", "rsa", "--out", "rsa.pem"])
        try #require(generated.status == 0, "\(generated.stderr)")
        let jwk = try #require(
            generated.stdout.split(separator: "\n").first { $0.hasPrefix("publicKeyJwk: ") }?
                .dropFirst("publicKeyJwk: ".count))
        let steps: [[String]] = [
            [
                "issuer", "init", "issuer", "--id", Self.did, "--name", "Example Hospital CME Office", "--key",
                "rsa.pem", "--status-base-url", "https://cme.example.org/status", "--provider-id", "0001234",
            ],
            ["registry", "init", "--id", "did:web:registry.example.org", "--name", "Test Registry", "registry.json"],
            [
                "registry", "add-issuer", "--registry", "registry.json", "--id", Self.did, "--name",
                "Example Hospital CME Office", "--accredited-from", "2022-07-01", "--accredited-until", "2030-06-30",
                "--credit-type", "AMA_PRA_CAT1", "--status-prefix", "https://cme.example.org/status/",
            ],
            [
                "registry", "add-key", "--registry", "registry.json", "--issuer", Self.did, "--id", Self.method,
                "--public-key-jwk", String(jwk),
            ],
        ]
        for step in steps {
            let done = try folder.run(step)
            try #require(done.status == 0, "\(step): \(done.stderr)")
        }
        return folder
    }

    @Test("issue --format jwt, publish, verify; revoke one; wallet import with the registry")
    func issueVerifyRevokeImport() throws {
        let folder = try setup()
        let registry = try String(contentsOf: folder.url("registry.json"), encoding: .utf8)
        #expect(registry.contains("\"kty\": \"RSA\""), "\(registry)")

        // Without --format jwt an RSA issuer cannot issue: one line, exit 2, nothing recorded.
        let refused = try folder.run(["issue", "--issuer", "issuer", "--out", "creds", "records.csv"])
        #expect(refused.status == 2)
        #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("RSA") && refused.stderr.contains("--format jwt"), "\(refused.stderr)")

        let issued = try folder.run(["issue", "--format", "jwt", "--issuer", "issuer", "--out", "creds", "records.csv"])
        #expect(issued.status == 0, "\(issued.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url("creds").path).sorted()
        #expect(files.count == 3 && files.allSatisfy { $0.hasSuffix(".jwt") }, "\(files)")
        let first = try CompactJWS(try String(contentsOf: folder.url("creds/" + files[0]), encoding: .utf8))
        #expect(first.header.alg == "RS256" && first.header.kid == Self.method && first.header.typ == "vc+jwt")

        let published = try folder.run(["status", "publish", "--issuer", "issuer", "--out", "status"])
        #expect(published.status == 0, "\(published.stderr)")
        let lists = try FileManager.default.contentsOfDirectory(atPath: folder.url("status").path).sorted()
        #expect(lists == ["revocation-1.jwt", "suspension-1.jwt"])

        let verify = ["verify", "--registry", "registry.json", "--status-dir", "status", "--format", "json"]
        let passed = try folder.run(verify + ["creds"])
        #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
        let before = Self.statusResults(passed.stdout)
        #expect(before.count == 3 && before.values.allSatisfy { $0 == ["pass", "pass"] }, "\(before)")

        #expect(try folder.run(["status", "revoke", "--issuer", "issuer", "creds/" + files[0]]).status == 0)
        #expect(try folder.run(["status", "publish", "--issuer", "issuer", "--out", "status"]).status == 0)
        let after = try folder.run(verify + ["creds"])
        #expect(after.status == 1)
        let results = Self.statusResults(after.stdout)
        #expect(results.count == 3)
        for (file, statuses) in results {
            let expected = file.hasSuffix(files[0]) ? ["fail", "pass"] : ["pass", "pass"]
            #expect(statuses == expected, "\(file): \(statuses)")
        }
        #expect(after.stdout.contains("credentialRevoked"))

        // The wallet: without the registry the RS256 JWTs are skipped with the reason; with it they import.
        let skipped = try folder.run(["wallet", "import", "--wallet", "w", "creds"])
        #expect(skipped.status == 1)
        #expect(skipped.stderr.components(separatedBy: "skipped ").count - 1 == 3, "\(skipped.stderr)")
        #expect(skipped.stderr.contains("RSA key has no did:key"), "\(skipped.stderr)")
        let imported = try folder.run(["wallet", "import", "--wallet", "w", "--registry", "registry.json", "creds"])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stdout.contains("3 imported"), "\(imported.stdout)")
        let listed = try folder.run(["wallet", "list", "--wallet", "w"])
        #expect(listed.stdout.contains("Sepsis Update 2026"), "\(listed.stdout)")
    }

    @Test("openssl verifies an issued RS256 credential's signature over header.payload")
    func opensslCrossCheck() throws {
        let folder = try setup()
        #expect(
            try folder.run(["issue", "--format", "jwt", "--issuer", "issuer", "--out", "creds", "records.csv"]).status
                == 0)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.url("creds").path).first)
        let compact = try String(contentsOf: folder.url("creds/" + name), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = compact.split(separator: ".").map(String.init)
        try #require(parts.count == 3)
        try Data((parts[0] + "." + parts[1]).utf8).write(to: folder.url("input.txt"))
        try #require(Self.base64URLDecoded(parts[2])).write(to: folder.url("sig.bin"))
        let pub = try Self.openssl(["pkey", "-in", "rsa.pem", "-pubout", "-out", "pub.pem"], in: folder)
        try #require(pub == 0, "openssl is required (make setup installs it)")
        let dgst = ["dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig.bin"]
        #expect(try Self.openssl(dgst + ["input.txt"], in: folder) == 0)
        // The same signature over a changed payload does not verify.
        try Data((parts[0] + "." + parts[1] + "x").utf8).write(to: folder.url("changed.txt"))
        #expect(try Self.openssl(dgst + ["changed.txt"], in: folder) != 0)

        // The issuer's DID document lists the key as a JsonWebKey with its publicKeyJwk.
        let document = try JSONParser.parse(try folder.run(["issuer", "did-document", "issuer"]).stdout)
        let method = try #require(document["verificationMethod"]?.asArray.first)
        #expect(method["type"] == "JsonWebKey" && method["id"]?.stringValue == Self.method)
        #expect(method["publicKeyJwk"]?["kty"] == "RSA")
    }

    /// The status check results of each credential in a `verify --format json` report, by file.
    static func statusResults(_ report: String) -> [String: [String]] {
        var results: [String: [String]] = [:]
        let files: [JSONValue] = (try? JSONParser.parse(report))?["files"]?.asArray ?? []
        for file in files {
            let credentials: [JSONValue] = file["credentials"]?.asArray ?? []
            let checks: [JSONValue] = credentials.flatMap { (credential: JSONValue) in
                credential["checks"]?.asArray ?? []
            }
            results[file["file"]?.stringValue ?? "?"] = checks.filter { $0["check"] == "status" }
                .compactMap { $0["result"]?.stringValue }
        }
        return results
    }

    static func base64URLDecoded(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }

    /// Runs `openssl` in the folder and returns its exit status.
    static func openssl(_ arguments: [String], in folder: IssuerFixtureFolder) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = folder.directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// A temporary folder the binary runs in.
struct IssuerFixtureFolder {
    let directory: URL

    @discardableResult
    func run(_ arguments: [String]) throws -> CLI.Result { try CLI.run(arguments, in: directory) }

    func url(_ path: String) -> URL { directory.appendingPathComponent(path) }
}
