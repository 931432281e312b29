/// A value a PARS learner-completion row can carry, taken from the issuer ledger.
///
/// A column-mapping file (``PARSMapping``) names these by their raw value (`"npi"`, `"dobMonth"`…).
public enum PARSField: String, Sendable, Hashable, CaseIterable {
    /// The activity id in ACCME's PARS (`pars_activity_id` of the record).
    case accmeActivityID
    /// The provider's own activity id (`activity_id`).
    case providerActivityID
    /// The activity title.
    case activityTitle
    /// The learner's given name.
    case firstName
    /// The learner's family name.
    case lastName
    /// The month of birth, two digits (`04`).
    case dobMonth
    /// The day of birth, two digits (`17`).
    case dobDay
    /// The USPS code of the state license the row reports (`CA`).
    case licenseState
    /// The number of that license (`A123456`).
    case licenseID
    /// The learner's 10-digit NPI.
    case npi
    /// The certifying board of the MOC points on the row (`ABIM`); empty on rows without MOC points.
    case board
    /// The learner's id at that board; empty on rows without MOC points.
    case boardID
    /// The completion date, in the mapping's date format.
    case completionDate
    /// The AMA PRA Category 1 Credit™ amount (`3`, `1.5`, `0.25`); only on the first row of a credential.
    case amaCredits
    /// The cmevc credit type code of the MOC points on the row (`ABIM_MOC`).
    case mocCreditType
    /// The MOC points on the row.
    case mocPoints
    /// `Y` when the activity is listed in the mapping's `remsActivities`, otherwise `N`.
    case remsFlag
    /// The credential's id (`urn:uuid:…`), to trace a row back to the ledger.
    case credentialID
    /// The learner's e-mail address, when the record had one.
    case email

    /// The column header the default mapping gives this field: the field names of DOMAIN.md §2.
    public var defaultHeader: String {
        switch self {
        case .accmeActivityID: "ACCME activity ID"
        case .providerActivityID: "provider activity ID"
        case .activityTitle: "activity title"
        case .firstName: "first name"
        case .lastName: "last name"
        case .dobMonth: "DOB month"
        case .dobDay: "DOB day"
        case .licenseState: "license state"
        case .licenseID: "license ID"
        case .npi: "NPI"
        case .board: "board"
        case .boardID: "board ID"
        case .completionDate: "completion date"
        case .amaCredits: "CME credits (AMA Cat 1)"
        case .mocCreditType: "MOC credit type"
        case .mocPoints: "MOC points"
        case .remsFlag: "REMS flag"
        case .credentialID: "credential ID"
        case .email: "email"
        }
    }

    /// The fields of the default export, in DOMAIN.md §2 order.
    public static let defaultFields: [PARSField] = [
        .accmeActivityID, .providerActivityID, .firstName, .lastName, .dobMonth, .dobDay, .licenseState, .licenseID,
        .npi, .board, .boardID, .completionDate, .amaCredits, .mocCreditType, .mocPoints, .remsFlag,
    ]
}
