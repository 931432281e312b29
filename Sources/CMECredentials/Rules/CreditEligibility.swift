import Foundation

/// How much of one credential a requirement's filters let count, before allocation.
///
/// - A credential's countable hours are the largest of its credit amounts (a dual-accredited activity awarding
///   3 AMA and 3 AOA credits is 3 hours, not 6), less the hours of the rule set's excluded topics.
/// - The credit filter takes the largest amount among the group's credit types (any type without a filter).
/// - The topic filter counts only the hours of matching topics (a topic without hours covers the whole
///   credential), never more than the credit amount.
/// - Formats, approvals and the provider's accreditor must match when the requirement names them.
struct CreditEligibility {
    let ruleSet: RuleSet

    func countableHours(_ credit: VerifiedCredit) -> Decimal {
        let total = credit.credits.values.max() ?? 0
        var excluded: Decimal = 0
        for topic in credit.topics where ruleSet.excludedTopics.contains(topic.code) {
            excluded += topic.hours ?? total
        }
        return max(0, total - excluded)
    }

    /// The amount of `credit` that `requirement`'s filters accept (0 when a filter rejects it).
    func amount(_ requirement: RuleRequirement, _ credit: VerifiedCredit) -> Decimal {
        if let formats = requirement.formats, !formats.contains(credit.format ?? "") { return 0 }
        if let bodies = requirement.approvedBy, !bodies.contains(where: { credit.approvals.contains($0) }) { return 0 }
        if let accreditors = requirement.providerAccreditedBy, !accreditors.contains(credit.providerAccreditor ?? "") {
            return 0
        }
        var amount: Decimal
        if let group = requirement.credit {
            let codes = ruleSet.codes(ofGroup: group) ?? []
            amount = codes.compactMap { credit.credits[$0] }.max() ?? 0
        } else {
            amount = credit.credits.values.max() ?? 0
        }
        amount = min(amount, countableHours(credit))
        if let topics = requirement.topics {
            let full = credit.credits.values.max() ?? 0
            let hours = credit.topics.filter { topics.contains($0.code) }.reduce(Decimal(0)) { $0 + ($1.hours ?? full) }
            amount = min(amount, hours)
        }
        return max(0, amount)
    }
}
