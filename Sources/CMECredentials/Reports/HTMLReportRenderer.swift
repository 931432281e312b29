/// Renders a ``DepartmentReport`` as one self-contained HTML file: inline CSS, inline SVG charts, no scripts
/// and no external assets. All text is escaped with ``HTMLText``. The print stylesheet starts each
/// physician's detail on a new page.
public enum HTMLReportRenderer {
    /// The whole document.
    public static func render(_ report: DepartmentReport) -> String {
        var html = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(e("CME compliance: \(report.ruleSetTitle)"))</title>", "<style>", stylesheet, "</style>",
            "</head>", "<body>",
        ]
        html += header(report)
        html += problems(report)
        html += warnings(report)
        html += summary(report)
        for (index, physician) in report.physicians.enumerated() {
            html += detail(physician, number: index + 1, report: report)
        }
        html += sources(report)
        html += ["</body>", "</html>", ""]
        return html.joined(separator: "\n")
    }

    private static func e(_ text: String) -> String { HTMLText.escape(text) }

    private static func header(_ report: DepartmentReport) -> [String] {
        let verdict =
            report.allClear
            ? "<span class=\"state met\">all clear</span>"
            : "<span class=\"state unmet\">needs attention</span>"
        return [
            "<header>",
            "<h1>CME compliance report</h1>",
            "<p class=\"meta\">\(e(report.ruleSetTitle)) (<code>\(e(report.ruleSetID))</code>), as of "
                + "\(e(report.asOf.description)) · \(report.physicians.count) physician"
                + "\(report.physicians.count == 1 ? "" : "s"), \(report.clearCount) clear · \(verdict)</p>",
            "<p class=\"note\">Only credentials that verified in full (proof, issuer trusted at signing time, "
                + "status known and clear) count; the others are listed per physician as not counted.</p>",
            "</header>",
        ]
    }

    private static func problems(_ report: DepartmentReport) -> [String] {
        guard !report.problems.isEmpty else { return [] }
        var lines = ["<section class=\"problems\">", "<h2>Files that could not be read</h2>", "<ul>"]
        for problem in report.problems {
            lines.append("<li><code>\(e(problem.file))</code>: \(e(problem.message))</li>")
        }
        lines += ["</ul>", "</section>"]
        return lines
    }

    /// The report's warnings about its inputs (a stale registry, unusable status lists): an auditor reading the
    /// printed report sees what the command printed on stderr.
    private static func warnings(_ report: DepartmentReport) -> [String] {
        guard !report.warnings.isEmpty else { return [] }
        var lines = ["<section class=\"problems\">", "<h2>Warnings</h2>", "<ul>"]
        for warning in report.warnings { lines.append("<li>\(e(warning))</li>") }
        lines += ["</ul>", "</section>"]
        return lines
    }

    private static func summary(_ report: DepartmentReport) -> [String] {
        var head = "<tr><th>Physician</th><th class=\"num\">Verified</th><th class=\"num\">Not counted</th>"
        for group in report.creditGroups { head += "<th class=\"num\">\(e(group))</th>" }
        for column in report.requirements { head += "<th>\(e(column.label))</th>" }
        head += "</tr>"
        var lines = [
            "<section class=\"summary\">", "<h2>Summary</h2>", "<table>", "<thead>", head, "</thead>", "<tbody>",
        ]
        for (index, physician) in report.physicians.enumerated() {
            var row = "<tr><td><a href=\"#physician-\(index + 1)\">\(e(physician.name))</a></td>"
            row += "<td class=\"num\">\(physician.verifiedCount)</td>"
            let missing = physician.notCounted.count
            row += "<td class=\"num\(missing > 0 ? " warn" : "")\">\(missing)</td>"
            for group in report.creditGroups {
                row += "<td class=\"num\">\(e(ReportText.amount(physician.credits(inGroup: group))))</td>"
            }
            for column in report.requirements {
                row += "<td>\(badge(physician.result.result(column.id)?.state))</td>"
            }
            lines.append(row + "</tr>")
        }
        lines += ["</tbody>", "</table>", "</section>"]
        return lines
    }

    private static func badge(_ state: RequirementResult.State?) -> String {
        guard let state else { return "" }
        return "<span class=\"state \(state.rawValue)\">\(e(ReportText.state(state)))</span>"
    }

    private static func detail(_ physician: PhysicianReport, number: Int, report: DepartmentReport) -> [String] {
        let result = physician.result
        var lines = [
            "<section class=\"physician\" id=\"physician-\(number)\">",
            "<h2>\(e(physician.name))</h2>",
            "<p class=\"meta\"><code>\(e(physician.key))</code> · \(physician.verifiedCount) credential"
                + "\(physician.verifiedCount == 1 ? "" : "s") verified, \(physician.notCounted.count) not counted"
                + (result.cycle.map { " · cycle \(e($0.description))" } ?? "") + "</p>",
            "<p class=\"files\">Files: \(physician.files.map { "<code>\(e($0))</code>" }.joined(separator: ", "))</p>",
        ]
        if let chart = SVGCreditChart(result: result).svg(
            title: "Credits of \(physician.name) against each requirement")
        {
            lines += [
                "<figure>", chart,
                "<figcaption>Bars: credit counted; black line: the amount required."
                    + "</figcaption>", "</figure>",
            ]
        }
        lines += [
            "<table class=\"requirements\">",
            "<thead><tr><th>Requirement</th><th>State</th><th class=\"num\">Counted"
                + "</th><th class=\"num\">Required</th><th>Details</th><th>Credentials that counted</th></tr></thead>",
            "<tbody>",
        ]
        for requirement in result.requirements {
            var row = "<tr><td>\(e(requirement.title ?? requirement.requirementID))"
            row += "<br><code>\(e(requirement.requirementID))</code></td>"
            row += "<td>\(badge(requirement.state))</td>"
            row += "<td class=\"num\">\(e(ReportText.amount(requirement.counted)))</td>"
            row += "<td class=\"num\">\(requirement.required.map { e(ReportText.amount($0)) } ?? "")</td>"
            var details = e(requirement.explanation)
            if !requirement.missingFacts.isEmpty {
                details += "<br>missing facts: \(e(requirement.missingFacts.joined(separator: ", ")))"
            }
            row += "<td>\(details)</td><td>"
            if !requirement.contributions.isEmpty {
                row += "<ul>"
                for contribution in requirement.contributions {
                    row +=
                        "<li><code>\(e(contribution.credentialID))</code>: "
                        + "\(e(ReportText.amount(contribution.amount)))</li>"
                }
                row += "</ul>"
            }
            lines.append(row + "</td></tr>")
        }
        lines += ["</tbody>", "</table>"]
        if !physician.notCounted.isEmpty {
            lines += ["<h3>Not counted</h3>", "<ul class=\"not-counted\">"]
            for entry in physician.notCounted {
                lines.append("<li><code>\(e(entry.id))</code>: \(e(entry.reason))</li>")
            }
            lines.append("</ul>")
        }
        lines.append("</section>")
        return lines
    }

    private static func sources(_ report: DepartmentReport) -> [String] {
        guard !report.sources.isEmpty else { return [] }
        var lines = ["<footer>", "<h2>Rule sources</h2>", "<ul>"]
        for source in report.sources {
            var item =
                "<li>\(e(source.url)) (retrieved \(e(source.retrieved.description)), confidence "
                + "\(e(source.confidence.rawValue)))"
            if let note = source.note { item += ": \(e(note))" }
            lines.append(item + "</li>")
        }
        lines += ["</ul>", "</footer>"]
        return lines
    }

    static let stylesheet = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a;
          margin: 24px auto; max-width: 1120px; padding: 0 16px; }
        h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 24px 0 8px; }
        h3 { font-size: 15px; } .meta { color: #444; } .note { color: #555; font-size: 12px; }
        code { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; word-break: break-all; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; }
        th, td { border: 1px solid #c9ccd1; padding: 4px 6px; text-align: left; vertical-align: top; }
        th { background: #eef0f3; } .num { text-align: right; } td.warn { color: #c62828; font-weight: 600; }
        td ul, .not-counted { margin: 0; padding-left: 18px; }
        .state { display: inline-block; padding: 1px 6px; border-radius: 3px; font-size: 12px; font-weight: 600;
          border: 1px solid; white-space: nowrap; }
        .state.met { color: #1b5e20; background: #e8f5e9; } .state.unmet { color: #b71c1c; background: #ffebee; }
        .state.unknown { color: #424242; background: #f5f5f5; border-style: dashed; }
        .state.notApplicable { color: #616161; background: #fafafa; }
        .problems { border: 1px solid #c62828; background: #fff5f5; padding: 4px 12px; }
        .physician { border-top: 2px solid #1a1a1a; margin-top: 28px; }
        figure { margin: 8px 0; } figcaption { font-size: 12px; color: #555; }
        footer { margin-top: 32px; font-size: 12px; color: #444; }
        @media print {
          body { margin: 0; max-width: none; font-size: 11px; }
          a { color: inherit; text-decoration: none; }
          .physician { break-before: page; page-break-before: always; border-top: none; }
          tr, figure { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          .state { border-width: 1px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
