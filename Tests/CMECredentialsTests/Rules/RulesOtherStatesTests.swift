import CMECredentials
import Foundation
import Testing

/// Texas, New York, Ohio and the DEA MATE rule: met, unmet and their particular edges.
@Suite("Rules: Texas, New York, Ohio, DEA MATE")
struct RulesOtherStatesTests {
    typealias F = RuleFixtures

    // MARK: Texas

    static func texasFacts(license: String = "2010-01-01", _ extra: [String: String] = ["directPatientCare": "true"])
        throws -> PhysicianFacts
    {
        try F.facts(
            extra.merging(["role": "general"]) { a, _ in a }, renewal: "2026-08-31", license: license,
            asOf: "2026-08-01")
    }

    static func texasCredits() throws -> [VerifiedCredit] {
        [
            try F.credit("formal", "2024-10-01", cat1: 22),
            try F.credit("ethics", "2025-01-10", cat1: 2, topics: [("medical-ethics", 2)]),
            try F.credit("informal", "2025-03-01", cat2: 24),
            try F.credit(
                "trafficking", "2025-04-01", cat1: 1, topics: [("human-trafficking", 1)], approvals: ["US-TX-HHSC"]),
            try F.credit("opioids", "2025-05-01", cat1: 2, topics: [("opioid-prescribing", 2)]),
        ]
    }

    @Test func texasMet() throws {
        let result = try F.evaluate("texas", try Self.texasCredits(), facts: try Self.texasFacts())
        #expect(result.allMet)
        #expect(result.result("total")?.counted == 51)
        #expect(result.result("ethics")?.counted == 3)
    }

    @Test func texasEthicsMustBeFormalCredit() throws {
        let credits =
            try Self.texasCredits().filter { $0.id != "ethics" && $0.id != "trafficking" } + [
                try F.credit("ethics-informal", "2025-01-10", cat2: 2, topics: [("medical-ethics", 2)])
            ]
        let result = try F.evaluate("texas", credits, facts: try Self.texasFacts())
        #expect(try F.state(result, "ethics") == .unmet)
        #expect(try F.state(result, "human-trafficking") == .unmet)
    }

    @Test func texasNewlyLicensedAreExemptAtFirstRegistration() throws {
        let result = try F.evaluate(
            "texas", [], facts: try Self.texasFacts(license: "2025-01-01", ["directPatientCare": "false"]))
        #expect(result.renewalNumber == 1)
        #expect(try F.state(result, "total") == .notApplicable)
        #expect(try F.state(result, "ethics") == .notApplicable)
        #expect(result.allMet)
    }

    @Test func texasOpioidHoursEveryEightYears() throws {
        let credits =
            try Self.texasCredits().filter { $0.id != "opioids" } + [
                try F.credit("opioids-old", "2019-06-01", cat1: 2, topics: [("pain-management", 2)])
            ]
        let result = try F.evaluate("texas", credits, facts: try Self.texasFacts())
        #expect(try F.state(result, "opioids") == .met)
        #expect(try F.state(result, "opioids-initial") == .notApplicable)
        let later = try F.evaluate(
            "texas", credits,
            facts: try F.facts(
                ["directPatientCare": "true", "role": "general"], renewal: "2028-08-31", license: "2010-01-01",
                asOf: "2028-08-01"))
        #expect(try F.state(later, "opioids") == .unmet)
    }

    // MARK: New York

