public import Foundation

/// Reads activity records from CSV or JSON Lines and validates every field of every record.
///
/// Reading never stops at the first problem and never fails on bad content: valid records and diagnostics
/// (`FILE:LINE: field: expected …, found …`) come back separately. A record with any diagnostic is left out.
/// Diagnostics about the CSV header (an unknown or duplicated column) name the header line; they do not by
/// themselves reject the records below it.
public struct ActivityRecordReader {
    /// Reads a file whose extension names its format (`.csv`, `.jsonl`, `.ndjson`).
    ///
    /// - Throws: ``CMEError`` `.unsupportedFormat` for another extension, `.io` when the file cannot be read.
    public static func read(
        contentsOf url: URL, catalog: CMECatalog = .bundled
    ) throws(CMEError) -> (records: [ActivityRecord], diagnostics: [RecordDiagnostic]) {
        guard let format = RecordFormat(fileExtension: url.pathExtension) else {
            throw CMEError(
                .unsupportedFormat, "expected a .csv, .jsonl or .ndjson file", location: url.lastPathComponent)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CMEError(.io, "cannot read the file", location: url.path, underlying: error.localizedDescription)
        }
        return read(bytes: Array(data), fileName: url.lastPathComponent, format: format, catalog: catalog)
    }

    /// The CSV column names the reader knows: the fixed columns, then `credits_<CODE>` for every credit type a
    /// provider may award.
    public static func csvColumns(catalog: CMECatalog = .bundled) -> [String] {
        RecordField.columns.map(\.csvName)
            + catalog.creditTypes.filter(\.providerDesignated).map { RecordField.credits($0.code).csvName }
    }

    /// Reads records from bytes; `fileName` is used in locations and diagnostics.
    public static func read(
        bytes: [UInt8], fileName: String, format: RecordFormat, catalog: CMECatalog = .bundled
    ) -> (records: [ActivityRecord], diagnostics: [RecordDiagnostic]) {
        var records: [ActivityRecord] = []
        var diagnostics: [RecordDiagnostic] = []
        for item in ActivityRecordStream(bytes: bytes, fileName: fileName, format: format, catalog: catalog) {
            switch item {
            case .record(let record): records.append(record)
            case .rejected(_, let problems): diagnostics.append(contentsOf: problems)
            case .fileProblem(let problem): diagnostics.append(problem)
            }
        }
        return (records, diagnostics)
    }
}
