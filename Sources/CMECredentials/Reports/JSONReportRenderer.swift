public import VerifiableCredentials

/// Renders a ``DepartmentReport`` as JSON (format `cme-department-report/1`): the rule set, the as-of day,
/// `allClear`, one object per physician with its counts, credits by group and full ``ComplianceResult/json``,
/// the files that could not be read, and the report's ``DepartmentReport/warnings`` (always present, empty
/// when there are none).
public enum JSONReportRenderer {
    /// The format identifier written into the report.
    public static let formatName = "cme-department-report/1"

    /// The report as a JSON value.
    public static func json(_ report: DepartmentReport) -> JSONValue {
        var object = JSONObject()
        object["format"] = .string(formatName)
        object["ruleSet"] = .string(report.ruleSetID)
        object["title"] = .string(report.ruleSetTitle)
        object["asOf"] = .string(report.asOf.description)
        object["allClear"] = .bool(report.allClear)
        object["physicianCount"] = .number(Double(report.physicians.count))
        object["clearCount"] = .number(Double(report.clearCount))
        object["physicians"] = .array(report.physicians.map(physician))
        object["problems"] = .array(
            report.problems.map { problem in
                var entry = JSONObject()
                entry["file"] = .string(problem.file)
                entry["message"] = .string(problem.message)
                return .object(entry)
            })
        object["warnings"] = .array(report.warnings.map(JSONValue.string))
        return .object(object)
    }

    /// The report as pretty-printed UTF-8 bytes, ending in a newline.
    public static func render(_ report: DepartmentReport) -> [UInt8] {
        JSONSerializer.bytes(json(report), layout: .pretty) + [0x0A]
    }

    private static func physician(_ physician: PhysicianReport) -> JSONValue {
        var object = JSONObject()
        object["key"] = .string(physician.key)
        object["name"] = .string(physician.name)
        object["files"] = .array(physician.files.map(JSONValue.string))
        object["verified"] = .number(Double(physician.verifiedCount))
        object["notCounted"] = .number(Double(physician.notCounted.count))
        object["clear"] = .bool(physician.isClear)
        var credits = JSONObject()
        for group in physician.creditsByGroup { credits[group.group] = .number(DecimalText.double(group.amount)) }
        object["credits"] = .object(credits)
        object["result"] = physician.result.json
        return .object(object)
    }
}
