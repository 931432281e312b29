import Foundation
import Testing
import VerifiableCredentials

/// End-to-end tests of `cmevc report`: two physicians' signed presentations in a folder, a signed registry and
/// status list, the built binary writing HTML, CSV and JSON.
@Suite("cmevc report")
struct ReportCommandTests {
    typealias Setup = RegistryWalletVerifyCommandTests.Setup

    static let hostileName = "Dr. Ada <script>alert(1)</script> & Co"

    /// A signed-credential body for `subject` with 3.25 hours of Category 1 and a revocation entry.
    static func credential(_ s: Setup, id: String, subject: String, name: String, statusIndex: Int) -> String {
        """
        {"@context":["https://www.w3.org/ns/credentials/v2"],"id":"\(id)","type":["VerifiableCredential"],
         "issuer":{"id":"\(s.issuer)","name":"Example Hospital"},"validFrom":"2026-03-02T00:00:00Z",
         "credentialSubject":{"id":"\(subject)","name":"\(name.replacingOccurrences(of: "\"", with: "\\\""))",
           "creditsEarned":3.25,
           "achievement":{"id":"https://cme.example.org/activities/\(statusIndex)","name":"Safe Opioid Prescribing",
             "resultDescription":[{"id":"urn:rd:\(id)","creditType":"AMA_PRA_CAT1"}]},
           "result":[{"resultDescription":"urn:rd:\(id)","value":"3.25"}]},
         "credentialStatus":{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"\(statusIndex)","statusListCredential":"\(Setup.listID)"}}
        """
    }

    /// Ada (two credentials, 6.5 hours) and Bob (one, 3.25 hours), each a signed presentation in `dept/`.
    func setup(revoked: [Int] = []) throws -> Setup {
        let s = try RegistryWalletVerifyCommandTests().setup()
        let bob = try RegistryWalletVerifyCommandTests.did("other.pem", in: s.dir)
        try s.issue(
            Self.credential(s, id: "urn:uuid:a1", subject: s.physician, name: Self.hostileName, statusIndex: 7),
            as: "a1.json")
        try s.issue(
            Self.credential(s, id: "urn:uuid:a2", subject: s.physician, name: Self.hostileName, statusIndex: 8),
            as: "a2.json")
        try s.issue(Self.credential(s, id: "urn:uuid:b1", subject: bob, name: "Dr. Bob", statusIndex: 9), as: "b1.json")
        try s.statusList(revoked: revoked)
        try FileManager.default.createDirectory(
            at: s.dir.appendingPathComponent("dept"), withIntermediateDirectories: true)
        for (wallet, files, key, out) in [
            ("wa", ["a1.json", "a2.json"], "physician.pem", "dept/ada.json"),
            ("wb", ["b1.json"], "other.pem", "dept/bob.json"),
        ] {
            let imported = try s.run(["wallet", "import", "--wallet", wallet] + files)
            #expect(imported.status == 0, "\(imported.stderr)")
            let present = try s.run([
                "present", "--wallet", wallet, "--key", key, "--challenge", "c", "--domain", "d", "--out", out,
            ])
            #expect(present.status == 0, "\(present.stderr)")
        }
        return s
    }

    func report(_ s: Setup, out: String, _ extra: [String] = []) throws -> CLI.Result {
        try s.run(
            [
                "report", "--rules", "rules.json", "--registry", "registry.json", "--registry-key", s.operatorDID,
                "--status-dir", "status", "--as-of", "2026-12-31", "--out", out,
            ] + extra + ["dept"])
    }

    func json(_ s: Setup, _ name: String) throws -> JSONValue { try JSONParser.parse(s.read(name)) }

