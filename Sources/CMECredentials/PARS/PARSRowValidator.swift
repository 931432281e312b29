public import Foundation
import VerifiableCredentials

/// Checks a row against the rules PARS applies to learner-completion data (DOMAIN.md §2).
///
/// Only the fields the mapping writes count: a value left out of the file is not reported, so a mapping
/// without an NPI column cannot identify learners by NPI. The rules:
/// - an ACCME activity id (when the mapping has that column);
/// - a first and a last name;
/// - a state license id or an NPI;
/// - MOC points need the learner's id at that board, and MOC points or a board id need the month and day
///   of birth;
/// - AMA PRA Category 1 credit, when present, is a positive multiple of 0.25; MOC points are positive;
/// - the row reports AMA credit or MOC points (a row with neither, such as nursing contact hours only, is
///   nothing PARS takes);
/// - no value holds a tab, a line break or another control character (it would split or shift the row);
/// - no value starts with `=`, `+`, `-` or `@`: the upload is a spreadsheet file that staff open, and a
///   spreadsheet would run such a value as a formula (``SpreadsheetText``). The file must carry the values as
///   they are, so the row is rejected rather than the value changed.
public struct PARSRowValidator: Sendable {
    /// The step AMA PRA Category 1 Credit™ is awarded in.
    public static let amaStep = Decimal(string: "0.25") ?? 0.25

    public var mapping: PARSMapping

    public init(mapping: PARSMapping) {
        self.mapping = mapping
    }

    /// The reasons PARS would reject `row`, in rule order; empty when the row is acceptable.
    public func rejections(of row: PARSRow) -> [PARSRejection] {
        let fields = mapping.fields
        func value(_ field: PARSField) -> String { fields.contains(field) ? row[field] : "" }
        var reasons: [PARSRejection] = []
        func reject(_ code: PARSRejection.Code, _ message: String) { reasons.append(PARSRejection(code, message)) }

        if fields.contains(.accmeActivityID), value(.accmeActivityID).isEmpty {
            reject(.missingActivityID, "no ACCME activity ID (the record had no pars_activity_id)")
        }
        if value(.firstName).isEmpty || value(.lastName).isEmpty {
            reject(.missingName, "no first name or no last name")
        }
        if value(.licenseID).isEmpty, value(.npi).isEmpty {
            reject(.missingLicenseAndNPI, "no state license ID and no NPI")
        }
        let mocPoints = value(.mocPoints)
        if !mocPoints.isEmpty, value(.boardID).isEmpty {
            let board = row[.board].isEmpty ? "board" : row[.board]
            reject(.missingBoardID, "\(board) MOC points without the learner's \(board) ID")
        }
        if !mocPoints.isEmpty || !value(.boardID).isEmpty, value(.dobMonth).isEmpty || value(.dobDay).isEmpty {
            reject(.missingBirthDate, "MOC points or a board ID without the month and day of birth")
        }
        let ama = value(.amaCredits)
        if !ama.isEmpty {
            let amount = DecimalText.decimal(ama)
            if amount.map({ $0 <= 0 || !DecimalText.isMultiple($0, of: Self.amaStep) }) ?? true {
                reject(.invalidAMACredits, "AMA PRA Category 1 credit \(ama) is not a positive multiple of 0.25")
            }
        }
        if !mocPoints.isEmpty, DecimalText.decimal(mocPoints).map({ $0 <= 0 }) ?? true {
            reject(.invalidMOCPoints, "MOC points \(mocPoints) are not a positive number")
        }
        if fields.contains(.completionDate), !Self.isDate(row[.completionDate], mapping.dateFormat) {
            reject(.invalidCompletionDate, "completion date \"\(row[.completionDate])\" is not a calendar date")
        }
        if ama.isEmpty, mocPoints.isEmpty {
            reject(.nothingToReport, "no AMA PRA Category 1 credit and no MOC points to report")
        }
        let unsafe = mapping.columns.filter { PARSText.hasControlCharacter(row[$0.field]) }.map(\.header)
        if !unsafe.isEmpty {
            reject(
                .controlCharacter,
                "\(unsafe.joined(separator: ", ")) holds a tab, line break or other control character")
        }
        let formulas = mapping.columns.filter {
            let value = row[$0.field]
            return SpreadsheetText.readsAsFormula(value) && !PARSText.hasControlCharacter(value)
        }
        if !formulas.isEmpty {
            let names = formulas.map {
                "\($0.header) starts with \(DisplayText.quoted(String(row[$0.field].prefix(1))))"
            }
            reject(.formulaText, "\(names.joined(separator: ", ")), which a spreadsheet would run as a formula")
        }
        return reasons
    }

    private static func isDate(_ text: String, _ format: PARSMapping.DateFormat) -> Bool {
        switch format {
        case .iso: return DateText.isDate(text)
        case .us:
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            return parts.count == 3 && DateText.isDate("\(parts[2])-\(parts[0])-\(parts[1])")
        }
    }
}
