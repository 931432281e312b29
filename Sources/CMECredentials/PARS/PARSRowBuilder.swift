import VerifiableCredentials

/// Turns one ledger credential into its PARS rows.
///
/// - The first row carries the learner's first license, the AMA PRA Category 1 credit and the MOC points of
///   the first board (credit types whose unit is "MOC point", in the order the record listed them).
/// - Each further MOC board gets a row of its own with the same learner and license, its board and board id,
///   and no AMA credit, so the credit is never reported twice.
/// - With ``PARSMapping/LicenseRows/each``, each further license gets a row with the AMA credit and no MOC
///   points (MOC is reported once, to the board); when there is no AMA credit no such row is made.
public struct PARSRowBuilder: Sendable {
    /// The mapping (license rows, date format, REMS activities).
    public var mapping: PARSMapping
    /// The credit types, to tell MOC points from other credit.
    public var catalog: CMECatalog

    /// Creates a builder.
    public init(mapping: PARSMapping, catalog: CMECatalog = .bundled) {
        self.mapping = mapping
        self.catalog = catalog
    }

    /// The rows of `credential` (at least one).
    public func rows(for credential: LedgerCredential) -> [PARSRow] {
        let learner = credential.learner
        let activity = credential.activity
        var base = PARSRow(
            credentialID: credential.credentialID, activityID: activity.id,
            learnerLabel: Self.label(givenName: learner.givenName, familyName: learner.familyName), values: [:])
        base[.accmeActivityID] = activity.parsActivityID ?? ""
        base[.providerActivityID] = activity.id
        base[.activityTitle] = activity.title
        base[.firstName] = learner.givenName
        base[.lastName] = learner.familyName
        base[.npi] = learner.npi ?? ""
        base[.email] = learner.email ?? ""
        base[.credentialID] = credential.credentialID
        base[.completionDate] = Self.date(activity.completionDate, mapping.dateFormat)
        base[.remsFlag] =
            mapping.remsActivities.contains(activity.id)
                || activity.parsActivityID.map(mapping.remsActivities.contains) == true ? "Y" : "N"
        if let dob = learner.dateOfBirth {
            let parts = dob.split(separator: "-", omittingEmptySubsequences: false)
            base[.dobMonth] = parts.count == 2 ? String(parts[0]) : dob
            base[.dobDay] = parts.count == 2 ? String(parts[1]) : ""
        }

        var amaCredits = ""
        var moc: [(code: String, points: String)] = []
        for member in credential.credits.objectValue?.members ?? [] {
            let amount = Self.amount(member.value)
            if member.key == CreditType.amaCategory1 {
                amaCredits = amount
            } else if isMOC(member.key) {
                moc.append((member.key, amount))
            }
        }

        let licenses = learner.licenses.map(Self.license)
        var first = base
        if let license = licenses.first {
            first[.licenseState] = license.state
            first[.licenseID] = license.number
        }
        var rows: [PARSRow] = []
        var row = first
        row[.amaCredits] = amaCredits
        if let board = moc.first { fillMOC(&row, board, learner: learner) }
        rows.append(row)
        for board in moc.dropFirst() {
            var row = first
            fillMOC(&row, board, learner: learner)
            rows.append(row)
        }
        if mapping.licenseRows == .each, !amaCredits.isEmpty {
            for license in licenses.dropFirst() {
                var row = base
                row[.licenseState] = license.state
                row[.licenseID] = license.number
                row[.amaCredits] = amaCredits
                rows.append(row)
            }
        }
        return rows
    }

    /// Whether a credit type code is MOC points: the catalog's unit says so, or (for codes the catalog does not
    /// know) the code ends in `_MOC`.
    func isMOC(_ code: String) -> Bool {
        if let type = catalog.creditType(code) { return type.unit == "MOC point" }
        return code.hasSuffix("_MOC")
    }

    private func fillMOC(_ row: inout PARSRow, _ credit: (code: String, points: String), learner: LedgerLearner) {
        let board = Self.board(of: credit.code)
        row[.board] = board
        row[.mocCreditType] = credit.code
        row[.mocPoints] = credit.points
        let prefix = board + ":"
        if let id = learner.boardIDs.first(where: { $0.uppercased().hasPrefix(prefix) }) {
            row[.boardID] = String(id.dropFirst(prefix.count))
        }
    }

    /// The board acronym of a MOC credit type code: `ABIM_MOC` → `ABIM`.
    static func board(of code: String) -> String {
        code.hasSuffix("_MOC") ? String(code.dropLast(4)) : code
    }

    /// `CA:A123456` → (`CA`, `A123456`); text without a colon is all number.
    static func license(_ text: String) -> (state: String, number: String) {
        guard let colon = text.firstIndex(of: ":") else { return ("", text) }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    /// A credit amount as text: `3`, `1.5`, `0.25`; any other JSON value as written, so the validator names it.
    static func amount(_ value: JSONValue) -> String {
        if let number = value.numberValue {
            return DecimalText.decimal(fromJSONNumber: number).map(DecimalText.string) ?? number.ecmaScriptString
        }
        return value.stringValue ?? JSONSerializer.string(value)
    }

    /// A `YYYY-MM-DD` date in `format`; anything else is kept as it is (the validator rejects it).
    static func date(_ text: String, _ format: PARSMapping.DateFormat) -> String {
        guard format == .us, DateText.isDate(text) else { return text }
        let parts = text.split(separator: "-")
        return "\(parts[1])/\(parts[2])/\(parts[0])"
    }

    /// `M. Gonzalez`.
    static func label(givenName: String, familyName: String) -> String {
        let initial = givenName.first.map { "\($0). " } ?? ""
        return PARSText.sanitized(initial + familyName)
    }
}
