import CMECredentials
import Foundation
import Testing

/// Pennsylvania: fixed Jan 1 odd – Dec 31 even cycle, category minimum, non-overlapping topic pools,
/// approval authority, initial-license amounts.
@Suite("Rules: Pennsylvania")
struct RulesPennsylvaniaTests {
    typealias F = RuleFixtures

    static func facts(_ extra: [String: String] = ["prescriberOrDispenser": "true"], license: String = "2010-05-01")
        throws -> PhysicianFacts
    {
        try F.facts(extra, renewal: "2026-12-31", license: license, asOf: "2026-12-31")
    }

    static func compliant() throws -> [VerifiedCredit] {
        [
            try F.credit("c1", "2025-03-01", cat1: 30, topics: [("patient-safety", 12)]),
            try F.credit(
                "c2", "2025-06-01", cat1: 2, topics: [("child-abuse-recognition", 2)], approvals: ["US-PA-DHS"]),
            try F.credit("c3", "2025-09-01", cat1: 2, topics: [("opioid-prescribing", 2)]),
            try F.credit("c4", "2026-05-01", cat2: 66),
        ]
    }

    @Test func allMetWithEnoughCredits() throws {
        let result = try F.evaluate("pennsylvania", try Self.compliant(), facts: try Self.facts())
        #expect(result.allMet)
        #expect(result.cycle?.start == (try F.date("2025-01-01")))
        #expect(result.cycle?.end == (try F.date("2026-12-31")))
        #expect(result.result("total")?.counted == 100)
        #expect(result.result("cat1")?.counted == 34)
    }

    @Test func totalShortfallIsStatedInWords() throws {
        let credits = try Self.compliant().filter { $0.id != "c4" }
        let result = try F.evaluate("pennsylvania", credits, facts: try Self.facts())
        let total = try #require(result.result("total"))
        #expect(total.state == .unmet)
        #expect(total.shortfall == 66)
        #expect(total.explanation == "needs 66 more credits of CME by 2026-12-31")
        #expect(!result.allMet)
    }

    @Test func creditsOnTheCycleBoundariesCountAndOutsideDoNot() throws {
        let credits = [
            try F.credit("before", "2024-12-31", cat1: 50),
            try F.credit("first-day", "2025-01-01", cat1: 50),
            try F.credit("last-day", "2026-12-31", cat1: 50),
            try F.credit("after", "2027-01-01", cat1: 50),
        ]
        let facts = try F.facts(
            ["prescriberOrDispenser": "false"], renewal: "2026-12-31", license: "2010-05-01", asOf: "2027-02-01")
        let result = try F.evaluate("pennsylvania", credits, facts: facts)
        #expect(try F.amounts(result, "total") == ["first-day": 50, "last-day": 50])
        #expect(try F.state(result, "total") == .met)
    }

    @Test func topicHoursInTwoNonOverlappingRequirementsAreSplit() throws {
        let credits = [
            try F.credit("both", "2025-02-01", cat1: 3, topics: [("patient-safety", 3), ("opioid-prescribing", 2)]),
            try F.credit("safety", "2025-04-01", cat1: 11, topics: [("patient-safety", 11)]),
        ]
        let result = try F.evaluate("pennsylvania", credits, facts: try Self.facts())
        #expect(try F.amounts(result, "opioids") == ["both": 2])
        #expect(try F.amounts(result, "patient-safety") == ["both": 1, "safety": 11])
        #expect(try F.state(result, "patient-safety") == .met)
        #expect(try F.state(result, "opioids") == .met)
    }

    @Test func exclusiveRequirementPrefersUncontestedHours() throws {
        let credits = [
            try F.credit("both", "2025-02-01", cat1: 3, topics: [("patient-safety", 3), ("opioid-prescribing", 2)]),
            try F.credit("opioid-only", "2025-08-01", cat1: 2, topics: [("opioid-prescribing", 2)]),
            try F.credit("safety", "2025-04-01", cat1: 9, topics: [("patient-safety", 9)]),
        ]
        let result = try F.evaluate("pennsylvania", credits, facts: try Self.facts())
        #expect(try F.amounts(result, "opioids") == ["opioid-only": 2])
        #expect(try F.amounts(result, "patient-safety") == ["both": 3, "safety": 9])
        #expect(try F.state(result, "patient-safety") == .met)
    }

    @Test func revokedCredentialIsListedAndNeverCounted() throws {
        let credits = try Self.compliant().filter { $0.id != "c2" }
        let revoked = NotCountedCredential(id: "c2", reason: "revoked")
        let result = try F.evaluate("pennsylvania", credits, notCounted: [revoked], facts: try Self.facts())
        #expect(try F.state(result, "child-abuse") == .unmet)
        #expect(result.notCounted == [revoked])
        #expect(result.requirements.allSatisfy { !$0.contributions.contains { $0.credentialID == "c2" } })
    }

    @Test func childAbuseNeedsTheApprovingBody() throws {
        var credits = try Self.compliant()
        credits[1].approvals = []
        let result = try F.evaluate("pennsylvania", credits, facts: try Self.facts())
        #expect(try F.state(result, "child-abuse") == .unmet)
    }

    @Test func missingPrescriberFactIsUnknownNotUnmet() throws {
        let credits = try Self.compliant().filter { $0.id != "c3" }
        let result = try F.evaluate("pennsylvania", credits, facts: try Self.facts([:]))
        let opioids = try #require(result.result("opioids"))
        #expect(opioids.state == .unknown)
        #expect(opioids.missingFacts == ["prescriberOrDispenser"])
        #expect(!result.allMet)
    }

    @Test func nonPrescriberDoesNotNeedOpioidHours() throws {
        let credits = try Self.compliant().filter { $0.id != "c3" }
        let result = try F.evaluate("pennsylvania", credits, facts: try Self.facts(["prescriberOrDispenser": "false"]))
        #expect(try F.state(result, "opioids") == .notApplicable)
    }

    @Test func initialLicenseRaisesAmountsAndDeadline() throws {
        let facts = try Self.facts(license: "2025-06-01")
        let result = try F.evaluate("pennsylvania", try Self.compliant(), facts: facts)
        #expect(result.renewalNumber == 1)
        #expect(result.result("child-abuse")?.required == 3)
        let opioids = try #require(result.result("opioids"))
        #expect(opioids.required == 4)
        #expect(opioids.deadline == (try F.date("2026-06-01")))
        #expect(
            opioids.explanation
                == "needs 2 more hours of pain management, addiction or opioid prescribing by 2026-06-01")
    }

    @Test func excludedTopicsNeverCount() throws {
        let credits = [try F.credit("office", "2025-03-01", cat1: 10, topics: [("office-management", nil)])]
        let result = try F.evaluate("pennsylvania", credits, facts: try Self.facts())
        #expect(result.result("total")?.counted == 0)
    }
}