    @Test("HTML: one self-contained file, names escaped, renders in headless Chromium to a non-blank PNG")
    func html() throws {
        let s = try setup()
        try s.write(CheckCommandTests.rules(amount: "5"), to: "rules.json")
        let result = try report(s, out: "report.html")
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("report.html: 2 physician(s), 1 meeting every requirement"))
        let html = try s.read("report.html")
        #expect(!html.contains("<script"))
        #expect(html.contains("Dr. Ada &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
        #expect(html.contains("needs 1.75 more"))
        #expect(html.contains("<svg"))
        let png = s.dir.appendingPathComponent("report.png")
        try HeadlessChromium.screenshot(s.dir.appendingPathComponent("report.html"), to: png)
        let measured = try HeadlessChromium.measure(png)
        #expect(measured.width == 1200)
        #expect(measured.height == 1600)
        #expect(measured.colours > 16, "the render has \(measured.colours) colours: blank?")
        #expect(measured.inked > 0.01, "only \(measured.inked) of the pixels are not white: blank?")
    }

    @Test("CSV: a header and one row per physician, requirement states, format taken from the extension")
    func csv() throws {
        let s = try setup()
        try s.write(CheckCommandTests.rules(amount: "5"), to: "rules.json")
        let result = try report(s, out: "report.csv")
        #expect(result.status == 1, "\(result.stderr)")
        let lines = try s.read("report.csv").components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("physician,holder,files,verified,notCounted,credits:cat1,cat1,cat1:counted"))
        #expect(lines[1].hasPrefix("Dr. Ada <script>alert(1)</script> & Co,\(s.physician),ada.json,2,0,6.5,met,6.5"))
        #expect(lines[2].hasPrefix("Dr. Bob,"))
        #expect(lines[2].contains(",bob.json,1,0,3.25,unmet,3.25"))
    }

    @Test("JSON: everything met exits 0; --format overrides the extension")
    func jsonAllMet() throws {
        let s = try setup()
        try s.write(CheckCommandTests.rules(amount: "3"), to: "rules.json")
        let result = try report(s, out: "report.txt", ["--format", "json"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let report = try json(s, "report.txt")
        #expect(report["allClear"]?.boolValue == true)
        let physicians = report["physicians"]?.asArray ?? []
        #expect(physicians.map { $0["name"]?.stringValue ?? "" } == [Self.hostileName, "Dr. Bob"])
        #expect(physicians.first?["credits"]?["cat1"]?.numberValue == 6.5)
        #expect(
            physicians.first?["result"]?["requirements"]?.asArray.first?["contributions"]?.asArray.count == 2)
    }

    @Test("a revoked credential is not counted, with the reason; exit 1 even though Bob's hours would suffice")
    func revoked() throws {
        let s = try setup(revoked: [9])
        try s.write(CheckCommandTests.rules(amount: "3"), to: "rules.json")
        let result = try report(s, out: "report.json")
        #expect(result.status == 1, "\(result.stderr)")
        let bob = try #require(json(s, "report.json")["physicians"]?.asArray.last)
        #expect(bob["verified"]?.numberValue == 0)
        #expect(bob["result"]?["notCounted"]?.asArray.first?["credential"]?.stringValue == "urn:uuid:b1")
        #expect(bob["result"]?["notCounted"]?.asArray.first?["reason"]?.stringValue?.hasPrefix("status:") == true)
        #expect(bob["result"]?["requirements"]?.asArray.first?["state"]?.stringValue == "unmet")
    }

    @Test("bad files are reported one line each, listed in the report, and the rest is still reported")
    func badFiles() throws {
        let s = try setup()
        try s.write(CheckCommandTests.rules(amount: "3"), to: "rules.json")
        try s.write("{not json", to: "dept/broken.json")
        try s.write("hello", to: "dept/notes.txt")
        try s.write("{\"facts\": 3}", to: "dept/bob.facts.json")
        try s.write("{\"name\": \"Nobody\"}", to: "dept/nobody.facts.json")
        let result = try report(s, out: "report.json")
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 4, "\(result.stderr)")
        #expect(lines.contains { $0.hasPrefix("nobody.facts.json: a facts file without a presentation") })
        #expect(lines.contains { $0.hasPrefix("broken.json: ") })
        #expect(lines.contains { $0.hasPrefix("notes.txt: ") })
        #expect(lines.contains { $0.contains("bob.facts.json: /facts: expected an object") })
        let written = try json(s, "report.json")
        #expect(written["physicians"]?.asArray.count == 2)
        let problems = written["problems"]?.asArray.compactMap { $0["file"]?.stringValue } ?? []
        #expect(problems.contains("broken.json") && problems.contains("notes.txt"))
        let html = try report(s, out: "report.html")
        #expect(html.status == 1)
        #expect(try s.read("report.html").contains("<code>broken.json</code>"))
    }

    @Test(
        "facts: unknown (never unmet) without them, from a facts file or --fact; a physician's folder is one physician")
    func factsAndFolders() throws {
        let s = try setup()
        try s.write(CheckCommandTests.rules(amount: "5", appliesIf: "prescriber"), to: "rules.json")
        let unknown = try report(s, out: "unknown.json")
        #expect(unknown.status == 1)
        let states = try json(s, "unknown.json")["physicians"]?.asArray.map {
            $0["result"]?["requirements"]?.asArray.first?["state"]?.stringValue ?? ""
        }
        // Ada's 6.5 hours meet the 5 whatever the fact; Bob's 3.25 hours leave it to the fact.
        #expect(states == ["met", "unknown"])
        try s.write("{\"name\": \"Dr. Bob Facts\", \"facts\": {\"prescriber\": false}}", to: "dept/bob.facts.json")
        let mixed = try report(s, out: "mixed.json", ["--fact", "prescriber=true"])
        #expect(mixed.status == 0, "\(mixed.stderr)")
        let physicians = try json(s, "mixed.json")["physicians"]?.asArray ?? []
        #expect(physicians.last?["name"]?.stringValue == "Dr. Bob Facts")
        #expect(physicians.last?["result"]?["requirements"]?.asArray.first?["state"]?.stringValue == "notApplicable")
        #expect(physicians.first?["result"]?["requirements"]?.asArray.first?["state"]?.stringValue == "met")

        let folder = s.dir.appendingPathComponent("dept/carol")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: s.dir.appendingPathComponent("a1.json"), to: folder.appendingPathComponent("one.json"))
        try s.write("{\"name\": \"Dr. Carol\", \"facts\": {\"prescriber\": true}}", to: "dept/carol/facts.json")
        let folders = try report(s, out: "folders.json")
        let carol = try #require(json(s, "folders.json")["physicians"]?.asArray.first { $0["key"] == "carol" })
        #expect(folders.status == 1)
        #expect(carol["name"]?.stringValue == "Dr. Carol")
        #expect(carol["files"]?.asArray.first?.stringValue == "carol/one.json")
        #expect(carol["verified"]?.numberValue == 1)
        #expect(carol["result"]?["requirements"]?.asArray.first?["state"]?.stringValue == "unmet")
    }

    @Test("could not run: exit 2 for a missing folder, bad rules or a registry not signed by --registry-key")
    func couldNotRun() throws {
        let s = try setup()
        try s.write(CheckCommandTests.rules(amount: "3"), to: "rules.json")
        let missing = try s.run([
            "report", "--rules", "rules.json", "--registry", "registry.json", "--out", "r.html", "nowhere",
        ])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nowhere"))
        let wrongKey = try s.run([
            "report", "--rules", "rules.json", "--registry", "registry.json", "--registry-key", s.physician, "--out",
            "r.html", "dept",
        ])
        #expect(wrongKey.status == 2, "\(wrongKey.stderr)")
        try s.write(CheckCommandTests.rules(amount: "\"x\""), to: "rules.json")
        #expect(try report(s, out: "r.html").status == 2)
        #expect(!FileManager.default.fileExists(atPath: s.dir.appendingPathComponent("r.html").path))
    }

    @Test(
        "usage errors exit 64",
        arguments: [
            ["report", "--rules", "r.json", "--registry", "g.json", "dept"],
            ["report", "--rules", "r.json", "--registry", "g.json", "--out", "x.html"],
            ["report", "--rules", "r.json", "--registry", "g.json", "--out", "x", "--format", "pdf", "dept"],
            ["report", "--rules", "r.json", "--registry", "g.json", "--out", "x", "--as-of", "2026-02-30", "dept"],
        ])
    func usage(arguments: [String]) throws {
        let result = try CLI.run(arguments, in: try CLI.temporaryDirectory())
        #expect(result.status == 64, "\(result.stderr)")
    }
}
