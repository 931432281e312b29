import VerifiableCredentials

/// Renders a ``DepartmentReport`` as CSV (RFC 4180): a header line, one line per physician, then one line per
/// file that could not be read. Lines end in CRLF; a field with a comma, quote, CR or LF is quoted, with quotes
/// doubled.
///
/// Columns: `physician`, `holder`, `files`, `verified`, `notCounted`, one column per credit group
/// (`credits:<group>`), per requirement its state (`<id>`: met, unmet, not applicable, unknown) and counted
/// amount (`<id>:counted`), then `notCountedReasons` and `problem`. Text that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, tab or CR) is prefixed with `'`.
public enum CSVReportRenderer {
    /// The whole file.
    public static func render(_ report: DepartmentReport) -> String {
        var header = ["physician", "holder", "files", "verified", "notCounted"]
        header += report.creditGroups.map { "credits:\($0)" }
        for column in report.requirements { header += [column.id, "\(column.id):counted"] }
        header += ["notCountedReasons", "problem"]
        var lines = [line(header.map(text))]
        for physician in report.physicians {
            var fields = [
                text(physician.name), text(physician.key), text(physician.files.joined(separator: "; ")),
                String(physician.verifiedCount), String(physician.notCounted.count),
            ]
            fields += report.creditGroups.map { ReportText.amount(physician.credits(inGroup: $0)) }
            for column in report.requirements {
                let result = physician.result.result(column.id)
                fields += [
                    result.map { ReportText.state($0.state) } ?? "", result.map { ReportText.amount($0.counted) } ?? "",
                ]
            }
            fields.append(text(physician.notCounted.map { "\($0.id): \($0.reason)" }.joined(separator: "; ")))
            fields.append("")
            lines.append(line(fields))
        }
        let width = header.count
        for problem in report.problems {
            var fields = ["", "", text(problem.file)] + Array(repeating: "", count: width - 4)
            fields.append(text(problem.message))
            lines.append(line(fields))
        }
        return lines.joined()
    }

    /// One record: fields quoted as needed (RFC 4180), joined with commas, ended with CRLF.
    static func line(_ fields: [String]) -> String {
        fields.map(SpreadsheetText.csvField).joined(separator: ",") + "\r\n"
    }

    /// Free text, defused so a spreadsheet does not run it as a formula.
    static func text(_ value: String) -> String { SpreadsheetText.defused(value) }
}
