import Foundation
import Testing
import VerifiableCredentials

/// `cmevc issue --format jwt`: the same ledger and status lists, each credential a `vc+jwt` file.
@Suite("cmevc issue --format jwt")
struct IssueJWTCommandTests {
    @Test("issue --format jwt writes .jwt credentials that verify in full; a revoked one then fails its status")
    func issueAndVerify() throws {
        let fixture = try IssuerFixture()
        let result = try fixture.run([
            "issue", "--format", "jwt", "--issuer", fixture.issuer, "--out", "creds", IssueCommandTests.batch,
        ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("issued 11, already issued 0, rejected 1"), "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: fixture.url("creds").path)
            .filter { $0.hasSuffix(".jwt") }.sorted()
        #expect(files.count == 11)
        let first = try #require(files.first)
        let jwt = try CompactJWS(try String(contentsOf: fixture.url("creds/" + first), encoding: .utf8))
        #expect(jwt.header.typ == "vc+jwt")
        #expect(jwt.header.alg == "EdDSA")
        let decoded = try DecodedJWT(jwt)
        #expect(decoded.document["credentialStatus"] != nil)
        #expect(decoded.issuedAt != nil)

        // A registry for the did:key issuer, the published status lists, and full verification.
        let shown = try fixture.run(["keys", "show", "--format", "json", "provider.pem"])
        let did = try #require(IssuerFixture.member("did", in: shown.stdout))
        let steps: [[String]] = [
            ["registry", "init", "--id", "did:web:registry.example.org", "--name", "Test Registry", "registry.json"],
            [
                "registry", "add-issuer", "--registry", "registry.json", "--id", did, "--name", "Example Hospital",
                "--accredited-from", "2022-07-01", "--accredited-until", "2030-06-30", "--credit-type", "AMA_PRA_CAT1",
                "--credit-type", "AMA_PRA_CAT2", "--credit-type", "ABIM_MOC", "--credit-type", "AAFP_PRESCRIBED",
                "--status-prefix", "https://cme.example.org/status/",
            ],
            ["registry", "add-key", "--registry", "registry.json", "--issuer", did, "--key-file", "provider.pem"],
            ["status", "publish", "--issuer", fixture.issuer, "--out", "status"],
        ]
        for step in steps {
            let done = try fixture.run(step)
            #expect(done.status == 0, "\(step): \(done.stderr)")
        }
        let verify = ["verify", "--registry", "registry.json", "--status-dir", "status", "--format", "json"]
        let all = try fixture.run(verify + ["creds"])
        let report = try JSONParser.parse(all.stdout)
        #expect(report["files"]?.asArray.count == 11)
        let fileReports: [JSONValue] = report["files"]?.asArray ?? []
        let credentials: [JSONValue] = fileReports.flatMap { (file: JSONValue) in file["credentials"]?.asArray ?? [] }
        let checks: [JSONValue] = credentials.flatMap { (credential: JSONValue) in credential["checks"]?.asArray ?? [] }
        let statuses = checks.filter { (check: JSONValue) in check["check"]?.stringValue == "status" }
        #expect(statuses.count >= 11)
        #expect(statuses.allSatisfy { $0["result"]?.stringValue == "pass" }, "\(all.stdout)")

        #expect(try fixture.run(["status", "revoke", "--issuer", fixture.issuer, "creds/" + first]).status == 0)
        #expect(try fixture.run(["status", "publish", "--issuer", fixture.issuer, "--out", "status"]).status == 0)
        let revoked = try fixture.run(verify + ["creds/" + first])
        #expect(revoked.status == 1)
        #expect(revoked.stdout.contains("credentialRevoked"), "\(revoked.stdout)")
    }

    @Test("issue --format jwt --jsonl writes one JWT string per line")
    func jsonLines() throws {
        let fixture = try IssuerFixture()
        let result = try fixture.run([
            "issue", "--format", "jwt", "--issuer", fixture.issuer, "--jsonl", "creds.jsonl", IssueCommandTests.batch,
        ])
        #expect(result.status == 1, "\(result.stderr)")
        let lines = try String(contentsOf: fixture.url("creds.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 11)
        for line in lines {
            let text = try #require(try JSONParser.parse(String(line)).stringValue)
            #expect(try CompactJWS(text).header.typ == "vc+jwt")
        }
    }
}
