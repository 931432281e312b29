import Foundation
import Testing
import VerifiableCredentials

/// End-to-end tests of `cmevc check`, running the built binary against a signed registry and credentials.
@Suite("cmevc check")
struct CheckCommandTests {
    typealias Setup = RegistryWalletVerifyCommandTests.Setup

    /// A rule set needing `amount` hours of Category 1 in the 2025–2026 cycle, optionally only for prescribers.
    static func rules(amount: String, appliesIf: String? = nil) -> String {
        let condition = appliesIf.map { ", \"appliesIf\": {\"fact\": \"\($0)\", \"equals\": true}" } ?? ""
        return """
            {"format": "cme-rules/1", "id": "US-XX-TEST", "title": "Test Board", "jurisdiction": "US-XX",
             "sources": [{"url": "https://example.org/rules", "retrieved": "2026-01-01", "confidence": "high"}],
             "cycle": {"kind": "fixed", "lengthMonths": 24, "start": "2025-01-01"},
             "creditTypes": {"cat1": ["AMA_PRA_CAT1"]},
             "requirements": [{"id": "cat1", "title": "Category 1", "kind": "min", "amount": \(amount), "credit": "cat1"\(condition)}]}
            """
    }

    /// A signed CME credential (3.25 hours of Category 1, completed 2026-03-02) with a revocation entry.
    static func credential(_ s: Setup, id: String, statusIndex: Int) -> String {
        """
        {"@context":["https://www.w3.org/ns/credentials/v2"],"id":"\(id)","type":["VerifiableCredential"],
         "issuer":{"id":"\(s.issuer)","name":"Example Hospital"},"validFrom":"2026-03-02T00:00:00Z",
         "credentialSubject":{"id":"\(s.physician)","creditsEarned":3.25,
           "achievement":{"id":"https://cme.example.org/activities/17","name":"Safe Opioid Prescribing",
             "resultDescription":[{"id":"urn:rd:\(id)","creditType":"AMA_PRA_CAT1"}]},
           "result":[{"resultDescription":"urn:rd:\(id)","value":"3.25"}]},
         "credentialStatus":{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"\(statusIndex)","statusListCredential":"\(Setup.listID)"}}
        """
    }

    func setup(revoked: [Int] = []) throws -> Setup {
        let s = try RegistryWalletVerifyCommandTests().setup()
        try s.issue(Self.credential(s, id: "urn:uuid:cme-1", statusIndex: 7), as: "cme.json")
        try s.statusList(revoked: revoked)
        return s
    }

    func check(_ s: Setup, _ extra: [String]) throws -> CLI.Result {
        try s.run(
            [
                "check", "--rules", "rules.json", "--registry", "registry.json", "--status-dir", "status", "--as-of",
                "2026-12-31",
            ] + extra + ["cme.json"])
    }

    @Test("met: exit 0, the requirement names the credential that counted and how much")
    func met() throws {
        let s = try setup()
        try s.write(Self.rules(amount: "3"), to: "rules.json")
        let result = try check(s, [])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("MET"))
        #expect(result.stdout.contains("urn:uuid:cme-1: 3.25"))
        let json = try check(s, ["--format", "json"])
        #expect(json.status == 0)
        let object = try JSONParser.parse(json.stdout)
        #expect(object["allMet"]?.boolValue == true)
        #expect(
            object["requirements"]?.asArray.first?["contributions"]?.asArray.first?["credential"]?.stringValue
                == "urn:uuid:cme-1")
    }

    @Test("unmet: exit 1 with the shortfall in words")
    func unmet() throws {
        let s = try setup()
        try s.write(Self.rules(amount: "5"), to: "rules.json")
        let result = try check(s, [])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("UNMET"))
        #expect(result.stdout.contains("needs 1.75 more"))
    }

    @Test("a revoked credential that would have met the requirement: not counted, with the reason; exit 1")
    func revoked() throws {
        let s = try setup(revoked: [7])
        try s.write(Self.rules(amount: "3"), to: "rules.json")
        let result = try check(s, [])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("not counted:"))
        #expect(result.stdout.contains("urn:uuid:cme-1: status: revoked"))
        let json = try JSONParser.parse(try check(s, ["--format", "json"]).stdout)
        #expect(json["requirements"]?.asArray.first?["counted"]?.numberValue == 0)
        #expect(json["notCounted"]?.asArray.first?["credential"]?.stringValue == "urn:uuid:cme-1")
    }

    @Test("a missing fact: unknown (never unmet) and exit 1; given the fact: not applicable and exit 0")
    func missingFact() throws {
        let s = try setup()
        try s.write(Self.rules(amount: "5", appliesIf: "prescriber"), to: "rules.json")
        let unknown = try check(s, [])
        #expect(unknown.status == 1, "\(unknown.stdout)\(unknown.stderr)")
        #expect(unknown.stdout.contains("UNKNOWN"))
        #expect(unknown.stdout.contains("prescriber"))
        #expect(!unknown.stdout.contains("UNMET"))
        let known = try check(s, ["--fact", "prescriber=false"])
        #expect(known.status == 0, "\(known.stdout)\(known.stderr)")
        #expect(known.stdout.contains("N/A"))
    }

    @Test("a bad rules file: exit 2 naming the file and the JSON Pointer")
    func badRules() throws {
        let s = try setup()
        try s.write(Self.rules(amount: "\"three\""), to: "rules.json")
        let result = try check(s, [])
        #expect(result.status == 2)
        #expect(result.stderr.contains("rules.json: /requirements/0"), "\(result.stderr)")
    }

    @Test(
        "usage errors exit 64",
        arguments: [
            ["check", "--registry", "registry.json", "cme.json"],
            ["check", "--rules", "rules.json", "--registry", "registry.json"],
            ["check", "--rules", "rules.json", "--registry", "registry.json", "--wallet", "w", "cme.json"],
            ["check", "--rules", "rules.json", "--registry", "registry.json", "--fact", "novalue", "cme.json"],
            ["check", "--rules", "rules.json", "--registry", "registry.json", "--as-of", "2026-13-01", "cme.json"],
        ])
    func usage(arguments: [String]) throws {
        let dir = try CLI.temporaryDirectory()
        let result = try CLI.run(arguments, in: dir)
        #expect(result.status == 64, "\(result.stderr)")
    }
}
