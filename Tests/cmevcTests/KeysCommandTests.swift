import Foundation
import Testing

@Suite("cmevc keys")
struct KeysCommandTests {
    @Test(
        "generate writes a 0600 PEM key, prints its did:key, and refuses to overwrite",
        arguments: ["ed25519", "p256", "p384"])
    func generate(_ type: String) throws {
        let dir = try CLI.temporaryDirectory()
        let result = try CLI.run(["keys", "generate", "--type", type, "--out", "k.pem"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("did:key:z"))
        let path = dir.appendingPathComponent("k.pem").path
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let pem = try String(contentsOfFile: path, encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let again = try CLI.run(["keys", "generate", "--type", type, "--out", "k.pem"], in: dir)
        #expect(again.status == 2)
        #expect(again.stderr.contains("k.pem"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == pem)
        #expect(try CLI.run(["keys", "generate", "--type", type, "--out", "k.pem", "--force"], in: dir).status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) != pem)
    }

    @Test("show prints the public forms and never the secret")
    func show() throws {
        let dir = try CLI.temporaryDirectory()
        try CLI.run(["keys", "generate", "--out", "k.pem"], in: dir)
        let text = try CLI.run(["keys", "show", "k.pem"], in: dir)
        #expect(text.status == 0)
        #expect(text.stdout.contains("publicKeyMultibase: z6Mk"))
        let json = try CLI.run(["keys", "show", "k.pem", "--format", "json"], in: dir)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["did"] as? String)?.hasPrefix("did:key:z6Mk") == true)
        #expect((object?["publicKeyJwk"] as? [String: Any])?["d"] == nil)
        let pem = try String(contentsOf: dir.appendingPathComponent("k.pem"), encoding: .utf8)
        let body = pem.split(separator: "\n").dropFirst().dropLast().joined()
        #expect(!text.stdout.contains(body) && !json.stdout.contains(body))
        #expect(!json.stdout.contains("\"d\""))
    }

    @Test("a passphrase-protected key round-trips; a wrong passphrase is a clean error")
    func passphrase() throws {
        let dir = try CLI.temporaryDirectory()
        try "correct horse\n".write(to: dir.appendingPathComponent("pass.txt"), atomically: true, encoding: .utf8)
        try "wrong\n".write(to: dir.appendingPathComponent("wrong.txt"), atomically: true, encoding: .utf8)
        let made = try CLI.run(["keys", "generate", "--out", "k.pem", "--passphrase-file", "pass.txt"], in: dir)
        #expect(made.status == 0, "\(made.stderr)")
        let pem = try String(contentsOf: dir.appendingPathComponent("k.pem"), encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        #expect(try CLI.run(["keys", "show", "k.pem", "--passphrase-file", "pass.txt"], in: dir).status == 0)
        #expect(
            try CLI.run(["keys", "show", "k.pem"], in: dir, environment: ["CMEVC_KEY_PASSPHRASE": "correct horse"])
                .status == 0)
        let wrong = try CLI.run(["keys", "show", "k.pem", "--passphrase-file", "wrong.txt"], in: dir)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("passphrase"))
        let missing = try CLI.run(["keys", "show", "k.pem"], in: dir)
        #expect(missing.status == 2)
    }

    @Test("a key made by openssl genpkey loads")
    func opensslKey() throws {
        let dir = try CLI.temporaryDirectory()
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out",
            dir.appendingPathComponent("o.pem").path,
        ]
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0, "openssl is required (make setup installs it)")
        let shown = try CLI.run(["keys", "show", "o.pem"], in: dir)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("did:key:z82L"))
    }
}
