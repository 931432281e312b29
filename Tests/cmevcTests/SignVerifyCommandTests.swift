import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("cmevc sign, verify --proof-only, canonicalize")
struct SignVerifyCommandTests {
    static let credential = """
        {"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],"id":"urn:uuid:1","type":["VerifiableCredential"],
         "issuer":"did:example:issuer","validFrom":"2026-03-02T00:00:00Z",
         "credentialSubject":{"id":"did:example:subject","credits":3.25}}
        """

    func prepare(_ type: String = "ed25519") throws -> URL {
        let dir = try CLI.temporaryDirectory()
        try Self.credential.write(to: dir.appendingPathComponent("vc.json"), atomically: true, encoding: .utf8)
        try CLI.run(["keys", "generate", "--type", type, "--out", "k.pem"], in: dir)
        return dir
    }

    @Test("sign then verify exits 0; tampering exits 1", arguments: ["ed25519", "p256", "p384"])
    func signVerifyTamper(_ type: String) throws {
        let dir = try prepare(type)
        let signed = try CLI.run(["sign", "--key", "k.pem", "--out", "signed.json", "vc.json"], in: dir)
        #expect(signed.status == 0, "\(signed.stderr)")
        let verified = try CLI.run(["verify", "--proof-only", "signed.json"], in: dir)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.contains("VERIFIED"))
        #expect(verified.stdout.contains("issuers were not checked"))
        let text = try String(contentsOf: dir.appendingPathComponent("signed.json"), encoding: .utf8)
        try text.replacingOccurrences(of: "3.25", with: "32.5")
            .write(to: dir.appendingPathComponent("tampered.json"), atomically: true, encoding: .utf8)
        let tampered = try CLI.run(["verify", "--proof-only", "tampered.json"], in: dir)
        #expect(tampered.status == 1)
        #expect(tampered.stdout.contains("NOT VERIFIED"))
        #expect(tampered.stdout.contains("signatureMismatch"))
    }

    @Test("verify --format json reports per proof and per check")
    func jsonReport() throws {
        let dir = try prepare()
        try CLI.run(
            [
                "sign", "--key", "k.pem", "--challenge", "abc", "--domain", "board.example", "--purpose",
                "authentication", "--out", "signed.json", "vc.json",
            ], in: dir)
        let ok = try CLI.run(
            [
                "verify", "--proof-only", "--format", "json", "--challenge", "abc", "--domain", "board.example",
                "signed.json",
            ], in: dir)
        #expect(ok.status == 0, "\(ok.stdout)")
        let report = try JSONSerialization.jsonObject(with: Data(ok.stdout.utf8)) as? [String: Any]
        #expect(report?["verified"] as? Bool == true)
        #expect(report?["issuersChecked"] as? Bool == false)
        let replay = try CLI.run(
            ["verify", "--proof-only", "--format", "json", "--challenge", "old", "signed.json"], in: dir)
        #expect(replay.status == 1)
        #expect(replay.stdout.contains("challengeMismatch"))
    }

    @Test("unreadable or malformed input exits 2 with the file and position; usage errors exit 64")
    func exitCodes() throws {
        let dir = try prepare()
        try "{\"a\":1,\"a\":2}".write(to: dir.appendingPathComponent("dup.json"), atomically: true, encoding: .utf8)
        let dup = try CLI.run(["verify", "--proof-only", "dup.json"], in: dir)
        #expect(dup.status == 2)
        #expect(dup.stderr.contains("dup.json: line 1, column 8"))
        #expect(try CLI.run(["verify", "--proof-only", "missing.json"], in: dir).status == 2)
        // An empty folder is not "everything verified".
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let empty = try CLI.run(["verify", "--proof-only", "empty"], in: dir)
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("empty: the folder holds no .json or .jwt file"))
        #expect(try CLI.run(["verify", "vc.json"], in: dir).status == 64)
        #expect(try CLI.run(["sign", "--key", "k.pem", "--suite", "nope", "vc.json"], in: dir).status == 64)
    }

    @Test("--out naming a pipe writes into it and leaves it a pipe (a device such as /dev/null is never replaced)")
    func outToPipe() throws {
        let dir = try prepare()
        let fifo = dir.appendingPathComponent("out.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Open for reading first, without blocking, so the writer's open succeeds and its bytes wait in the pipe.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let signed = try CLI.run(["sign", "--key", "k.pem", "--out", "out.fifo", "vc.json"], in: dir)
        #expect(signed.status == 0, "\(signed.stderr)")
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = read(reader, &buffer, buffer.count)
        #expect(count > 0)
        #expect(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self).contains("\"proof\""))
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test("a folder is verified file by file; one bad file makes the run fail")
    func folder() throws {
        let dir = try prepare()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("in"), withIntermediateDirectories: true)
        try CLI.run(["sign", "--key", "k.pem", "--out", "in/a.json", "vc.json"], in: dir)
        try CLI.run(["sign", "--key", "k.pem", "--out", "in/b.json", "vc.json"], in: dir)
        #expect(try CLI.run(["verify", "--proof-only", "in"], in: dir).status == 0)
        try "{}".write(to: dir.appendingPathComponent("in/c.json"), atomically: true, encoding: .utf8)
        let mixed = try CLI.run(["verify", "--proof-only", "in"], in: dir)
        #expect(mixed.status == 1)
        #expect(mixed.stdout.contains("missingProof") || mixed.stdout.contains("no proof"))
    }

    @Test("canonicalize --jcs prints exactly the RFC 8785 bytes")
    func canonicalize() throws {
        let dir = try prepare()
        let result = try CLI.run(["canonicalize", "--jcs", "vc.json"], in: dir)
        #expect(result.status == 0)
        #expect(
            result.stdout.hasPrefix(
                "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://www.w3.org/ns/credentials/examples/v2\"],\"credentialSubject\":{\"credits\":3.25,"
            ))
        #expect(!result.stdout.hasSuffix("\n"))
    }

    @Test("the default suite is eddsa-rdfc-2022 / ecdsa-rdfc-2019; --suite picks a JCS suite")
    func defaultSuite() throws {
        let dir = try prepare()
        let rdfc = try CLI.run(["sign", "--key", "k.pem", "vc.json"], in: dir)
        #expect(rdfc.stdout.contains("\"cryptosuite\": \"eddsa-rdfc-2022\""))
        let jcs = try CLI.run(["sign", "--key", "k.pem", "--suite", "eddsa-jcs-2022", "vc.json"], in: dir)
        #expect(jcs.stdout.contains("\"cryptosuite\": \"eddsa-jcs-2022\""))
        let p256 = try prepare("p256")
        let ecdsa = try CLI.run(["sign", "--key", "k.pem", "vc.json"], in: p256)
        #expect(ecdsa.stdout.contains("\"cryptosuite\": \"ecdsa-rdfc-2019\""))
        let mismatch = try CLI.run(["sign", "--key", "k.pem", "--suite", "eddsa-rdfc-2022", "vc.json"], in: p256)
        #expect(mismatch.status == 2)
        #expect(mismatch.stderr.contains("p256") || mismatch.stderr.contains("P-256"))
    }

    @Test("an RDFC signature refuses a term no context defines, naming it; an unknown context is never fetched")
    func undefinedTermAndUnknownContext() throws {
        let dir = try prepare()
        try
            #"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"did:example:i","credentialSubject":{"bonusCredits":40}}"#
            .write(to: dir.appendingPathComponent("undefined.json"), atomically: true, encoding: .utf8)
        let undefined = try CLI.run(["sign", "--key", "k.pem", "undefined.json"], in: dir)
        #expect(undefined.status == 2)
        #expect(undefined.stderr.contains("bonusCredits"))
        try
            #"{"@context":["https://www.w3.org/ns/credentials/v2","https://evil.example/context.jsonld"],"type":["VerifiableCredential"]}"#
            .write(to: dir.appendingPathComponent("remote.json"), atomically: true, encoding: .utf8)
        let remote = try CLI.run(["canonicalize", "--rdfc", "remote.json"], in: dir)
        #expect(remote.status == 2)
        #expect(remote.stderr.contains("https://evil.example/context.jsonld"))
    }

    @Test("canonicalize --rdfc prints canonical N-Quads ending in a newline")
    func canonicalizeRDFC() throws {
        let dir = try prepare()
        let result = try CLI.run(["canonicalize", "--rdfc", "vc.json"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains("<urn:uuid:1> <https://www.w3.org/2018/credentials#issuer> <did:example:issuer> ."))
        #expect(result.stdout.hasSuffix(" .\n"))
    }
}
