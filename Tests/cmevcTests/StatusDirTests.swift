import Foundation
import Testing

/// `--status-dir` on the built binary: a folder that is not there, and files in it that cannot be used.
@Suite("cmevc verify and check --status-dir")
struct StatusDirTests {
    typealias Setup = RegistryWalletVerifyCommandTests.Setup

    /// The setup's registry, and `vc2.json` with a revocation entry at index 7.
    func setup() throws -> Setup {
        let s = try RegistryWalletVerifyCommandTests().setup()
        try s.issue(s.credential(id: "urn:uuid:2", statusIndex: 7), as: "vc2.json")
        return s
    }

    @Test(
        "a --status-dir that does not exist or is a file: exit 2 naming it, as an unreadable input, on verify and check",
        arguments: [
            ("missing", "missing: the status list folder does not exist"),
            ("vc.json", "vc.json: the status list folder is a file, not a folder"),
        ])
    func notAFolder(path: String, message: String) throws {
        let s = try setup()
        let verify = try s.run(["verify", "--registry", "registry.json", "--status-dir", path, "vc2.json"])
        #expect(verify.status == 2, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stderr == "Error: \(message)\n")
        #expect(verify.stdout.isEmpty, "\(verify.stdout)")
        try s.write(CheckCommandTests.rules(amount: "1"), to: "rules.json")
        let check = try s.run([
            "check", "--rules", "rules.json", "--registry", "registry.json", "--status-dir", path, "vc2.json",
        ])
        #expect(check.status == 2, "\(check.stdout)\(check.stderr)")
        #expect(check.stderr == "Error: \(message)\n")
    }

    @Test("each unusable file in --status-dir is one warning naming it and why; the status it would give is unknown")
    func unusableFiles() throws {
        let s = try setup()
        let folder = s.dir.appendingPathComponent("status")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try s.write("[1, 2]", to: "status/array.json")
        try s.write("{\"type\": [\"VerifiableCredential\"]}", to: "status/no-id.json")
        try s.write("xx", to: "status/broken.jwt")
        try Data(repeating: 0x20, count: 16 * 1024 * 1024 + 1).write(to: folder.appendingPathComponent("big.json"))
        let expected = [
            "warning: status/array.json: not a status list credential: expected a JSON object, found an array",
            "warning: status/big.json: the file is 16777217 bytes, more than the limit of 16777216 bytes",
            "warning: status/broken.jwt: the text is not a compact JWS: expected three parts separated by \".\", found 1",
            "warning: status/no-id.json: not a status list credential: it has no \"id\" string",
        ]
        let unknown = try s.run(["verify", "--registry", "registry.json", "--status-dir", "status", "vc2.json"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.split(separator: "\n").map(String.init) == expected, "\(unknown.stderr)")
        #expect(unknown.stdout.contains("statusListMissing"), "\(unknown.stdout)")
        // The usable list next to them is still read.
        try s.statusList(revoked: [7])
        let revoked = try s.run(["verify", "--registry", "registry.json", "--status-dir", "status", "vc2.json"])
        #expect(revoked.status == 1)
        #expect(revoked.stderr.split(separator: "\n").map(String.init) == expected, "\(revoked.stderr)")
        #expect(revoked.stdout.contains("credentialRevoked"), "\(revoked.stdout)")
    }

    @Test("a .jwt file in --status-dir that is not a compact JWT is one warning saying so, not a JSON error")
    func notACompactJWT() throws {
        let s = try setup()
        try FileManager.default.createDirectory(
            at: s.dir.appendingPathComponent("status"), withIntermediateDirectories: true)
        try s.write("abc.def\n", to: "status/x.jwt")
        try s.write("{\"id\": \"https://cme.example.org/status/2\"}", to: "status/json.jwt")
        let result = try s.run(["verify", "--registry", "registry.json", "--status-dir", "status", "vc2.json"])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stderr.split(separator: "\n").map(String.init) == [
                "warning: status/json.jwt: the text is not a compact JWS: it holds JSON (a JSON status list credential belongs in a .json file)",
                "warning: status/x.jwt: the text is not a compact JWS: expected three parts separated by \".\", found 2",
            ], "\(result.stderr)")
    }

    @Test(
        "a --status-dir with no .json or .jwt file is one warning; the exit status is the verification's",
        arguments: [[], ["notes.txt"]])
    func noStatusLists(files: [String]) throws {
        let s = try setup()
        try FileManager.default.createDirectory(
            at: s.dir.appendingPathComponent("empty"), withIntermediateDirectories: true)
        for file in files { try s.write("not a list", to: "empty/\(file)") }
        let warning = "warning: empty holds no status lists (*.json or *.jwt files)\n"
        let unknown = try s.run(["verify", "--registry", "registry.json", "--status-dir", "empty", "vc2.json"])
        #expect(unknown.status == 1, "\(unknown.stdout)\(unknown.stderr)")
        #expect(unknown.stderr == warning, "\(unknown.stderr)")
        #expect(unknown.stdout.contains("statusListMissing"), "\(unknown.stdout)")
        let verified = try s.run(["verify", "--registry", "registry.json", "--status-dir", "empty", "vc.json"])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stderr == warning, "\(verified.stderr)")
    }
}
