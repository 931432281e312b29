/// A field of an activity record, named as each file format names it in diagnostics.
enum RecordField: Hashable, Sendable {
    case givenName, familyName, npi, email, did, licenses, boardIDs, dateOfBirth
    case activityID, title, format, completionDate, description, startDate, endDate, parsActivityID, jointProvider
    case credits(String)
    case maxCredits
    /// The whole credits group ("at least one credit").
    case anyCredits
    /// The learner identifiers as a group ("at least one identifier").
    case anyIdentifier
    case topics
    /// The record as a whole (CSV row shape, JSON line syntax).
    case record

    /// The text fields that are one CSV column each, in the order the README documents them.
    static let columns: [RecordField] = [
        .givenName, .familyName, .npi, .email, .did, .licenses, .boardIDs, .dateOfBirth, .activityID, .title,
        .format, .completionDate, .description, .startDate, .endDate, .parsActivityID, .jointProvider, .maxCredits,
        .topics,
    ]

    /// The CSV column name (`learner_npi`, `credits_AMA_PRA_CAT1`).
    var csvName: String {
        switch self {
        case .givenName: "learner_given_name"
        case .familyName: "learner_family_name"
        case .npi: "learner_npi"
        case .email: "learner_email"
        case .did: "learner_did"
        case .licenses: "learner_license"
        case .boardIDs: "learner_board_id"
        case .dateOfBirth: "learner_dob"
        case .activityID: "activity_id"
        case .title: "activity_title"
        case .format: "activity_format"
        case .completionDate: "completion_date"
        case .description: "activity_description"
        case .startDate: "activity_start"
        case .endDate: "activity_end"
        case .parsActivityID: "pars_activity_id"
        case .jointProvider: "joint_provider"
        case .credits(let code): "credits_\(code)"
        case .maxCredits: "max_credits_AMA_PRA_CAT1"
        case .anyCredits: "credits"
        case .anyIdentifier: "learner"
        case .topics: "topics"
        case .record: "record"
        }
    }

    /// The JSON Pointer in the nested JSON Lines form (`/learner/npi`, `/credits/AMA_PRA_CAT1`).
    var jsonPointer: String {
        switch self {
        case .givenName: "/learner/givenName"
        case .familyName: "/learner/familyName"
        case .npi: "/learner/npi"
        case .email: "/learner/email"
        case .did: "/learner/did"
        case .licenses: "/learner/licenses"
        case .boardIDs: "/learner/boardIds"
        case .dateOfBirth: "/learner/dateOfBirth"
        case .activityID: "/activity/id"
        case .title: "/activity/title"
        case .format: "/activity/format"
        case .completionDate: "/activity/completionDate"
        case .description: "/activity/description"
        case .startDate: "/activity/startDate"
        case .endDate: "/activity/endDate"
        case .parsActivityID: "/activity/parsActivityId"
        case .jointProvider: "/activity/jointProvider"
        case .credits(let code): "/credits/\(code)"
        case .maxCredits: "/maxCredits/AMA_PRA_CAT1"
        case .anyCredits: "/credits"
        case .anyIdentifier: "/learner"
        case .topics: "/topics"
        case .record: "/"
        }
    }

    /// The field's name in `format`.
    func name(in format: RecordFormat) -> String {
        format == .csv ? csvName : jsonPointer
    }

    /// The JSON member name of a text field inside its group (`npi`), and the group (`learner`).
    var jsonMember: (group: String, member: String)? {
        let parts = jsonPointer.split(separator: "/")
        guard parts.count == 2 else { return nil }
        return (String(parts[0]), String(parts[1]))
    }
}
