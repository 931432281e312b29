public import Foundation

/// A small horizontal bar chart, as inline SVG, of a physician's counted credit against each numeric
/// requirement: one bar per requirement, coloured by its state, with the required amount marked by a line.
///
/// The SVG is written by this code (no library, no script) and all text in it is escaped, so it can be
/// embedded in an HTML report as it is.
public struct SVGCreditChart: Sendable {
    /// One bar.
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var counted: Decimal
        public var required: Decimal
        public var state: RequirementResult.State

        public init(label: String, counted: Decimal, required: Decimal, state: RequirementResult.State) {
            self.label = label
            self.counted = counted
            self.required = required
            self.state = state
        }
    }

    public var bars: [Bar]
    /// The chart's width in CSS pixels.
    public var width = 560
    static let rowHeight = 26
    static let labelWidth = 200
    static let valueWidth = 90
    static let top = 8

    public init(bars: [Bar]) { self.bars = bars }

    /// The bars of a result: every `min` and `percentOfTotal` requirement with a required amount, in rule order.
    public init(result: ComplianceResult) {
        bars = result.requirements.compactMap { requirement in
            guard requirement.kind == .min || requirement.kind == .percentOfTotal,
                let required = requirement.required, requirement.state != .notApplicable
            else { return nil }
            return Bar(
                label: requirement.title ?? requirement.requirementID, counted: requirement.counted,
                required: required, state: requirement.state)
        }
    }

    /// The chart's height in CSS pixels.
    public var height: Int { Self.top * 2 + bars.count * Self.rowHeight }

    /// The SVG element; `nil` when there is no bar to draw.
    public func svg(title: String) -> String? {
        guard !bars.isEmpty else { return nil }
        let plotWidth = Double(width - Self.labelWidth - Self.valueWidth)
        let largest = bars.map { max($0.counted, $0.required) }.max() ?? 1
        let scale = largest > 0 ? plotWidth / Self.double(largest) : 0
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(width)\" height=\"\(height)\""
                + " viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">",
            "<title>\(HTMLText.escape(title))</title>",
        ]
        for (index, bar) in bars.enumerated() {
            let y = Self.top + index * Self.rowHeight
            let x0 = Double(Self.labelWidth)
            let countedWidth = Self.double(bar.counted) * scale
            let requiredX = x0 + Self.double(bar.required) * scale
            let label = Self.truncated(bar.label, to: 30)
            parts.append(
                "<text x=\"\(Self.number(x0 - 6))\" y=\"\(y + 16)\" text-anchor=\"end\" font-size=\"12\">"
                    + "\(HTMLText.escape(label))</text>")
            parts.append(
                "<rect x=\"\(Self.number(x0))\" y=\"\(y + 4)\" width=\"\(Self.number(plotWidth))\" height=\"16\""
                    + " fill=\"#eef0f3\"/>")
            parts.append(
                "<rect class=\"bar \(bar.state.rawValue)\" x=\"\(Self.number(x0))\" y=\"\(y + 4)\""
                    + " width=\"\(Self.number(countedWidth))\" height=\"16\" fill=\"\(Self.colour(bar.state))\"/>")
            parts.append(
                "<line class=\"required\" x1=\"\(Self.number(requiredX))\" y1=\"\(y + 1)\""
                    + " x2=\"\(Self.number(requiredX))\" y2=\"\(y + 23)\" stroke=\"#111\" stroke-width=\"2\"/>")
            let value = "\(DecimalText.string(bar.counted)) / \(DecimalText.string(bar.required))"
            parts.append(
                "<text x=\"\(width - Self.valueWidth + 6)\" y=\"\(y + 16)\" font-size=\"12\">"
                    + "\(HTMLText.escape(value))</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    static func colour(_ state: RequirementResult.State) -> String {
        switch state {
        case .met: "#2e7d32"
        case .unmet: "#c62828"
        case .unknown: "#9e9e9e"
        case .notApplicable: "#bdbdbd"
        }
    }

    static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }

    /// A coordinate with at most one decimal.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        guard rounded.isFinite, abs(rounded) < 1e15 else { return "0" }
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func truncated(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
