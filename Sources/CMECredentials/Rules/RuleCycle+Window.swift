/// The evaluated cycle: its dates and, when the license date is known, which renewal it is.
public struct ResolvedCycle: Sendable, Hashable {
    /// The first and last day of the cycle.
    public var window: DateWindow
    /// The first day of the cycle (always known for a resolved cycle).
    public var start: RuleDate
    /// 1 for the first renewal after initial licensure; `nil` when the license date is not known.
    public var renewalNumber: Int?
    /// The cycle length, for stepping to earlier or later cycles.
    public var lengthMonths: Int

    /// The last day of the cycle `offset` cycles from this one (negative: earlier).
    public func end(offset: Int) -> RuleDate {
        start.adding(months: (offset + 1) * lengthMonths).adding(days: -1)
    }

    /// The first day of the cycle `offset` cycles from this one.
    public func start(offset: Int) -> RuleDate {
        start.adding(months: offset * lengthMonths)
    }
}

extension RuleCycle {
    /// The cycle the facts place the check in, or the names of the facts that are missing.
    func resolve(_ facts: PhysicianFacts) -> Result<ResolvedCycle, MissingFacts> {
        let start: RuleDate
        switch kind {
        case .fixed:
            let reference = facts.renewalDate ?? facts.asOf
            guard let anchor else { return .failure(MissingFacts(["cycle start"])) }
            var index = Self.floorDivide(anchor.months(until: reference), lengthMonths)
            while anchor.adding(months: index * lengthMonths) > reference { index -= 1 }
            while anchor.adding(months: (index + 1) * lengthMonths) <= reference { index += 1 }
            start = anchor.adding(months: index * lengthMonths)
        case .rolling:
            start = Self.start(ending: facts.renewalDate ?? facts.asOf, months: lengthMonths)
        case .licenseExpiry:
            guard let renewal = facts.renewalDate else { return .failure(MissingFacts(["renewalDate"])) }
            start = Self.start(ending: renewal, months: lengthMonths)
        case .birthMonth:
            if let renewal = facts.renewalDate {
                start = Self.start(ending: renewal, months: lengthMonths)
            } else if let text = facts.facts["birthDate"], let birth = RuleDate(text) {
                let years = lengthMonths / 12
                var year = facts.asOf.year
                while (year - birth.year) % years != 0
                    || (RuleDate(year: year, month: birth.month, day: 1)?.endOfMonth).map({ $0 < facts.asOf }) ?? true
                {
                    year += 1
                }
                let end = RuleDate(year: year, month: birth.month, day: 1)?.endOfMonth ?? facts.asOf
                start = Self.start(ending: end, months: lengthMonths)
            } else {
                return .failure(MissingFacts(["renewalDate or birthDate"]))
            }
        }
        var cycle = ResolvedCycle(
            window: DateWindow(start: start, end: start.adding(months: lengthMonths).adding(days: -1)),
            start: start, renewalNumber: nil, lengthMonths: lengthMonths)
        if let license = facts.licenseDate {
            var number = 1
            while number < 1000, cycle.start(offset: 1 - number) > license { number += 1 }
            cycle.renewalNumber = number
        }
        return .success(cycle)
    }

    /// The first day of the `months` ending on `end` (a cycle ending 2027-01-31 starts 2025-02-01).
    private static func start(ending end: RuleDate, months: Int) -> RuleDate {
        end.adding(days: 1).adding(months: -months)
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}

/// The facts an answer needed that the evaluation was not given.
public struct MissingFacts: Error, Sendable, Hashable {
    public var names: [String]
    public init(_ names: [String]) { self.names = names }
}
