import Foundation
import VerifiableCredentials

/// When a requirement is due and which completions count toward it.
///
/// - `perCycle` (default): due every renewal; completions in the evaluated cycle count.
/// - `oneTime`: due once ever; completions up to the as-of date count, from any earlier cycle (from
///   `lookbackYears` before licensure when given); `deadline` says when it is due.
/// - `everyNthCycle`: due at renewals number `offset + n, offset + 2n, …` after licensure (not applicable at
///   the others); completions in the `n` cycles ending with the evaluated one count.
/// - `everyYears`: due every renewal; completions in the `n` years ending with the cycle count.
/// - `firstCycles`: due only at the first `n` renewals after licensure; the cycle's completions count.
/// - `windowMonths`: due every renewal; completions in the `n` months ending with the cycle count.
public enum RuleRecurrence: Sendable, Hashable {
    case perCycle
    case oneTime(deadline: Deadline?, lookbackYears: Int?)
    case everyNthCycle(Int, offset: Int)
    case everyYears(Int)
    case firstCycles(Int)
    case windowMonths(Int)

    /// When a one-time requirement is due: the later of the end of renewal cycle `renewalNumber` after
    /// licensure and `monthsAfterLicensure` after it, or a fixed `date`.
    public struct Deadline: Sendable, Hashable {
        public var renewalNumber: Int?
        public var monthsAfterLicensure: Int?
        public var date: RuleDate?
    }

    init(json: JSONValue, at path: String) throws(CMEError) {
        let keys = [
            "perCycle", "oneTime", "deadline", "lookbackYears", "everyNthCycle", "offset", "everyYears",
            "firstCycles", "windowMonths",
        ]
        let reader = try RuleJSONReader(json, at: path, allowed: keys)
        let primary = ["perCycle", "oneTime", "everyNthCycle", "everyYears", "firstCycles", "windowMonths"]
            .filter { reader.has($0) }
        guard primary.count == 1, let kind = primary.first else {
            throw .rules(
                "expected exactly one of perCycle, oneTime, everyNthCycle, everyYears, firstCycles, windowMonths",
                at: path)
        }
        let extras: [String: [String]] = ["oneTime": ["deadline", "lookbackYears"], "everyNthCycle": ["offset"]]
        for key in ["deadline", "lookbackYears", "offset"] where reader.has(key) && !(extras[kind] ?? []).contains(key)
        {
            throw .rules("\"\(key)\" does not apply to \(kind)", at: reader.at(key))
        }
        switch kind {
        case "perCycle", "oneTime":
            guard try reader.bool(kind) == true else { throw .rules("expected true", at: reader.at(kind)) }
            if kind == "perCycle" { self = .perCycle; return }
            var deadline: Deadline?
            if let value = reader.object["deadline"] {
                let inner = try RuleJSONReader(
                    value, at: reader.at("deadline"), allowed: ["renewalNumber", "orMonthsAfterLicensure", "date"])
                let parsed = Deadline(
                    renewalNumber: try inner.int("renewalNumber"),
                    monthsAfterLicensure: try inner.int("orMonthsAfterLicensure"), date: try inner.date("date"))
                if parsed.renewalNumber == nil, parsed.monthsAfterLicensure == nil, parsed.date == nil {
                    throw .rules("expected renewalNumber, orMonthsAfterLicensure or date", at: inner.path)
                }
                deadline = parsed
            }
            self = .oneTime(deadline: deadline, lookbackYears: try reader.int("lookbackYears"))
        case "everyNthCycle":
            let offset = NSDecimalNumber(decimal: try reader.decimal("offset") ?? 0).intValue
            self = .everyNthCycle(try reader.int(kind) ?? 1, offset: offset)
        case "everyYears": self = .everyYears(try reader.int(kind) ?? 1)
        case "firstCycles": self = .firstCycles(try reader.int(kind) ?? 1)
        default: self = .windowMonths(try reader.int(kind) ?? 1)
        }
    }

    /// Whether this recurrence is once-ever.
    public var isOneTime: Bool {
        if case .oneTime = self { return true }
        return false
    }
}
