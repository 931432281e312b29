import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

/// Example rule files, credentials and facts for the rules tests.
enum RuleFixtures {
    static let exampleNames = [
        "california", "florida", "texas", "new-york", "pennsylvania", "ohio", "michigan", "dea-mate",
    ]

    static func url(_ name: String) -> URL { SharedFiles.example("rules/\(name).json") }

    static func json(_ name: String) throws -> JSONValue {
        try JSONParser.parse(Array(try Data(contentsOf: url(name))))
    }

    static func ruleSet(_ name: String) throws -> RuleSet {
        try RuleSet(json: try json(name))
    }

    static func date(_ text: String) throws -> RuleDate {
        try #require(RuleDate(text), "bad test date \(text)")
    }

    /// A credential summary: `cat1`/`cat2` credits and topic hours (`nil` hours: the whole credential).
    static func credit(
        _ id: String, _ date: String, cat1: Decimal = 0, cat2: Decimal = 0, aoa: Decimal = 0,
        topics: [(String, Decimal?)] = [], approvals: [String] = [], format: String? = nil
    ) throws -> VerifiedCredit {
        var credits: [String: Decimal] = [:]
        if cat1 > 0 { credits["AMA_PRA_CAT1"] = cat1 }
        if cat2 > 0 { credits["AMA_PRA_CAT2"] = cat2 }
        if aoa > 0 { credits["AOA_1A"] = aoa }
        return VerifiedCredit(
            id: id, completionDate: try self.date(date), credits: credits,
            topics: topics.map { TopicCredit(code: $0.0, hours: $0.1) }, format: format, approvals: approvals)
    }

    static func facts(
        _ facts: [String: String] = [:], renewal: String? = nil, license: String? = nil, asOf: String
    ) throws -> PhysicianFacts {
        PhysicianFacts(
            facts: facts, renewalDate: try renewal.map(date), licenseDate: try license.map(date), asOf: try date(asOf))
    }

    static func evaluate(
        _ name: String, _ credits: [VerifiedCredit], notCounted: [NotCountedCredential] = [], facts: PhysicianFacts
    ) throws -> ComplianceResult {
        ComplianceEvaluator(ruleSet: try ruleSet(name)).evaluate(
            verified: credits, notCounted: notCounted, facts: facts)
    }

    /// The state of one requirement.
    static func state(_ result: ComplianceResult, _ id: String) throws -> RequirementResult.State {
        try #require(result.result(id), "no result for \(id)").state
    }

    /// How much each credential gave a requirement.
    static func amounts(_ result: ComplianceResult, _ id: String) throws -> [String: Decimal] {
        let contributions = try #require(result.result(id)).contributions
        return Dictionary(uniqueKeysWithValues: contributions.map { ($0.credentialID, $0.amount) })
    }
}
