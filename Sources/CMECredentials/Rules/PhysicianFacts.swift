/// What the evaluation knows about the physician: named facts for `appliesIf` / `exemptIf`, and the dates
/// that place the renewal cycle.
///
/// Facts are text: `"true"`/`"false"` for yes/no facts, decimal numbers for numeric ones, comma-separated
/// lists for list facts (`boardCertifiedIn = "internal-medicine,addiction-medicine"`). A fact that is not
/// given is unknown, never false.
public struct PhysicianFacts: Sendable, Hashable {
    public var facts: [String: String]
    /// The renewal (license expiration) date the check is for; the end of the evaluated cycle.
    public var renewalDate: RuleDate?
    /// The date of initial licensure.
    public var licenseDate: RuleDate?
    /// The day the check is made: credits completed later are not counted.
    public var asOf: RuleDate

    public init(
        facts: [String: String] = [:], renewalDate: RuleDate? = nil, licenseDate: RuleDate? = nil, asOf: RuleDate
    ) {
        self.facts = facts
        self.renewalDate = renewalDate
        self.licenseDate = licenseDate
        self.asOf = asOf
    }
}
