import VerifiableCredentials

/// The renewal cycle of a rule set: how long it is and what anchors it.
///
/// - `fixed`: calendar cycles from an anchor, `start` written `odd-year-01-01`, `even-year-11-01`,
///   `any-year-07-01` or a full date `2023-01-01`; cycles repeat every `lengthMonths` from the anchor, and the
///   evaluated cycle is the one containing the renewal date (the as-of date when none is given).
/// - `rolling`: the `lengthMonths` ending on the renewal date, or on the as-of date when none is given.
/// - `licenseExpiry`: the `lengthMonths` ending on the license expiration (the renewal date, required).
/// - `birthMonth`: ends on the last day of the birth month; from the renewal date, or from the fact
///   `birthDate` (`YYYY-MM-DD`) and `lengthMonths` (a whole number of years, the year parity following the
///   birth year, as in California).
public struct RuleCycle: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case fixed, rolling, licenseExpiry, birthMonth
    }

    public var kind: Kind
    public var lengthMonths: Int
    /// The first day of one cycle, for `fixed` cycles.
    public var anchor: RuleDate?
    /// The anchor as written (`odd-year-01-01`).
    public var start: String?
    /// The documented last day of a fixed cycle (`even-year-12-31`); checked against the anchor and length.
    public var end: String?

    init(json: JSONValue, at path: String) throws(CMEError) {
        let reader = try RuleJSONReader(json, at: path, allowed: ["kind", "lengthMonths", "start", "end"])
        let kindText = try reader.requiredString("kind")
        guard let kind = Kind(rawValue: kindText) else {
            throw .rules(
                "expected a cycle kind fixed, rolling, licenseExpiry or birthMonth, got \"\(kindText)\"",
                at: reader.at("kind"))
        }
        guard let length = try reader.int("lengthMonths") else {
            throw .rules("missing member \"lengthMonths\"", at: path)
        }
        self.kind = kind
        self.lengthMonths = length
        self.start = try reader.string("start")
        self.end = try reader.string("end")
        switch kind {
        case .fixed:
            guard let start else { throw .rules("a fixed cycle needs \"start\"", at: path) }
            guard let anchor = Self.anchor(start) else {
                throw .rules(
                    "expected odd-year-MM-DD, even-year-MM-DD, any-year-MM-DD or YYYY-MM-DD, got \"\(start)\"",
                    at: reader.at("start"))
            }
            self.anchor = anchor
            if let end {
                let last = anchor.adding(months: length).adding(days: -1)
                guard let written = Self.anchor(end), written.month == last.month, written.day == last.day else {
                    throw .rules(
                        "the cycle end \"\(end)\" does not follow from start and lengthMonths", at: reader.at("end"))
                }
            }
        case .birthMonth:
            guard length % 12 == 0 else {
                throw .rules("a birth-month cycle must be a whole number of years", at: reader.at("lengthMonths"))
            }
            fallthrough
        case .rolling, .licenseExpiry:
            if start != nil || end != nil {
                throw .rules("only fixed cycles have start and end", at: reader.at(start != nil ? "start" : "end"))
            }
            anchor = nil
        }
    }

    /// `odd-year-01-01` → 2001-01-01, `even-year-…` → 2000-…, `any-year-…` → 2000-…, or a full date.
    private static func anchor(_ text: String) -> RuleDate? {
        for (prefix, year) in [("odd-year-", 2001), ("even-year-", 2000), ("any-year-", 2000)]
        where text.hasPrefix(prefix) {
            return RuleDate("\(year)-" + text.dropFirst(prefix.count))
        }
        return text.utf8.count == 10 ? RuleDate(text) : nil
    }

    var json: JSONValue {
        var object = JSONObject()
        object["kind"] = .string(kind.rawValue)
        object["lengthMonths"] = .number(Double(lengthMonths))
        if let start { object["start"] = .string(start) }
        if let end { object["end"] = .string(end) }
        return .object(object)
    }
}
