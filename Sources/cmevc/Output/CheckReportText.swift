import CMECredentials
import Foundation

/// The human-readable compliance report: requirement by requirement, then the credentials not counted, as
/// lines for ``Terminal/out(lines:)``.
enum CheckReportText {
    static func render(_ result: ComplianceResult) -> [String] {
        var lines = ["\(result.title) (\(result.ruleSetID)), as of \(result.asOf)"]
        if let cycle = result.cycle { lines.append("cycle: \(cycle)") }
        for requirement in result.requirements {
            var head = "\(label(requirement.state))  \(requirement.requirementID)"
            if let title = requirement.title { head += " — \(title)" }
            lines.append(head)
            if let required = requirement.required {
                lines.append("    counted \(requirement.counted) of \(required)")
            } else if requirement.counted > 0 {
                lines.append("    counted \(requirement.counted)")
            }
            if !requirement.explanation.isEmpty { lines.append("    \(requirement.explanation)") }
            if !requirement.missingFacts.isEmpty {
                lines.append("    missing facts: \(requirement.missingFacts.joined(separator: ", "))")
            }
            for contribution in requirement.contributions {
                lines.append("      \(contribution.credentialID): \(contribution.amount)")
            }
        }
        if !result.notCounted.isEmpty {
            lines.append("not counted:")
            for entry in result.notCounted { lines.append("  \(entry.id): \(entry.reason)") }
        }
        let counts = Dictionary(grouping: result.requirements, by: \.state).mapValues(\.count)
        let summary = RequirementResult.State.allCases.compactMap { state in
            counts[state].map { "\($0) \(label(state).lowercased().trimmingCharacters(in: .whitespaces))" }
        }
        lines.append(
            "\(result.allMet ? "ALL REQUIREMENTS MET" : "REQUIREMENTS NOT MET"): \(summary.joined(separator: ", "))")
        return lines
    }

    static func label(_ state: RequirementResult.State) -> String {
        switch state {
        case .met: "MET    "
        case .unmet: "UNMET  "
        case .notApplicable: "N/A    "
        case .unknown: "UNKNOWN"
        }
    }
}
