import Foundation
import Testing
import VerifiableCredentials

/// A registry whose `nextUpdate` has passed is still used (DOMAIN.md §5.5), but every command that verifies
/// against it says so once on stderr, naming the file.
@Suite("cmevc commands warn about a stale registry")
struct StaleRegistryTests {
    /// A folder with the example registry (its `nextUpdate` set to `nextUpdate`), the example credential, the
    /// California rules and a department folder holding the credential.
    func folder(nextUpdate: String) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        let examples = IssuerFixture.packageDirectory.appendingPathComponent("Examples")
        let registry = try String(contentsOf: examples.appendingPathComponent("registry.json"), encoding: .utf8)
        let edited = registry.replacingOccurrences(
            of: "\"nextUpdate\": \"2027-06-01T00:00:00Z\"", with: "\"nextUpdate\": \"\(nextUpdate)\"")
        #expect(edited != registry)
        try edited.write(to: dir.appendingPathComponent("registry.json"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("dept"), withIntermediateDirectories: true)
        for target in ["vc.json", "dept/vc.json"] {
            try FileManager.default.copyItem(
                at: examples.appendingPathComponent("credentials/opioid-prescribing-2026.json"),
                to: dir.appendingPathComponent(target))
        }
        try FileManager.default.copyItem(
            at: examples.appendingPathComponent("rules/california.json"), to: dir.appendingPathComponent("rules.json"))
        return dir
    }

    static let commands: [[String]] = [
        ["verify", "--registry", "registry.json", "vc.json"],
        ["check", "--rules", "rules.json", "--registry", "registry.json", "vc.json"],
        ["report", "--rules", "rules.json", "--registry", "registry.json", "--out", "report.json", "dept"],
        ["wallet", "import", "--wallet", "w", "--registry", "registry.json", "vc.json"],
    ]

    @Test("verify, check, report and wallet import warn once that the registry is stale, and still use it")
    func stale() throws {
        let dir = try folder(nextUpdate: "2026-01-31")
        for arguments in Self.commands {
            let result = try CLI.run(arguments, in: dir)
            let warning =
                "warning: registry.json: the registry is stale (nextUpdate 2026-01-31 has passed); keys revoked since may still be listed"
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.filter { $0 == warning }.count == 1, "\(arguments[0]): \(result.stderr)")
            #expect(result.status != 2, "\(arguments[0]) exit \(result.status): \(result.stderr)")
        }
        let verified = try CLI.run(Self.commands[0], in: dir)
        #expect(verified.stdout.contains("✓ issuer"), "\(verified.stdout)")
    }

    @Test("a registry whose nextUpdate is still ahead (or on today's date) brings no warning")
    func fresh() throws {
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        for nextUpdate in ["2099-01-01T00:00:00Z", today] {
            let dir = try folder(nextUpdate: nextUpdate)
            for arguments in Self.commands {
                let result = try CLI.run(arguments, in: dir)
                #expect(!result.stderr.contains("stale"), "\(arguments[0]): \(result.stderr)")
            }
        }
    }

    @Test("verify --format json records the registry's staleness and every warning it printed")
    func jsonReport() throws {
        let dir = try folder(nextUpdate: "2026-01-31")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("status"), withIntermediateDirectories: true)
        try "abc.def".write(to: dir.appendingPathComponent("status/x.jwt"), atomically: true, encoding: .utf8)
        let result = try CLI.run(
            ["verify", "--registry", "registry.json", "--status-dir", "status", "--format", "json", "vc.json"], in: dir)
        let report = try JSONParser.parse(result.stdout)
        #expect(report["registry"]?["stale"] == true)
        #expect(report["registry"]?["nextUpdate"] == "2026-01-31")
        let warnings = report["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(warnings.count == 2, "\(warnings)")
        #expect(warnings.first?.hasPrefix("registry.json: the registry is stale") == true)
        #expect(warnings.last?.hasPrefix("status/x.jwt: ") == true)
        #expect(result.stderr.split(separator: "\n").map { String($0) } == warnings.map { "warning: " + $0 })
        let fresh = try CLI.run(
            ["verify", "--registry", "registry.json", "--format", "json", "vc.json"],
            in: try folder(nextUpdate: "2099-01-01"))
        let freshReport = try JSONParser.parse(fresh.stdout)
        #expect(freshReport["registry"]?["stale"] == false)
        #expect(freshReport["warnings"]?.arrayValue?.isEmpty == true)
    }
}
