import Foundation

/// Decides met / unmet / unknown for an allocated requirement and says why in words.
struct RequirementWording {
    let ruleSet: RuleSet

    func unknown(_ missing: [String]) -> String {
        "unknown: needs the fact\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))"
    }

    /// What the requirement asks for, as a phrase: "hours of opioid prescribing", "credits of cat1".
    func subject(_ requirement: RuleRequirement, amount: Decimal) -> String {
        let noun = (requirement.topics != nil ? "hour" : "credit") + (amount == 1 ? "" : "s")
        let what =
            requirement.title
            ?? requirement.topics?.map { $0.replacingOccurrences(of: "-", with: " ") }.joined(separator: " or ")
            ?? requirement.credit.map { "credit type \($0)" } ?? "CME"
        return "\(noun) of \(what)"
    }

    /// Met when the counted amount reaches the required one (then no missing fact could change the answer);
    /// otherwise unknown when a fact that could decide it is missing; otherwise unmet with the shortfall.
    func finish(
        _ base: RequirementResult, missing: [String], deadlineMissing: [String], requirement: RuleRequirement
    ) -> RequirementResult {
        var result = base
        let counted = DecimalText.string(base.counted)
        guard let required = base.required else {
            result.state = .unknown
            result.missingFacts = missing
            result.explanation = unknown(missing.isEmpty ? ["the amount it is a percentage of"] : missing)
            return result
        }
        if base.counted >= required {
            result.state = .met
            result.explanation =
                "met: \(counted) of \(DecimalText.string(required)) \(subject(requirement, amount: required))"
            return result
        }
        if !missing.isEmpty {
            result.state = .unknown
            result.missingFacts = missing
            result.explanation = unknown(missing) + "; \(counted) of \(DecimalText.string(required)) counted so far"
            return result
        }
        let shortfall = required - base.counted
        result.state = .unmet
        result.shortfall = shortfall
        var text = "needs \(DecimalText.string(shortfall)) more \(subject(requirement, amount: shortfall))"
        if let deadline = base.deadline {
            text += " by \(deadline)"
        } else if !deadlineMissing.isEmpty {
            result.missingFacts = deadlineMissing
            text += " (deadline unknown without \(deadlineMissing.joined(separator: ", ")))"
        }
        result.explanation = text
        return result
    }
}
