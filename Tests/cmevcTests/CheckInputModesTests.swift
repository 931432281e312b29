import Foundation
import Testing
import VerifiableCredentials

/// `cmevc check` reads its credentials three ways: a wallet folder, a presentation, or credential files (and
/// folders of them). Each is run end to end on the built binary.
@Suite("cmevc check: --wallet, a presentation, credential files")
struct CheckInputModesTests {
    typealias Setup = RegistryWalletVerifyCommandTests.Setup

    /// Two signed credentials of 3.25 hours each (6.5 in all) and a clean status list.
    func setup() throws -> Setup {
        let s = try RegistryWalletVerifyCommandTests().setup()
        try s.issue(CheckCommandTests.credential(s, id: "urn:uuid:cme-1", statusIndex: 7), as: "cme.json")
        try s.issue(CheckCommandTests.credential(s, id: "urn:uuid:cme-2", statusIndex: 8), as: "cme2.json")
        try s.statusList(revoked: [])
        try s.write(CheckCommandTests.rules(amount: "6"), to: "rules.json")
        return s
    }

    func check(_ s: Setup, _ inputs: [String]) throws -> (result: CLI.Result, json: JSONValue?) {
        let result = try s.run(
            [
                "check", "--rules", "rules.json", "--registry", "registry.json", "--status-dir", "status", "--as-of",
                "2026-12-31", "--format", "json",
            ] + inputs)
        return (result, try? JSONParser.parse(result.stdout))
    }

    static func counted(_ json: JSONValue?) -> [String] {
        json?["requirements"]?.asArray.first?["contributions"]?.asArray.compactMap { $0["credential"]?.stringValue }
            ?? []
    }

    @Test("--wallet DIR: every credential in the wallet counts")
    func wallet() throws {
        let s = try setup()
        #expect(try s.run(["wallet", "import", "--wallet", "w", "cme.json", "cme2.json"]).status == 0)
        let (result, json) = try check(s, ["--wallet", "w"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(Set(Self.counted(json)) == ["urn:uuid:cme-1", "urn:uuid:cme-2"])
        let missing = try check(s, ["--wallet", "nowhere"])
        #expect(missing.result.status == 2)
    }

    @Test("a presentation: its credentials count when it verifies; one signed by someone else counts nothing")
    func presentation() throws {
        let s = try setup()
        #expect(try s.run(["wallet", "import", "--wallet", "w", "cme.json", "cme2.json"]).status == 0)
        for (key, out) in [("physician.pem", "vp.json"), ("other.pem", "stolen.json")] {
            let present = try s.run([
                "present", "--wallet", "w", "--key", key, "--challenge", "c", "--domain", "d", "--out", out,
            ])
            #expect(present.status == 0, "\(present.stderr)")
        }
        let (result, json) = try check(s, ["vp.json"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(Self.counted(json).count == 2)
        let stolen = try check(s, ["stolen.json"])
        #expect(stolen.result.status == 1)
        #expect(Self.counted(stolen.json).isEmpty)
        #expect(stolen.json?["notCounted"]?.asArray.count == 2)
        #expect(stolen.json?["notCounted"]?.asArray.first?["reason"]?.stringValue?.hasPrefix("holder") == true)
    }

    @Test("credential files and folders: each counts once, however often it is named")
    func files() throws {
        let s = try setup()
        let one = try check(s, ["cme.json"])
        #expect(one.result.status == 1)
        #expect(Self.counted(one.json) == ["urn:uuid:cme-1"])
        let both = try check(s, ["cme.json", "cme2.json", "cme.json"])
        #expect(both.result.status == 0, "\(both.result.stdout)\(both.result.stderr)")
        #expect(Self.counted(both.json).count == 2)
        let folder = s.dir.appendingPathComponent("creds")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["cme.json", "cme2.json"] {
            try FileManager.default.copyItem(
                at: s.dir.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let fromFolder = try check(s, ["creds"])
        #expect(fromFolder.result.status == 0, "\(fromFolder.result.stderr)")
        #expect(Self.counted(fromFolder.json).count == 2)
        let missing = try check(s, ["nowhere.json"])
        #expect(missing.result.status == 2)
    }
}
