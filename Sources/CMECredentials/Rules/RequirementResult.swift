public import Foundation
public import VerifiableCredentials

/// How much of one credential counted toward one requirement.
public struct Contribution: Sendable, Hashable {
    public var credentialID: String
    public var amount: Decimal
}

/// The outcome of one requirement.
public struct RequirementResult: Sendable, Hashable {
    /// The four outcomes. `unknown` (a fact it needs was not given) is never reported as met or unmet.
    public enum State: String, Sendable, Hashable, CaseIterable {
        case met, unmet, notApplicable, unknown
    }

    public var requirementID: String
    public var title: String?
    public var kind: RuleRequirement.Kind
    public var state: State
    /// The amount required (for a cap: the most that counts); `nil` when not known or not an amount.
    public var required: Decimal?
    /// The amount that counted.
    public var counted: Decimal
    /// `required - counted` when unmet.
    public var shortfall: Decimal?
    /// Completions in this window counted.
    public var window: DateWindow?
    /// When the requirement is due.
    public var deadline: RuleDate?
    /// The outcome in words ("needs 1.5 more hours of opioid prescribing by 2027-01-31").
    public var explanation: String
    /// Facts that were needed and not given (for `unknown`).
    public var missingFacts: [String]
    /// The credentials that counted, in allocation order, and how much of each.
    public var contributions: [Contribution]
    /// The requirement's sources (the rule set's when it has none of its own).
    public var sources: [RuleSource]

    /// The result as JSON (for `--format json`).
    public var json: JSONValue {
        var object = JSONObject()
        object["id"] = .string(requirementID)
        if let title { object["title"] = .string(title) }
        object["kind"] = .string(kind.rawValue)
        object["state"] = .string(state.rawValue)
        if let required { object["required"] = .number(DecimalText.double(required)) }
        object["counted"] = .number(DecimalText.double(counted))
        if let shortfall { object["shortfall"] = .number(DecimalText.double(shortfall)) }
        if let window {
            var range = JSONObject()
            if let start = window.start { range["start"] = .string(start.description) }
            range["end"] = .string(window.end.description)
            object["window"] = .object(range)
        }
        if let deadline { object["deadline"] = .string(deadline.description) }
        object["explanation"] = .string(explanation)
        if !missingFacts.isEmpty { object["missingFacts"] = .array(missingFacts.map(JSONValue.string)) }
        object["contributions"] = .array(
            contributions.map { contribution in
                var entry = JSONObject()
                entry["credential"] = .string(contribution.credentialID)
                entry["amount"] = .number(DecimalText.double(contribution.amount))
                return .object(entry)
            })
        object["sources"] = .array(sources.map(\.json))
        return .object(object)
    }
}
