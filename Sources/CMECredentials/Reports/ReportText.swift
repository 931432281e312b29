import Foundation

/// Amounts and states as reports print them.
enum ReportText {
    /// `3`, `1.5`, `0.25`.
    static func amount(_ value: Decimal) -> String { DecimalText.string(value) }

    /// `met`, `unmet`, `not applicable`, `unknown`.
    static func state(_ state: RequirementResult.State) -> String {
        switch state {
        case .met: "met"
        case .unmet: "unmet"
        case .notApplicable: "not applicable"
        case .unknown: "unknown"
        }
    }
}
