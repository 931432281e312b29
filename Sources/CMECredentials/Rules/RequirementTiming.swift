import Foundation

/// When one requirement is due for the given facts, which completions count, and how much it asks.
enum RequirementTiming: Equatable {
    /// Due: completions in `window` count; `amount` is required (`nil` for kinds without an amount);
    /// `missing` lists facts needed only to state the deadline.
    case due(window: DateWindow, amount: Decimal?, deadline: RuleDate?, missing: [String])
    /// Not due this time, with the reason in words.
    case notDue(String)
    /// Facts needed to tell were not given.
    case unknown([String])

    /// Resolves `requirement` against the cycle (or the facts it lacked) and the facts.
    static func resolve(
        _ requirement: RuleRequirement, cycle: Result<ResolvedCycle, MissingFacts>, facts: PhysicianFacts
    ) -> RequirementTiming {
        var window: DateWindow
        var deadline: RuleDate?
        var missing: [String] = []
        if case .oneTime(let due, let lookback) = requirement.recurrence {
            var start: RuleDate?
            if let lookback {
                guard let license = facts.licenseDate else { return .unknown(["licenseDate"]) }
                start = license.adding(months: -12 * lookback)
            }
            window = DateWindow(start: start, end: facts.asOf)
            if let due {
                var candidates: [RuleDate] = due.date.map { [$0] } ?? []
                if let number = due.renewalNumber {
                    if case .success(let resolved) = cycle, let current = resolved.renewalNumber {
                        candidates.append(resolved.end(offset: number - current))
                    } else {
                        missing.append("licenseDate")
                    }
                }
                if let months = due.monthsAfterLicensure {
                    if let license = facts.licenseDate {
                        candidates.append(license.adding(months: months))
                    } else if !missing.contains("licenseDate") {
                        missing.append("licenseDate")
                    }
                }
                deadline = missing.isEmpty ? candidates.max() : nil
            } else if case .success(let resolved) = cycle {
                deadline = resolved.window.end
            }
        } else {
            let resolved: ResolvedCycle
            switch cycle {
            case .success(let value): resolved = value
            case .failure(let lacking): return .unknown(lacking.names)
            }
            let end = resolved.window.end
            window = resolved.window
            deadline = end
            switch requirement.recurrence {
            case .perCycle, .oneTime: break
            case .everyYears(let years): window.start = end.adding(days: 1).adding(months: -12 * years)
            case .windowMonths(let months): window.start = end.adding(days: 1).adding(months: -months)
            case .everyNthCycle(let n, let offset):
                guard let number = resolved.renewalNumber else { return .unknown(["licenseDate"]) }
                guard number > offset, (number - offset) % n == 0 else {
                    return .notDue("due at every \(ordinal(n)) renewal; this is renewal \(number)")
                }
                window.start = resolved.start(offset: 1 - n)
            case .firstCycles(let n):
                guard let number = resolved.renewalNumber else { return .unknown(["licenseDate"]) }
                guard number <= n else {
                    return .notDue("due only at the first \(n) renewal\(n == 1 ? "" : "s"); this is renewal \(number)")
                }
            }
        }
        var amount = requirement.amount
        if !requirement.schedule.isEmpty {
            let reference: RuleDate
            if case .success(let resolved) = cycle { reference = resolved.window.end } else { reference = facts.asOf }
            guard let step = requirement.schedule.last(where: { $0.renewalsFrom <= reference }) else {
                return .notDue("phased in for renewals from \(requirement.schedule[0].renewalsFrom)")
            }
            amount = step.amount
        }
        if let initial = requirement.initialLicense {
            guard case .success(let resolved) = cycle else { return .unknown(["licenseDate"]) }
            guard let number = resolved.renewalNumber, let license = facts.licenseDate else {
                return .unknown(["licenseDate"])
            }
            if number == 1 {
                let prorated = initial.ifLicensedMonthsLessThan.map { license.months(until: resolved.window.end) < $0 }
                if prorated ?? true {
                    if initial.exempt { return .notDue("not required in the first cycle after initial licensure") }
                    amount = initial.amount ?? amount
                    if let months = initial.withinMonthsOfLicensure {
                        let due = license.adding(months: months)
                        window.end = min(window.end, due)
                        deadline = due
                    }
                }
            }
        }
        return .due(window: window, amount: amount, deadline: deadline, missing: missing)
    }

    private static func ordinal(_ n: Int) -> String {
        switch n % 10 == 1 && n % 100 != 11
            ? 1 : n % 10 == 2 && n % 100 != 12 ? 2 : n % 10 == 3 && n % 100 != 13 ? 3 : 0
        {
        case 1: "\(n)st"
        case 2: "\(n)nd"
        case 3: "\(n)rd"
        default: "\(n)th"
        }
    }
}
