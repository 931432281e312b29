import ArgumentParser
import CMECredentials

/// The physician facts and dates given on the command line (`--as-of`, `--renewal-date`, `--license-date`,
/// `--fact NAME=VALUE`), shared by `check` and `report`.
enum PhysicianFactsArguments {
    /// The facts; `today` is the default as-of day. Throws a `ValidationError` naming the option.
    static func parse(
        asOf: String?, renewalDate: String?, licenseDate: String?, facts: [String], today: RuleDate?
    ) throws -> PhysicianFacts {
        func date(_ text: String?, _ option: String) throws -> RuleDate? {
            guard let text else { return nil }
            guard let date = RuleDate(text) else {
                throw ValidationError("\(option): expected a date such as 2026-03-02, got \"\(text)\"")
            }
            return date
        }
        var named: [String: String] = [:]
        for fact in facts {
            guard let equals = fact.firstIndex(of: "="), equals != fact.startIndex else {
                throw ValidationError("--fact: expected NAME=VALUE, got \"\(fact)\"")
            }
            named[String(fact[..<equals])] = String(fact[fact.index(after: equals)...])
        }
        guard let asOf = try date(asOf, "--as-of") ?? today else {
            throw ValidationError("--as-of: today's date could not be determined; pass --as-of")
        }
        return PhysicianFacts(
            facts: named, renewalDate: try date(renewalDate, "--renewal-date"),
            licenseDate: try date(licenseDate, "--license-date"), asOf: asOf)
    }
}
