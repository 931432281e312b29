import CMECredentials
import Foundation
import Testing

/// California: birth-month cycle, one-time pain management by the second renewal or four years, specialty
/// exemption, geriatrics percentage, first-cycle proration.
@Suite("Rules: California")
struct RulesCaliforniaTests {
    typealias F = RuleFixtures

    static func facts(_ extra: [String: String] = ["specialty": "cardiology"], license: String? = "2015-01-10")
        throws -> PhysicianFacts
    {
        try F.facts(extra, renewal: "2027-01-31", license: license, asOf: "2027-01-20")
    }

    @Test func oneTimePainHoursFromAnEarlierCycleStillCount() throws {
        let credits = [
            try F.credit(
                "pain-2019", "2019-05-01", cat1: 12, topics: [("pain-management", 8), ("end-of-life-care", 4)]),
            try F.credit("general", "2025-06-01", cat1: 50),
        ]
        let result = try F.evaluate("california", credits, facts: try Self.facts())
        #expect(try F.state(result, "pain-management") == .met)
        #expect(try F.amounts(result, "pain-management") == ["pain-2019": 12])
        #expect(try F.amounts(result, "total") == ["general": 50])
        #expect(result.allMet)
    }

    @Test func unmetOneTimeRequirementNamesTheLaterDeadline() throws {
        let credits = [
            try F.credit("general", "2025-06-01", cat1: 50),
            try F.credit("pain", "2025-07-01", cat1: 3, topics: [("pain-management", 3)]),
        ]
        let result = try F.evaluate("california", credits, facts: try Self.facts(license: "2025-03-01"))
        let pain = try #require(result.result("pain-management"))
        #expect(pain.state == .unmet)
        #expect(pain.shortfall == 9)
        #expect(pain.deadline == (try F.date("2029-03-01")))
        #expect(
            pain.explanation
                == "needs 9 more hours of pain management and the treatment of terminally ill and dying patients by 2029-03-01"
        )
    }

    @Test func radiologistsAreExemptFromPainHours() throws {
        let credits = [try F.credit("general", "2025-06-01", cat1: 50)]
        let result = try F.evaluate("california", credits, facts: try Self.facts(["specialty": "radiology"]))
        #expect(try F.state(result, "pain-management") == .notApplicable)
        #expect(result.allMet)
    }

    @Test func unknownSpecialtyWithoutPainHoursIsUnknown() throws {
        let credits = [try F.credit("general", "2025-06-01", cat1: 50)]
        let result = try F.evaluate("california", credits, facts: try Self.facts([:]))
        let pain = try #require(result.result("pain-management"))
        #expect(pain.state == .unknown)
        #expect(pain.missingFacts == ["specialty"])
        #expect(try F.state(result, "geriatrics") == .unknown)
    }

    @Test func geriatricsIsTwentyPercentOfTheRequiredTotal() throws {
        let facts = try Self.facts(["specialty": "internal-medicine", "patientsOver65Percent": "40"])
        let credits = [
            try F.credit("general", "2025-06-01", cat1: 50, topics: [("geriatrics", 6)]),
            try F.credit("pain", "2016-01-01", cat1: 12, topics: [("pain-management", 12)]),
        ]
        let result = try F.evaluate("california", credits, facts: facts)
        let geriatrics = try #require(result.result("geriatrics"))
        #expect(geriatrics.required == 10)
        #expect(geriatrics.state == .unmet)
        #expect(geriatrics.shortfall == 4)
        let younger = try F.evaluate(
            "california", credits,
            facts: try Self.facts(["specialty": "internal-medicine", "patientsOver65Percent": "10"]))
        #expect(try F.state(younger, "geriatrics") == .notApplicable)
    }

    @Test func cycleFromBirthDateWhenNoRenewalDateIsGiven() throws {
        let facts = try F.facts(
            ["birthDate": "1980-01-15", "specialty": "radiology"], license: "2010-01-01", asOf: "2026-06-01")
        let result = try F.evaluate("california", [], facts: facts)
        #expect(result.cycle?.end == (try F.date("2028-01-31")))
        #expect(result.cycle?.start == (try F.date("2026-02-01")))
    }

    @Test func noRenewalOrBirthDateLeavesTheTotalUnknown() throws {
        let facts = try F.facts(["specialty": "radiology"], license: "2010-01-01", asOf: "2026-06-01")
        let result = try F.evaluate("california", [try F.credit("general", "2025-06-01", cat1: 50)], facts: facts)
        let total = try #require(result.result("total"))
        #expect(total.state == .unknown)
        #expect(total.missingFacts == ["renewalDate or birthDate"])
    }

    @Test func firstCycleUnderThirteenMonthsIsProrated() throws {
        let credits = [try F.credit("general", "2026-08-01", cat1: 25)]
        let result = try F.evaluate(
            "california", credits, facts: try Self.facts(["specialty": "radiology"], license: "2026-06-01"))
        #expect(result.result("total")?.required == 25)
        #expect(try F.state(result, "total") == .met)
    }
}
