/// One learner-completion row of a PARS export, before it is checked and written.
///
/// A credential gives one row, or more when it carries MOC points for several boards or the mapping asks
/// for a row per license (see ``PARSRowBuilder``).
public struct PARSRow: Sendable, Hashable {
    /// The credential the row reports.
    public var credentialID: String
    /// The provider's activity id, for messages.
    public var activityID: String
    /// The learner as messages name them: the initial of the given name and the family name (`M. Gonzalez`),
    /// no identifier.
    public var learnerLabel: String
    /// The values, by field; a field not present is empty.
    public var values: [PARSField: String]

    public init(credentialID: String, activityID: String, learnerLabel: String, values: [PARSField: String]) {
        self.credentialID = credentialID
        self.activityID = activityID
        self.learnerLabel = learnerLabel
        self.values = values
    }

    /// The value of `field`, or `""`.
    public subscript(field: PARSField) -> String {
        get { values[field] ?? "" }
        set { values[field] = newValue.isEmpty ? nil : newValue }
    }

    /// `credential <id> (learner M. Gonzalez, activity 2026-017)`, the start of a per-row message.
    public var label: String {
        "credential \(credentialID) (learner \(learnerLabel), activity \(activityID))"
    }
}
