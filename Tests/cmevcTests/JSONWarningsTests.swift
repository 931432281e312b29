import Foundation
import Testing
import VerifiableCredentials

/// `check`, `report` and `wallet list` with `--format json` carry a top-level `warnings` array, as `verify` does:
/// each line printed on stderr as `warning: …` (without that prefix), in order, and an empty array when there is
/// none.
@Suite("cmevc check, report and wallet list --format json: the warnings printed on stderr")
struct JSONWarningsTests {
    /// The stale-registry folder of ``StaleRegistryTests`` (`registry.json`, `vc.json`, `rules.json`, `dept/`),
    /// plus a `status/` folder whose one file is not a JWS.
    func folder(nextUpdate: String = "2026-01-31") throws -> URL {
        let dir = try StaleRegistryTests().folder(nextUpdate: nextUpdate)
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("status"), withIntermediateDirectories: true)
        try "abc.def".write(to: dir.appendingPathComponent("status/x.jwt"), atomically: true, encoding: .utf8)
        return dir
    }

    /// The stderr lines that start with `warning: `, without it.
    func printedWarnings(_ result: CLI.Result) -> [String] {
        result.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: ") }.map {
            String($0.dropFirst("warning: ".count))
        }
    }

    /// The `warnings` member of `report`, `nil` when it is missing or not an array of strings.
    func warnings(in report: JSONValue) -> [String]? {
        guard let array = report["warnings"]?.arrayValue else { return nil }
        let strings = array.compactMap(\.stringValue)
        return strings.count == array.count ? strings : nil
    }

    @Test("check --format json lists the stale registry, the unusable status file and the skipped wallet file")
    func check() throws {
        let dir = try folder()
        let wallet = dir.appendingPathComponent("w")
        try FileManager.default.createDirectory(at: wallet, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: dir.appendingPathComponent("vc.json"), to: wallet.appendingPathComponent("vc.json"))
        try "{\"a\": 1}".write(to: wallet.appendingPathComponent("junk.json"), atomically: true, encoding: .utf8)
        let result = try CLI.run(
            [
                "check", "--rules", "rules.json", "--registry", "registry.json", "--status-dir", "status", "--wallet",
                "w", "--format", "json",
            ], in: dir)
        #expect(result.status == 1, "\(result.stderr)")
        let report = try JSONParser.parse(result.stdout)
        #expect(report["requirements"]?.arrayValue?.isEmpty == false, "\(result.stdout)")
        let listed = try #require(warnings(in: report), "\(result.stdout)")
        #expect(listed == printedWarnings(result), "\(result.stderr)")
        #expect(listed.count == 3, "\(listed)")
        #expect(listed.first?.hasPrefix("registry.json: the registry is stale") == true)
        #expect(listed.dropFirst().first?.hasPrefix("status/x.jwt: ") == true)
        #expect(
            listed.last
                == "w/junk.json: not a credential: its \"type\" does not list VerifiableCredential; not counted")
    }

    @Test("check --format json has an empty warnings array when nothing was warned about")
    func checkWithoutWarnings() throws {
        let dir = try StaleRegistryTests().folder(nextUpdate: "2099-01-01")
        let result = try CLI.run(
            ["check", "--rules", "rules.json", "--registry", "registry.json", "--format", "json", "vc.json"], in: dir)
        #expect(result.status != 2, "\(result.stderr)")
        #expect(printedWarnings(result).isEmpty, "\(result.stderr)")
        #expect(warnings(in: try JSONParser.parse(result.stdout)) == [], "\(result.stdout)")
        // One final newline, as every JSON report ends (not a blank line after it).
        #expect(result.stdout.hasSuffix("}\n") && !result.stdout.hasSuffix("\n\n"), "\(result.stdout.suffix(8))")
    }

    @Test("report --format json lists the stale registry and the unusable status file; none: an empty array")
    func report() throws {
        let dir = try folder()
        let arguments = [
            "report", "--rules", "rules.json", "--registry", "registry.json", "--out", "report.json", "dept",
        ]
        let result = try CLI.run(arguments + ["--status-dir", "status"], in: dir)
        #expect(result.status != 2, "\(result.stderr)")
        let report = try JSONParser.parse(
            String(contentsOf: dir.appendingPathComponent("report.json"), encoding: .utf8))
        let listed = try #require(warnings(in: report))
        #expect(listed == printedWarnings(result), "\(result.stderr)")
        #expect(listed.count == 2, "\(listed)")
        #expect(listed.first?.hasPrefix("registry.json: the registry is stale") == true)
        #expect(listed.last?.hasPrefix("status/x.jwt: ") == true)

        let fresh = try folder(nextUpdate: "2099-01-01")
        let quiet = try CLI.run(arguments, in: fresh)
        #expect(quiet.status != 2, "\(quiet.stderr)")
        #expect(printedWarnings(quiet).isEmpty, "\(quiet.stderr)")
        let quietReport = try JSONParser.parse(
            String(contentsOf: fresh.appendingPathComponent("report.json"), encoding: .utf8))
        #expect(warnings(in: quietReport) == [])
    }

    @Test("report's HTML shows the same warnings in a Warnings section")
    func reportHTML() throws {
        let dir = try folder()
        let result = try CLI.run(
            [
                "report", "--rules", "rules.json", "--registry", "registry.json", "--status-dir", "status", "--out",
                "report.html", "dept",
            ], in: dir)
        #expect(result.status != 2, "\(result.stderr)")
        let html = try String(contentsOf: dir.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<h2>Warnings</h2>"))
        // The warnings are plain text here: escaping them as HTML changes only these characters.
        let escapes = [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;")]
        for warning in printedWarnings(result) {
            let escaped = escapes.reduce(warning) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
            #expect(html.contains("<li>\(escaped)</li>"), "\(warning)")
        }
        #expect(printedWarnings(result).count == 2, "\(result.stderr)")
    }

    @Test("wallet list --format json lists each skipped wallet file; none: an empty array")
    func walletList() throws {
        let s = try RegistryWalletVerifyCommandTests().setup()
        #expect(try s.run(["wallet", "import", "--wallet", "w", "vc.json"]).status == 0)
        let arguments = ["wallet", "list", "--wallet", "w", "--format", "json"]
        let clean = try s.run(arguments)
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(warnings(in: try JSONParser.parse(clean.stdout)) == [], "\(clean.stdout)")

        try s.write("{\"a\": 1}", to: "w/junk.json")
        try s.write("[1]", to: "w/list.json")
        let result = try s.run(arguments)
        #expect(result.status == 1, "\(result.stderr)")
        let report = try JSONParser.parse(result.stdout)
        #expect(report["credentials"]?.arrayValue?.count == 1, "\(result.stdout)")
        let listed = try #require(warnings(in: report), "\(result.stdout)")
        #expect(listed == printedWarnings(result), "\(result.stderr)")
        #expect(
            listed == [
                "w/junk.json: not a credential: its \"type\" does not list VerifiableCredential",
                "w/list.json: not a credential: expected a JSON object, found an array",
            ])
    }
}
