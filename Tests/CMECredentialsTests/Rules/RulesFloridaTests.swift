import CMECredentials
import Foundation
import Testing

/// Florida: license-expiry cycle, every-third-biennium domestic violence, first-renewal-only HIV/AIDS,
/// DEA-conditional prescribing hours.
@Suite("Rules: Florida")
struct RulesFloridaTests {
    typealias F = RuleFixtures

    static func facts(license: String?, _ extra: [String: String] = ["deaRegistered": "true"]) throws -> PhysicianFacts
    {
        try F.facts(extra, renewal: "2027-01-31", license: license, asOf: "2027-01-15")
    }

    static func compliant() throws -> [VerifiedCredit] {
        [
            try F.credit("general", "2025-03-01", cat1: 34),
            try F.credit("errors", "2025-05-01", cat1: 2, topics: [("medical-errors", 2)], approvals: ["US-FL-BOM"]),
            try F.credit("cs", "2025-07-01", cat1: 2, topics: [("controlled-substance-prescribing", 2)]),
            try F.credit("dv", "2026-01-10", cat1: 2, topics: [("domestic-violence", 2)]),
            try F.credit("trafficking", "2026-02-10", cat1: 1, topics: [("human-trafficking", 1)]),
        ]
    }

    @Test func thirdRenewalWithAllHoursIsMet() throws {
        let result = try F.evaluate("florida", try Self.compliant(), facts: try Self.facts(license: "2021-03-01"))
        #expect(result.renewalNumber == 3)
        #expect(result.cycle?.start == (try F.date("2025-02-01")))
        #expect(try F.state(result, "domestic-violence") == .met)
        #expect(try F.state(result, "hiv-aids") == .notApplicable)
        #expect(result.result("total")?.counted == 41)
        #expect(result.allMet)
    }

    @Test func domesticViolenceIsDueOnlyEveryThirdRenewal() throws {
        let credits = try Self.compliant().filter { $0.id != "dv" }
        let second = try F.evaluate("florida", credits, facts: try Self.facts(license: "2023-03-01"))
        #expect(second.renewalNumber == 2)
        #expect(try F.state(second, "domestic-violence") == .notApplicable)
        let third = try F.evaluate("florida", credits, facts: try Self.facts(license: "2021-03-01"))
        #expect(try F.state(third, "domestic-violence") == .unmet)
        let sixth = try F.evaluate("florida", credits, facts: try Self.facts(license: "2015-03-01"))
        #expect(sixth.renewalNumber == 6)
        #expect(try F.state(sixth, "domestic-violence") == .unmet)
    }

    @Test func domesticViolenceHoursFromEarlierBienniumsOfTheSixYearsCount() throws {
        var credits = try Self.compliant().filter { $0.id != "dv" }
        credits.append(try F.credit("dv-old", "2021-06-01", cat1: 2, topics: [("domestic-violence", 2)]))
        let result = try F.evaluate("florida", credits, facts: try Self.facts(license: "2021-03-01"))
        #expect(try F.amounts(result, "domestic-violence") == ["dv-old": 2])
        #expect(result.result("domestic-violence")?.window?.start == (try F.date("2021-02-01")))
    }

    @Test func hivIsRequiredAtTheFirstRenewalOnly() throws {
        let first = try F.evaluate("florida", try Self.compliant(), facts: try Self.facts(license: "2025-06-01"))
        #expect(first.renewalNumber == 1)
        let hiv = try #require(first.result("hiv-aids"))
        #expect(hiv.state == .unmet)
        #expect(hiv.explanation == "needs 1 more hour of HIV/AIDS by 2027-01-31")
    }

    @Test func missingLicenseDateMakesCycleCountingRequirementsUnknown() throws {
        let result = try F.evaluate("florida", try Self.compliant(), facts: try Self.facts(license: nil))
        #expect(try F.state(result, "domestic-violence") == .unknown)
        #expect(try F.state(result, "hiv-aids") == .unknown)
        #expect(result.result("hiv-aids")?.missingFacts == ["licenseDate"])
        #expect(try F.state(result, "total") == .met)
    }

    @Test func missingRenewalDateMakesEveryRequirementUnknown() throws {
        let facts = try F.facts(["deaRegistered": "true"], license: "2021-03-01", asOf: "2027-01-15")
        let result = try F.evaluate("florida", try Self.compliant(), facts: facts)
        #expect(result.requirements.allSatisfy { $0.state == .unknown && $0.missingFacts == ["renewalDate"] })
        #expect(result.cycle == nil)
    }

    @Test func controlledSubstanceHoursOnlyForDEARegistrants() throws {
        let credits = try Self.compliant().filter { $0.id != "cs" }
        let registered = try F.evaluate("florida", credits, facts: try Self.facts(license: "2021-03-01"))
        #expect(try F.state(registered, "cs-prescribing") == .unmet)
        let notRegistered = try F.evaluate(
            "florida", credits, facts: try Self.facts(license: "2021-03-01", ["deaRegistered": "false"]))
        #expect(try F.state(notRegistered, "cs-prescribing") == .notApplicable)
    }
}
