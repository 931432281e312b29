public import Foundation

/// One requirement of a rule set: what must be earned (or is capped, or attested), which completions count,
/// when it is due and to whom it applies.
public struct RuleRequirement: Sendable, Hashable {
    /// What the requirement asks.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// At least `amount` hours or credits.
        case min
        /// At most `amount` of the matching credit counts toward the requirements in `caps` (default: the total).
        case max
        /// At most `amount` of the matching credit per `period` counts toward the requirements in `caps`.
        case perPeriodMax
        /// At least `percent` % of the required (or counted) amount of requirement `of`.
        case percentOfTotal
        /// Met by a physician fact (`fact` is `"true"`), not by credits.
        case attest
    }

    /// A phase-in step: from renewals on or after `renewalsFrom`, `amount` is required.
    public struct PhaseIn: Sendable, Hashable {
        public var renewalsFrom: RuleDate
        public var amount: Decimal
    }

    /// What changes in the first renewal cycle after initial licensure.
    public struct InitialLicense: Sendable, Hashable {
        /// The amount required instead of the usual one.
        public var amount: Decimal?
        /// The initial amount must be completed within this many months of licensure.
        public var withinMonthsOfLicensure: Int?
        /// The initial amount applies only when licensed for fewer months than this at the cycle's end (proration).
        public var ifLicensedMonthsLessThan: Int?
        /// Not required at all in the first cycle.
        public var exempt: Bool
    }

    public var id: String
    public var title: String?
    public var kind: Kind
    public var amount: Decimal?
    public var schedule: [PhaseIn]
    public var percent: Decimal?
    /// For `percentOfTotal`: the requirement whose amount the percentage is of.
    public var of: String?
    /// For `percentOfTotal`: `required` (default) or `counted`.
    public var percentBasis: String
    /// For `perPeriodMax`: `calendarYear`.
    public var period: String?
    /// For `attest`: the fact that must be `"true"`.
    public var fact: String?
    /// A key of the rule set's credit-type groups; `nil` means any credit.
    public var credit: String?
    /// Any-of topic codes; when given only the topic hours count.
    public var topics: [String]?
    /// Any-of learning formats.
    public var formats: [String]?
    /// Any-of approving bodies the credential must name.
    public var approvedBy: [String]?
    /// Any-of accreditors of the provider.
    public var providerAccreditedBy: [String]?
    /// The requirement this one is nested in: only hours that counted there count here.
    public var within: String?
    public var countsTowardTotal: Bool
    /// Hours that counted toward these requirements do not count here.
    public var excludeCreditsUsedBy: [String]
    /// For `max` and `perPeriodMax`: the requirements whose counting is capped.
    public var caps: [String]?
    public var recurrence: RuleRecurrence
    public var appliesIf: RuleCondition?
    public var exemptIf: RuleCondition?
    public var initialLicense: InitialLicense?
    /// Sources specific to this requirement; the rule set's sources otherwise.
    public var sources: [RuleSource]
    public var note: String?

    /// Whether the requirement limits what counts rather than asking for something.
    public var isCap: Bool { kind == .max || kind == .perPeriodMax }
}
