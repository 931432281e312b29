import Foundation
import VerifiableCredentials

/// The human-readable verification report (STYLE.md "How errors should look").
enum VerificationReportText {
    static func render(_ report: DocumentReport) -> String {
        var lines = ["\(report.name): \(report.verified ? "VERIFIED" : "NOT VERIFIED")"]
        for check in report.checks { lines.append("  " + line(check)) }
        let count = report.credentials.count
        for credential in report.credentials {
            let name = credential.issuerName.map { "  \"\($0)\"" } ?? ""
            lines.append(
                "  credential \(credential.index + 1) of \(count)  \(credential.id ?? "(no id)")  issuer \(credential.issuer ?? "?")\(name)"
            )
            for check in credential.checks { lines.append("    " + line(check)) }
        }
        return lines.joined(separator: "\n")
    }

    static func line(_ check: Check) -> String {
        let name = check.name.padding(toLength: max(check.name.count, 14), withPad: " ", startingAt: 0)
        let code = check.code.map { " [\($0)]" } ?? ""
        return "\(ProofReportText.mark(check.status)) \(name) \(check.message)\(code)"
    }
}
