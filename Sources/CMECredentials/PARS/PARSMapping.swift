public import VerifiableCredentials

/// How a PARS export lays out its rows: which columns, in which order, under which headers, and the few
/// choices the ledger cannot make alone.
///
/// A mapping file (`cmevc-pars-mapping/1`, schema `Schemas/json-schema/pars-mapping.schema.json`) looks like:
/// ```json
/// {"format": "cmevc-pars-mapping/1",
///  "columns": [{"header": "Activity ID", "field": "accmeActivityID"}, {"header": "NPI", "field": "npi"}],
///  "licenses": "first", "dateFormat": "MM/DD/YYYY", "remsActivities": ["2026-017"]}
/// ```
public struct PARSMapping: Sendable, Hashable {
    /// The `format` a mapping file must declare.
    public static let formatName = "cmevc-pars-mapping/1"

    /// One output column: its header and the ledger field it holds.
    public struct Column: Sendable, Hashable {
        /// The header written in the first row.
        public var header: String
        /// The ledger field the column holds.
        public var field: PARSField

        public init(header: String, field: PARSField) {
            self.header = header
            self.field = field
        }
    }

    /// Which of a learner's state licenses get a row.
    public enum LicenseRows: String, Sendable, Hashable, CaseIterable {
        /// One row per credential, identified by the first license recorded (the default: a completion is
        /// reported once).
        case first
        /// One row per license, each carrying the AMA credit, for boards that match on their own license only;
        /// MOC points still go on the first license's rows only.
        case each
    }

    /// How the completion date is written.
    public enum DateFormat: String, Sendable, Hashable, CaseIterable {
        /// `2026-03-01` (ISO 8601, the default).
        case iso = "YYYY-MM-DD"
        /// `03/01/2026` (US spreadsheet style).
        case us = "MM/DD/YYYY"
    }

    /// The columns, in output order; never empty.
    public var columns: [Column]
    /// Which licenses get a row (default: the first).
    public var licenseRows: LicenseRows
    /// How the completion date is written (default: `YYYY-MM-DD`).
    public var dateFormat: DateFormat
    /// Activities registered as REMS activities in PARS, by provider or ACCME activity id (the ledger does
    /// not record REMS registration, so the mapping says it).
    public var remsActivities: Set<String>

    public init(
        columns: [Column], licenseRows: LicenseRows = .first, dateFormat: DateFormat = .iso,
        remsActivities: Set<String> = []
    ) {
        self.columns = columns
        self.licenseRows = licenseRows
        self.dateFormat = dateFormat
        self.remsActivities = remsActivities
    }

    /// The DOMAIN.md §2 field set with its headers, first license, ISO dates, no REMS activities.
    public static let `default` = PARSMapping(
        columns: PARSField.defaultFields.map { Column(header: $0.defaultHeader, field: $0) })

    /// The fields the columns hold.
    public var fields: Set<PARSField> { Set(columns.map(\.field)) }

    /// The headers, in output order.
    public var headers: [String] { columns.map(\.header) }

    /// Reads a mapping file's JSON.
    ///
    /// - Parameter file: the file name, put in front of every error's JSON Pointer.
    /// - Throws: ``CredentialError`` `invalidPARSMapping` naming the file and the entry (`/columns/3/field`).
    public init(json: JSONValue, file: String? = nil) throws(CredentialError) {
        func fail(_ message: String, _ pointer: String) -> CredentialError {
            .parsMapping(message, at: pointer, in: file)
        }
        guard let object = json.objectValue else {
            throw fail("a mapping must be a JSON object, found \(json.kindDescription)", "")
        }
        let known: Set<String> = [
            "$schema", "format", "columns", "licenses", "dateFormat", "remsActivities", "description",
        ]
        if let unknown = object.keys.first(where: { !known.contains($0) }) {
            throw fail(
                "unknown member \"\(unknown)\"; expected one of \(known.sorted().joined(separator: ", "))",
                JSONPointer.appending(unknown, to: ""))
        }
        guard object["format"]?.stringValue == Self.formatName else {
            throw fail("\"format\" must be \"\(Self.formatName)\"", "/format")
        }
        guard let entries = object["columns"]?.arrayValue, !entries.isEmpty else {
            throw fail("\"columns\" must be a non-empty array of {\"header\", \"field\"}", "/columns")
        }
        var columns: [Column] = []
        for (index, entry) in entries.enumerated() {
            columns.append(try Self.column(entry, at: "/columns/\(index)", fail: fail))
        }
        var seen: Set<String> = []
        for (index, column) in columns.enumerated() where !seen.insert(column.header).inserted {
            throw fail("header \"\(column.header)\" appears twice", "/columns/\(index)/header")
        }
        self.columns = columns
        licenseRows = try Self.option(object["licenses"], default: .first, at: "/licenses", fail: fail)
        dateFormat = try Self.option(object["dateFormat"], default: .iso, at: "/dateFormat", fail: fail)
        remsActivities = []
        if let rems = object["remsActivities"] {
            guard let list = rems.arrayValue else {
                throw fail("\"remsActivities\" must be an array", "/remsActivities")
            }
            for (index, item) in list.enumerated() {
                guard let id = item.stringValue, !id.isEmpty else {
                    throw fail("expected a non-empty activity id", "/remsActivities/\(index)")
                }
                remsActivities.insert(id)
            }
        }
        if let description = object["description"], description.stringValue == nil {
            throw fail("\"description\" must be a string", "/description")
        }
    }

    private static func column(
        _ entry: JSONValue, at pointer: String, fail: (String, String) -> CredentialError
    ) throws(CredentialError) -> Column {
        guard let member = entry.objectValue else {
            throw fail("a column must be an object {\"header\", \"field\"}, found \(entry.kindDescription)", pointer)
        }
        if let unknown = member.keys.first(where: { $0 != "header" && $0 != "field" }) {
            throw fail(
                "unknown member \"\(unknown)\"; a column has \"header\" and \"field\"",
                JSONPointer.appending(unknown, to: pointer))
        }
        guard let header = member["header"]?.stringValue, !header.isEmpty else {
            throw fail("\"header\" must be a non-empty string", "\(pointer)/header")
        }
        guard !PARSText.hasControlCharacter(header) else {
            throw fail("header \"\(header)\" holds a tab, line break or other control character", "\(pointer)/header")
        }
        guard let name = member["field"]?.stringValue else {
            throw fail("\"field\" must be a string naming a ledger field", "\(pointer)/field")
        }
        guard let field = PARSField(rawValue: name) else {
            let known = PARSField.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail("unknown field \"\(name)\"; known fields: \(known)", "\(pointer)/field")
        }
        return Column(header: header, field: field)
    }

    private static func option<T: RawRepresentable & CaseIterable>(
        _ value: JSONValue?, default fallback: T, at pointer: String, fail: (String, String) -> CredentialError
    ) throws(CredentialError) -> T where T.RawValue == String {
        guard let value else { return fallback }
        guard let text = value.stringValue, let option = T(rawValue: text) else {
            let allowed = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
            throw fail("expected \(allowed)", pointer)
        }
        return option
    }
}
