import Foundation

/// Allocates credential hours to requirements, one requirement at a time, deterministically.
///
/// The algorithm (greedy, in a fixed order; not a general max-flow):
/// 1. Credentials are sorted by completion date, then id, so the input order never matters.
/// 2. Requirements are allocated in ``RuleSet/evaluationOrder``: a `within` parent before its child, a
///    requirement named in `excludeCreditsUsedBy` before the one excluding it, requirements outside the total
///    (`countsTowardTotal: false`) before the total, the base of a percentage before the percentage.
/// 3. For each credential, the requirement may take the amount its filters accept
///    (``CreditEligibility``) if the completion falls in the requirement's window and on or before the as-of
///    date, limited by:
///    - for a nested requirement, what the same credential gave its `within` parent;
///    - the credential's countable hours less what it already gave to requirements this one excludes
///      (`excludeCreditsUsedBy`; for the total, the requirements outside the total; with
///      `allowDoubleCounting: false`, every earlier topic requirement that is not an ancestor);
///    - every cap (`max`, `perPeriodMax`) on this requirement whose filters match the credential: what is
///      left of the cap (per calendar year of completion for `perPeriodMax`).
/// 4. A requirement that others exclude ("exclusive") takes only what it needs, first from credentials the
///    excluding requirements cannot use at all, then from the rest, each group by date then id, so that the
///    hours it does not need stay free. Every other requirement takes everything it may, so reports show all
///    that counted.
struct CreditAllocator {
    let ruleSet: RuleSet
    let credits: [VerifiedCredit]
    let asOf: RuleDate
    private let eligibility: CreditEligibility
    /// Requirement id → amount given by each credential (indexed like `credits`).
    private(set) var allocated: [String: [Decimal]] = [:]

    init(ruleSet: RuleSet, credits: [VerifiedCredit], asOf: RuleDate) {
        self.ruleSet = ruleSet
        self.credits = credits.sorted { ($0.completionDate, $0.id) < ($1.completionDate, $1.id) }
        self.asOf = asOf
        self.eligibility = CreditEligibility(ruleSet: ruleSet)
    }

    /// A cap on what counts toward one target requirement.
    struct Cap {
        var requirement: RuleRequirement
        var window: DateWindow
        var amount: Decimal
        /// Remaining allowance: the key is 0 for `max`, the completion year for `perPeriodMax`.
        var remaining: [Int: Decimal] = [:]
        /// What the cap kept from counting.
        var withheld: Decimal = 0

        func key(_ credit: VerifiedCredit) -> Int {
            requirement.kind == .perPeriodMax ? credit.completionDate.year : 0
        }
    }

    /// Allocates `requirement` within `window`; returns the contributions in allocation order.
    mutating func allocate(
        _ requirement: RuleRequirement, window: DateWindow, need: Decimal?, exclusions: [String],
        exclusiveAgainst excluders: [RuleRequirement], caps: inout [Cap]
    ) -> [Contribution] {
        var given = [Decimal](repeating: 0, count: credits.count)
        var contributions: [Contribution] = []
        var total: Decimal = 0
        for index in order(exclusiveAgainst: excluders) {
            let credit = credits[index]
            guard window.contains(credit.completionDate), credit.completionDate <= asOf else { continue }
            var limit = eligibility.amount(requirement, credit)
            if let parent = requirement.within { limit = min(limit, allocated[parent]?[index] ?? 0) }
            let used = exclusions.reduce(Decimal(0)) { $0 + (allocated[$1]?[index] ?? 0) }
            limit = min(limit, max(0, eligibility.countableHours(credit) - used))
            if !excluders.isEmpty, let need { limit = min(limit, max(0, need - total)) }
            let uncapped = limit
            for capIndex in caps.indices {
                let cap = caps[capIndex]
                guard cap.window.contains(credit.completionDate), eligibility.amount(cap.requirement, credit) > 0
                else { continue }
                limit = min(limit, cap.remaining[cap.key(credit)] ?? cap.amount)
            }
            for capIndex in caps.indices {
                let cap = caps[capIndex]
                guard cap.window.contains(credit.completionDate), eligibility.amount(cap.requirement, credit) > 0
                else { continue }
                let key = cap.key(credit)
                caps[capIndex].remaining[key] = (cap.remaining[key] ?? cap.amount) - limit
                caps[capIndex].withheld += uncapped - limit
            }
            guard limit > 0 else { continue }
            given[index] = limit
            total += limit
            contributions.append(Contribution(credentialID: credit.id, amount: limit))
        }
        allocated[requirement.id] = given
        return contributions
    }

    /// Credential indices in allocation order: by date then id, except that an exclusive requirement first
    /// uses credentials none of its excluders can use.
    private func order(exclusiveAgainst excluders: [RuleRequirement]) -> [Int] {
        let all = Array(credits.indices)
        guard !excluders.isEmpty else { return all }
        let contested = all.map { index in excluders.contains { eligibility.amount($0, credits[index]) > 0 } }
        return all.filter { !contested[$0] } + all.filter { contested[$0] }
    }
}