    @Test func newYorkPrescriberEducationNeedsDOHApprovalAndAttestationFact() throws {
        let approved = try F.credit(
            "ny-3h", "2024-03-01", cat1: 3, topics: [("pain-management", 1), ("addiction-identification", 2)],
            approvals: ["US-NY-DOH"])
        let childAbuse = try F.credit("child", "2008-01-01", cat1: 2, topics: [("child-abuse-recognition", 2)])
        let facts = try F.facts(
            ["deaRegistered": "true", "infectionControlTrainingCompleted": "true"], renewal: "2026-03-31",
            license: "2008-01-01", asOf: "2026-03-01")
        let met = try F.evaluate("new-york", [approved, childAbuse], facts: facts)
        #expect(met.allMet)
        var unapproved = approved
        unapproved.approvals = []
        let unmet = try F.evaluate("new-york", [unapproved, childAbuse], facts: facts)
        #expect(try F.state(unmet, "prescriber-education") == .unmet)
        var noAttestation = facts
        noAttestation.facts["infectionControlTrainingCompleted"] = nil
        let unknown = try F.evaluate("new-york", [approved, childAbuse], facts: noAttestation)
        #expect(try F.state(unknown, "infection-control") == .unknown)
        #expect(unknown.result("infection-control")?.missingFacts == ["infectionControlTrainingCompleted"])
        var denied = facts
        denied.facts["infectionControlTrainingCompleted"] = "false"
        #expect(
            try F.state(try F.evaluate("new-york", [approved, childAbuse], facts: denied), "infection-control")
                == .unmet)
    }

    // MARK: Ohio

    @Test func ohioVolunteerHoursAreCappedAtThree() throws {
        let credits = [
            try F.credit("cme", "2025-03-01", cat1: 45, topics: [("duty-to-report", 1)]),
            try F.credit("volunteer", "2025-06-01", cat1: 5, format: "volunteer-service"),
        ]
        let facts = try F.facts(
            ["role": "hospitalist", "recommendsMedicalMarijuana": "false"], renewal: "2026-01-31",
            license: "2000-01-01",
            asOf: "2026-01-15")
        let result = try F.evaluate("ohio", credits, facts: facts)
        #expect(try F.amounts(result, "total") == ["cme": 45, "volunteer": 3])
        let total = try #require(result.result("total"))
        #expect(total.state == .unmet)
        #expect(total.shortfall == 2)
        let cap = try #require(result.result("volunteer-cap"))
        #expect(cap.state == .met)
        #expect(cap.explanation == "at most 3 counts; 2 over the cap did not count")
        #expect(try F.state(result, "obot-addiction") == .notApplicable)
        let met = try F.evaluate("ohio", credits + [try F.credit("more", "2025-09-01", aoa: 2)], facts: facts)
        #expect(met.allMet)
        let painClinic = try F.evaluate(
            "ohio", credits,
            facts: try F.facts(
                ["role": "pain-clinic-owner", "recommendsMedicalMarijuana": "false"], renewal: "2026-01-31",
                license: "2000-01-01", asOf: "2026-01-15"))
        #expect(try F.state(painClinic, "pain-clinic") == .unmet)
    }

    // MARK: DEA MATE

    static func mateFacts(_ facts: [String: String]) throws -> PhysicianFacts {
        try F.facts(facts, renewal: "2026-09-30", license: "2012-01-01", asOf: "2026-09-01")
    }

    @Test func mateTrainingBeforeTheRuleCounts() throws {
        let credits = [
            try F.credit("part1", "2022-11-01", cat1: 4, topics: [("sud-treatment", 4)]),
            try F.credit("part2", "2024-02-01", cat1: 4, topics: [("sud-treatment", 4)]),
        ]
        let result = try F.evaluate("dea-mate", credits, facts: try Self.mateFacts(["deaRegistered": "true"]))
        #expect(try F.state(result, "mate") == .met)
        #expect(try F.amounts(result, "mate") == ["part1": 4, "part2": 4])
    }

    @Test func mateExemptionsAndUnknowns() throws {
        let partial = [try F.credit("part1", "2022-11-01", cat1: 4, topics: [("sud-treatment", 4)])]
        let unmet = try F.evaluate(
            "dea-mate", partial,
            facts: try Self.mateFacts([
                "deaRegistered": "true", "boardCertifiedIn": "internal-medicine", "gradYearsAgo": "20",
            ]))
        #expect(try F.state(unmet, "mate") == .unmet)
        let exempt = try F.evaluate(
            "dea-mate", partial,
            facts: try Self.mateFacts([
                "deaRegistered": "true", "boardCertifiedIn": "internal-medicine, addiction-medicine",
            ]))
        #expect(try F.state(exempt, "mate") == .notApplicable)
        let unknown = try F.evaluate("dea-mate", partial, facts: try Self.mateFacts(["deaRegistered": "true"]))
        #expect(try F.state(unknown, "mate") == .unknown)
        let notRegistered = try F.evaluate("dea-mate", partial, facts: try Self.mateFacts([:]))
        #expect(try F.state(notRegistered, "mate") == .unknown)
        #expect(notRegistered.result("mate")?.missingFacts.contains("deaRegistered") == true)
    }
}
