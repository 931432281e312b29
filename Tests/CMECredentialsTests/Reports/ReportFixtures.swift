import Foundation
import Testing
import VerifiableCredentials

@testable import CMECredentials

/// A small rule set and a two-physician department report built from evaluator results (no signatures).
enum ReportFixtures {
    static let hostileName = "<script>alert(\"x\")</script> & O'Neill"

    static func ruleSet() throws -> RuleSet {
        try RuleSet(
            json: JSONParser.parse(
                """
                {"format": "cme-rules/1", "id": "US-XX-TEST", "title": "Test Board <b>", "jurisdiction": "US-XX",
                 "sources": [{"url": "https://example.org/rules", "retrieved": "2026-01-01", "confidence": "high"}],
                 "cycle": {"kind": "fixed", "lengthMonths": 24, "start": "2025-01-01"},
                 "creditTypes": {"cat1": ["AMA_PRA_CAT1"], "cat2": ["AMA_PRA_CAT2"]},
                 "requirements": [
                   {"id": "total", "title": "Category 1 total", "kind": "min", "amount": 10, "credit": "cat1"},
                   {"id": "opioids", "title": "opioid prescribing", "kind": "min", "amount": 2, "credit": "cat1",
                    "topics": ["opioid-prescribing"]},
                   {"id": "dea", "title": "DEA attestation", "kind": "attest", "fact": "deaTraining",
                    "appliesIf": {"fact": "prescriber", "equals": true}}]}
                """))
    }

    static func facts(_ named: [String: String] = [:]) throws -> PhysicianFacts {
        PhysicianFacts(facts: named, asOf: try #require(RuleDate("2026-12-31")))
    }

    /// One physician who meets everything, one with a hostile name who misses hours and has a revoked credential.
    static func report(problems: [ReportProblem] = []) throws -> DepartmentReport {
        let rules = try ruleSet()
        let evaluator = ComplianceEvaluator(ruleSet: rules)
        let good = [
            try RuleFixtures.credit("urn:uuid:a1", "2026-02-01", cat1: 8, topics: [("opioid-prescribing", 2)]),
            try RuleFixtures.credit("urn:uuid:a2", "2026-03-01", cat1: 3, cat2: 1.5),
        ]
        let bad = [try RuleFixtures.credit("urn:uuid:b1", "2026-02-01", cat1: 4)]
        let revoked = NotCountedCredential(id: "urn:uuid:b2", reason: "status: revoked <img src=x>")
        let first = evaluator.evaluate(verified: good, facts: try facts(["prescriber": "false"]))
        let second = evaluator.evaluate(verified: bad, notCounted: [revoked], facts: try facts())
        return DepartmentReport(
            ruleSetID: rules.id, ruleSetTitle: rules.title, asOf: try #require(RuleDate("2026-12-31")),
            creditGroups: ["cat1", "cat2"],
            requirements: rules.requirements.map { .init(id: $0.id, title: $0.title) },
            physicians: [
                PhysicianReport(
                    key: "did:key:z6MkA", name: "Dr. Ada Example", files: ["ada.json"], verifiedCount: 2,
                    creditsByGroup: [.init(group: "cat1", amount: 11), .init(group: "cat2", amount: 1.5)],
                    result: first),
                PhysicianReport(
                    key: "did:key:z6MkB", name: hostileName, files: ["b,\"quoted\".json"], verifiedCount: 1,
                    creditsByGroup: [.init(group: "cat1", amount: 4), .init(group: "cat2", amount: 0)],
                    result: second),
            ],
            problems: problems, sources: rules.sources)
    }
}
