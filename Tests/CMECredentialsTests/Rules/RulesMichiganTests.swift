import CMECredentials
import Foundation
import Testing

/// Michigan: three-year cycle, nested minimum (controlled-substance hours within the pain hours), phased-in
/// implicit bias, one-time trainings outside the total.
@Suite("Rules: Michigan")
struct RulesMichiganTests {
    typealias F = RuleFixtures

    static func facts(renewal: String = "2026-06-30", _ extra: [String: String] = ["prescriberOrDispenser": "true"])
        throws -> PhysicianFacts
    {
        try F.facts(extra, renewal: renewal, license: "2005-07-01", asOf: "2026-06-01")
    }

    static func compliant() throws -> [VerifiedCredit] {
        [
            try F.credit("c1", "2023-09-01", cat1: 80, topics: [("medical-ethics", 1), ("implicit-bias", 3)]),
            try F.credit("c2", "2024-02-01", cat2: 70),
            try F.credit(
                "c3", "2024-05-01", cat1: 3, topics: [("pain-management", 2), ("controlled-substance-prescribing", 1)]),
            try F.credit("trafficking", "2019-04-01", cat1: 1, topics: [("human-trafficking", 1)]),
            try F.credit("awareness", "2018-04-01", cat1: 1, topics: [("opioid-prescribing", 1)]),
        ]
    }

    @Test func allMet() throws {
        let result = try F.evaluate("michigan", try Self.compliant(), facts: try Self.facts())
        #expect(result.cycle?.start == (try F.date("2023-07-01")))
        #expect(result.allMet)
        #expect(try F.amounts(result, "pain-controlled-substances") == ["c3": 1])
        #expect(result.result("implicit-bias")?.required == 3)
    }

    @Test func nestedMinimumIsUnmetWhenParentHoursLackTheSubtopic() throws {
        var credits = try Self.compliant().filter { $0.id != "c3" && $0.id != "awareness" }
        credits.append(try F.credit("pain-only", "2024-05-01", cat1: 3, topics: [("pain-management", 3)]))
        let result = try F.evaluate("michigan", credits, facts: try Self.facts(["prescriberOrDispenser": "false"]))
        #expect(try F.state(result, "pain") == .met)
        let nested = try #require(result.result("pain-controlled-substances"))
        #expect(nested.state == .unmet)
        #expect(nested.explanation == "needs 1 more hour of controlled substance prescribing by 2026-06-30")
    }

    @Test func nestedHoursCountTowardBothParentAndChild() throws {
        var credits = try Self.compliant().filter { $0.id != "c3" && $0.id != "awareness" }
        credits.append(
            try F.credit("cs-only", "2024-03-01", cat1: 1, topics: [("controlled-substance-prescribing", 1)]))
        credits.append(try F.credit("pain-only", "2024-05-01", cat1: 2, topics: [("pain-management", 2)]))
        let result = try F.evaluate("michigan", credits, facts: try Self.facts(["prescriberOrDispenser": "false"]))
        #expect(try F.amounts(result, "pain") == ["cs-only": 1, "pain-only": 2])
        #expect(try F.amounts(result, "pain-controlled-substances") == ["cs-only": 1])
        #expect(try F.state(result, "pain") == .met)
        #expect(try F.state(result, "pain-controlled-substances") == .met)
    }

    @Test func oneTimeTrainingsDoNotCountTowardTheTotal() throws {
        let credits = [try F.credit("trafficking", "2024-04-01", cat1: 1, topics: [("human-trafficking", nil)])]
        let result = try F.evaluate("michigan", credits, facts: try Self.facts())
        #expect(try F.state(result, "human-trafficking") == .met)
        #expect(result.result("total")?.counted == 0)
        #expect(result.result("cat1")?.counted == 1)
    }

    @Test func implicitBiasIsPhasedIn() throws {
        let early = try F.evaluate("michigan", try Self.compliant(), facts: try Self.facts(renewal: "2023-01-31"))
        #expect(early.result("implicit-bias")?.required == 1)
        let before = try F.evaluate("michigan", try Self.compliant(), facts: try Self.facts(renewal: "2022-03-31"))
        #expect(try F.state(before, "implicit-bias") == .notApplicable)
    }

    @Test func creditsOnTheCycleBoundaries() throws {
        let credits = [
            try F.credit("day-before", "2023-06-30", cat1: 75),
            try F.credit("first-day", "2023-07-01", cat1: 75),
            try F.credit("last-day", "2026-06-30", cat1: 75),
        ]
        let facts = try F.facts(
            ["prescriberOrDispenser": "false"], renewal: "2026-06-30", license: "2005-07-01", asOf: "2026-06-30")
        let result = try F.evaluate("michigan", credits, facts: facts)
        #expect(try F.amounts(result, "total") == ["first-day": 75, "last-day": 75])
        #expect(try F.state(result, "total") == .met)
    }
}
