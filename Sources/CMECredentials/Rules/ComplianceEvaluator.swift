import Foundation

/// Checks verified credentials against a ``RuleSet``.
///
/// Pure and deterministic: the same rule set, credentials (in any order) and facts always give the same
/// result. See ``CreditAllocator`` for how hours are allocated.
public struct ComplianceEvaluator: Sendable {
    public let ruleSet: RuleSet

    public init(ruleSet: RuleSet) { self.ruleSet = ruleSet }

    /// Evaluates every requirement.
    ///
    /// - Parameters:
    ///   - verified: credentials that verified; only these count.
    ///   - notCounted: credentials that did not verify, passed through to the result and never counted.
    ///   - facts: the physician's facts and dates.
    public func evaluate(
        verified: [VerifiedCredit], notCounted: [NotCountedCredential] = [], facts: PhysicianFacts
    ) -> ComplianceResult {
        let cycle = ruleSet.cycle.resolve(facts)
        var allocator = CreditAllocator(ruleSet: ruleSet, credits: verified, asOf: facts.asOf)
        var timings: [String: RequirementTiming] = [:]
        var applies: [String: RuleCondition.Outcome] = [:]
        for requirement in ruleSet.requirements {
            timings[requirement.id] = RequirementTiming.resolve(requirement, cycle: cycle, facts: facts)
            applies[requirement.id] = requirement.appliesIf?.evaluate(facts.facts) ?? .yes
        }
        var caps = activeCaps(timings: timings, applies: applies)
        var results: [String: RequirementResult] = [:]
        var pendingCaps: [RequirementResult] = []
        let explain = RequirementWording(ruleSet: ruleSet)
        for id in ruleSet.evaluationOrder {
            guard let requirement = ruleSet.requirement(id), let timing = timings[id] else { continue }
            var base = RequirementResult(
                requirementID: id, title: requirement.title, kind: requirement.kind, state: .unknown, required: nil,
                counted: 0, shortfall: nil, window: nil, deadline: nil, explanation: "", missingFacts: [],
                contributions: [], sources: requirement.sources.isEmpty ? ruleSet.sources : requirement.sources)
            let applicability = applies[id] ?? .yes
            if applicability == .no {
                base.state = .notApplicable
                base.explanation = "does not apply to this physician"
                results[id] = base
                continue
            }
            guard case .due(let window, var amount, let deadline, let deadlineMissing) = timing else {
                if case .notDue(let reason) = timing {
                    base.state = .notApplicable
                    base.explanation = reason
                } else if case .unknown(let missing) = timing {
                    base.missingFacts = missing
                    base.explanation = explain.unknown(missing)
                }
                results[id] = base
                continue
            }
            base.window = window
            base.deadline = deadline
            if requirement.exemptIf?.evaluate(facts.facts) == .yes {
                base.state = .notApplicable
                base.explanation = "exempt"
                results[id] = base
                continue
            }
            if requirement.kind == .attest {
                results[id] = attest(requirement, base, facts: facts, applicability: applicability)
                continue
            }
            if requirement.isCap {
                pendingCaps.append(base)
                continue
            }
            if requirement.kind == .percentOfTotal, let of = requirement.of ?? ruleSet.totalID,
                let percent = requirement.percent
            {
                let basis = requirement.percentBasis == "counted" ? results[of]?.counted : results[of]?.required
                amount = basis.map { $0 * percent / 100 }
                if amount == nil { base.missingFacts = results[of]?.missingFacts ?? [] }
            }
            let excluders = ruleSet.requirements.filter { $0.excludeCreditsUsedBy.contains(id) }
            var targetCaps = caps.filter { ($0.requirement.caps ?? ruleSet.totalID.map { [$0] } ?? []).contains(id) }
            for index in targetCaps.indices { targetCaps[index].withheld = 0 }
            base.contributions = allocator.allocate(
                requirement, window: window, need: amount, exclusions: exclusions(of: requirement),
                exclusiveAgainst: excluders, caps: &targetCaps)
            for cap in targetCaps {
                if let index = caps.firstIndex(where: { $0.requirement.id == cap.requirement.id }) {
                    caps[index].withheld += cap.withheld
                }
            }
            base.counted = base.contributions.reduce(0) { $0 + $1.amount }
            base.required = amount
            var missing = base.missingFacts
            if case .unknown(let names) = applicability { missing += names }
            if case .unknown(let names) = requirement.exemptIf?.evaluate(facts.facts) ?? .no { missing += names }
            results[id] = explain.finish(
                base, missing: missing, deadlineMissing: deadlineMissing, requirement: requirement)
        }
        for base in pendingCaps {
            guard let requirement = ruleSet.requirement(base.requirementID) else { continue }
            results[base.requirementID] = capResult(requirement, base, caps: caps)
        }
        var window: DateWindow?
        var renewalNumber: Int?
        if case .success(let resolved) = cycle {
            window = resolved.window
            renewalNumber = resolved.renewalNumber
        }
        return ComplianceResult(
            ruleSetID: ruleSet.id, title: ruleSet.title, asOf: facts.asOf, cycle: window, renewalNumber: renewalNumber,
            requirements: ruleSet.requirements.compactMap { results[$0.id] }, notCounted: notCounted,
            sources: ruleSet.sources)
    }

