import Foundation
import VerifiableCredentials

/// The human-readable verification report (STYLE.md "How errors should look"), as lines for
/// ``Terminal/out(lines:)``; values from the file are cut to ``DisplayText/defaultLimit``.
enum VerificationReportText {
    static func render(_ report: DocumentReport) -> [String] {
        var lines = ["\(DisplayText.line(report.name)): \(report.verified ? "VERIFIED" : "NOT VERIFIED")"]
        for check in report.checks { lines.append("  " + line(check)) }
        let count = report.credentials.count
        for credential in report.credentials {
            let name = credential.issuerName.map { "  \(DisplayText.quoted($0, limit: 120))" } ?? ""
            let id = credential.id.map { DisplayText.line($0, limit: 200) } ?? "(no id)"
            let issuer = credential.issuer.map { DisplayText.line($0, limit: 200) } ?? "?"
            lines.append("  credential \(credential.index + 1) of \(count)  \(id)  issuer \(issuer)\(name)")
            for check in credential.checks { lines.append("    " + line(check)) }
        }
        return lines
    }

    static func line(_ check: Check) -> String {
        let name = check.name.padding(toLength: max(check.name.count, 14), withPad: " ", startingAt: 0)
        let code = check.code.map { " [\($0)]" } ?? ""
        return "\(ProofReportText.mark(check.status)) \(name) \(DisplayText.line(check.message))\(code)"
    }
}
