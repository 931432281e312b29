public import VerifiableCredentials

/// The outcome of checking one physician's verified credentials against one rule set.
public struct ComplianceResult: Sendable, Hashable {
    public var ruleSetID: String
    public var title: String
    public var asOf: RuleDate
    /// The evaluated renewal cycle, when the facts placed it.
    public var cycle: DateWindow?
    /// Which renewal after initial licensure, when the license date was given.
    public var renewalNumber: Int?
    /// One result per requirement, in rule-file order.
    public var requirements: [RequirementResult]
    /// Credentials given as not counted, with their reasons, passed through unchanged.
    public var notCounted: [NotCountedCredential]
    public var sources: [RuleSource]

    /// Whether every requirement is met or not applicable (none unmet, none unknown).
    public var allMet: Bool {
        requirements.allSatisfy { $0.state == .met || $0.state == .notApplicable }
    }

    /// The result for a requirement id.
    public func result(_ id: String) -> RequirementResult? {
        requirements.first { $0.requirementID == id }
    }

    /// The result as JSON (for `--format json`).
    public var json: JSONValue {
        var object = JSONObject()
        object["ruleSet"] = .string(ruleSetID)
        object["title"] = .string(title)
        object["asOf"] = .string(asOf.description)
        if let cycle {
            var range = JSONObject()
            if let start = cycle.start { range["start"] = .string(start.description) }
            range["end"] = .string(cycle.end.description)
            object["cycle"] = .object(range)
        }
        if let renewalNumber { object["renewalNumber"] = .number(Double(renewalNumber)) }
        object["allMet"] = .bool(allMet)
        object["requirements"] = .array(requirements.map(\.json))
        object["notCounted"] = .array(
            notCounted.map { entry in
                var item = JSONObject()
                item["credential"] = .string(entry.id)
                item["reason"] = .string(entry.reason)
                return .object(item)
            })
        object["sources"] = .array(sources.map(\.json))
        return .object(object)
    }
}
