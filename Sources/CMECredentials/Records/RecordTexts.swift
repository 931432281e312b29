/// The single-value text fields of a ``RecordDraft``: one slot per field, nil when absent.
///
/// A dictionary keyed by ``RecordField`` hashed the enum (with its associated value) on every access, about
/// twenty times a record; the slots are found by a switch.
struct RecordTexts: Sendable {
    private var values = [String?](repeating: nil, count: RecordTexts.slotCount)

    /// The text of `field`; always nil for a field that is not a single text value (lists, credits, topics,
    /// groups), which are kept elsewhere in the draft and never stored here.
    subscript(field: RecordField) -> String? {
        get { Self.slot(field).flatMap { values[$0] } }
        set {
            if let slot = Self.slot(field) { values[slot] = newValue }
        }
    }

    private static let slotCount = 15

    private static func slot(_ field: RecordField) -> Int? {
        switch field {
        case .givenName: 0
        case .familyName: 1
        case .npi: 2
        case .email: 3
        case .did: 4
        case .dateOfBirth: 5
        case .activityID: 6
        case .title: 7
        case .format: 8
        case .completionDate: 9
        case .description: 10
        case .startDate: 11
        case .endDate: 12
        case .parsActivityID: 13
        case .jointProvider: 14
        case .licenses, .boardIDs, .credits, .maxCredits, .anyCredits, .anyIdentifier, .topics, .record: nil
        }
    }
}