    /// The requirements whose allocated hours this one may not reuse.
    private func exclusions(of requirement: RuleRequirement) -> [String] {
        var ids = requirement.excludeCreditsUsedBy
        if requirement.id == ruleSet.totalID {
            ids += ruleSet.requirements.filter { !$0.countsTowardTotal }.map(\.id)
        }
        if !ruleSet.allowDoubleCounting, requirement.topics != nil {
            var ancestors: Set<String> = []
            var parent = requirement.within
            while let id = parent, ancestors.insert(id).inserted { parent = ruleSet.requirement(id)?.within }
            for id in ruleSet.evaluationOrder.prefix(while: { $0 != requirement.id })
            where !ancestors.contains(id) && ruleSet.requirement(id)?.topics != nil && !ids.contains(id) {
                ids.append(id)
            }
        }
        return ids
    }

    /// Caps that apply (or may apply: unknown applicability is applied, the conservative choice) and are due.
    private func activeCaps(
        timings: [String: RequirementTiming], applies: [String: RuleCondition.Outcome]
    ) -> [CreditAllocator.Cap] {
        ruleSet.requirements.compactMap { requirement in
            guard requirement.isCap, applies[requirement.id] != .no, let amount = requirement.amount,
                case .due(let window, _, _, _) = timings[requirement.id]
            else { return nil }
            return CreditAllocator.Cap(requirement: requirement, window: window, amount: amount)
        }
    }

    private func attest(
        _ requirement: RuleRequirement, _ base: RequirementResult, facts: PhysicianFacts,
        applicability: RuleCondition.Outcome
    ) -> RequirementResult {
        var result = base
        let name = requirement.fact ?? ""
        switch facts.facts[name] {
        case "true"?:
            result.state = .met
            result.explanation = "attested (\(name))"
        case nil:
            result.missingFacts = [name]
            result.explanation = "unknown: the fact \(name) was not given"
        case _ where applicability != .yes:
            if case .unknown(let missing) = applicability { result.missingFacts = missing }
            result.explanation = "unknown: whether it applies depends on \(result.missingFacts.joined(separator: ", "))"
        default:
            result.state = .unmet
            result.explanation = "needs the attestation \(name)" + (base.deadline.map { " by \($0)" } ?? "")
        }
        return result
    }

    private func capResult(
        _ requirement: RuleRequirement, _ base: RequirementResult, caps: [CreditAllocator.Cap]
    ) -> RequirementResult {
        var result = base
        result.state = .met
        result.required = requirement.amount
        let withheld = caps.first { $0.requirement.id == requirement.id }?.withheld ?? 0
        let limit = DecimalText.string(requirement.amount ?? 0)
        let per = requirement.kind == .perPeriodMax ? " per calendar year" : ""
        result.explanation =
            "at most \(limit)\(per) counts"
            + (withheld > 0 ? "; \(DecimalText.string(withheld)) over the cap did not count" : "")
        return result
    }
}
