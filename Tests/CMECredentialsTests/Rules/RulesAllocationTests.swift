import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

/// Allocation semantics on small inline rule sets, determinism over shuffled input, and the JSON rendering.
@Suite("Rules: allocation, determinism and JSON")
struct RulesAllocationTests {
    typealias F = RuleFixtures

    static func rules(_ requirements: String, extra: String = "") throws -> RuleSet {
        try RuleSet(
            json: try JSONParser.parse(
                """
                {"format": "cme-rules/1", "id": "X", "title": "T", "jurisdiction": "US-XX", \(extra)
                 "sources": [{"url": "https://example.org", "retrieved": "2026-01-01", "confidence": "high"}],
                 "cycle": {"kind": "fixed", "lengthMonths": 24, "start": "2025-01-01"},
                 "creditTypes": {"cat1": ["AMA_PRA_CAT1"], "any": ["AMA_PRA_CAT1", "AMA_PRA_CAT2"]},
                 "requirements": [\(requirements)]}
                """))
    }

    static func evaluate(_ rules: RuleSet, _ credits: [VerifiedCredit]) throws -> ComplianceResult {
        ComplianceEvaluator(ruleSet: rules).evaluate(
            verified: credits, facts: try F.facts(license: "2000-01-01", asOf: "2026-12-31"))
    }

    @Test func nestedRequirementCountsOnlyWhatItsParentCounted() throws {
        let rules = try Self.rules(
            """
            {"id": "pain", "kind": "min", "amount": 3, "credit": "cat1", "topics": ["pain-management", "opioid-prescribing"]},
            {"id": "opioids", "kind": "min", "amount": 1, "topics": ["opioid-prescribing"], "within": "pain"}
            """)
        let credits = [try F.credit("cat2-opioids", "2025-05-01", cat2: 1, topics: [("opioid-prescribing", 1)])]
        let result = try Self.evaluate(rules, credits)
        #expect(result.result("pain")?.counted == 0)
        #expect(try F.state(result, "opioids") == .unmet)
    }

    @Test func perCalendarYearCap() throws {
        let rules = try Self.rules(
            """
            {"id": "total", "kind": "min", "amount": 100, "credit": "any"},
            {"id": "yearly", "kind": "perPeriodMax", "amount": 60, "period": "calendarYear"}
            """)
        let credits = [
            try F.credit("a", "2025-03-01", cat1: 40), try F.credit("b", "2025-09-01", cat1: 30),
            try F.credit("c", "2026-02-01", cat1: 40),
        ]
        let result = try Self.evaluate(rules, credits)
        #expect(try F.amounts(result, "total") == ["a": 40, "b": 20, "c": 40])
        #expect(try F.state(result, "total") == .met)
        #expect(
            result.result("yearly")?.explanation == "at most 60 per calendar year counts; 10 over the cap did not count"
        )
    }

    @Test func withoutDoubleCountingTopicHoursAreUsedOnce() throws {
        let requirements = """
            {"id": "a", "kind": "min", "amount": 2, "topics": ["medical-ethics"]},
            {"id": "b", "kind": "min", "amount": 2, "topics": ["patient-safety"]}
            """
        let credits = [
            try F.credit("x", "2025-05-01", cat1: 2, topics: [("medical-ethics", 2), ("patient-safety", 2)])
        ]
        let shared = try Self.evaluate(try Self.rules(requirements), credits)
        #expect(try F.state(shared, "b") == .met)
        let separate = try Self.evaluate(
            try Self.rules(requirements, extra: #""allowDoubleCounting": false,"#), credits)
        #expect(try F.state(separate, "a") == .met)
        #expect(try F.state(separate, "b") == .unmet)
    }

    @Test func creditsAfterTheAsOfDateDoNotCount() throws {
        let rules = try Self.rules(#"{"id": "total", "kind": "min", "amount": 10}"#)
        let credits = [try F.credit("future", "2026-06-02", cat1: 10)]
        let result = ComplianceEvaluator(ruleSet: rules).evaluate(
            verified: credits, facts: try F.facts(asOf: "2026-06-01"))
        #expect(try F.state(result, "total") == .unmet)
    }

    /// A fixed-seed generator, so the shuffles are the same on every run.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    @Test(arguments: ["pennsylvania", "michigan"])
    func shuffledInputGivesTheSameResult(_ name: String) throws {
        var credits: [VerifiedCredit] = []
        for index in 0..<30 {
            let day = String(index % 28 + 1)
            let date = "2025-0\(index % 9 + 1)-" + (day.count == 1 ? "0" + day : day)
            credits.append(
                try F.credit(
                    "urn:c:\(index % 7)-\(index)", date, cat1: Decimal(index % 5 + 1),
                    topics: [
                        ("patient-safety", Decimal(index % 3)), ("opioid-prescribing", 1),
                        ("controlled-substance-prescribing", Decimal(index % 2)), ("child-abuse-recognition", 1),
                    ],
                    approvals: index % 4 == 0 ? ["US-PA-DHS"] : []))
        }
        let facts = try F.facts(
            ["prescriberOrDispenser": "true"], renewal: "2026-06-30", license: "2001-01-01", asOf: "2026-06-30")
        let reference = JSONSerializer.string(try F.evaluate(name, credits, facts: facts).json)
        var generator = SeededGenerator(state: 42)
        for _ in 0..<5 {
            credits.shuffle(using: &generator)
            #expect(JSONSerializer.string(try F.evaluate(name, credits, facts: facts).json) == reference)
        }
    }

    @Test func resultRendersAsJSON() throws {
        let credits = [try F.credit("c1", "2025-03-01", cat1: 30, topics: [("patient-safety", 12)])]
        let facts = try F.facts(
            ["prescriberOrDispenser": "false"], renewal: "2026-12-31", license: "2010-05-01", asOf: "2026-12-31")
        let result = try F.evaluate(
            "pennsylvania", credits, notCounted: [NotCountedCredential(id: "r1", reason: "revoked")], facts: facts)
        let json = result.json
        #expect(json["ruleSet"] == "US-PA-MD")
        #expect(json["allMet"] == false)
        #expect(json["cycle"]?["start"] == "2025-01-01")
        #expect(json["notCounted"]?.arrayValue?.first?["reason"] == "revoked")
        let total = try #require(json["requirements"]?.arrayValue?.first)
        #expect(total["state"] == "unmet")
        #expect(total["shortfall"] == 70)
        #expect(total["contributions"]?.arrayValue?.first?["credential"] == "c1")
        #expect(total["sources"]?.arrayValue?.first?["confidence"] == "high")
        let safety = try #require(json["requirements"]?.arrayValue?[2])
        #expect(safety["state"] == "met")
        #expect(json["requirements"]?.arrayValue?[4]["state"] == "notApplicable")
    }
}
