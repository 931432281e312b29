import Foundation
import Testing
import VerifiableCredentials

@testable import CMECredentials

@Suite("SVG credit chart")
struct SVGCreditChartTests {
    @Test("one bar per numeric requirement that applies; attestations and n/a are left out")
    func barsFromResult() throws {
        let report = try ReportFixtures.report()
        let bars = SVGCreditChart(result: report.physicians[0].result).bars
        #expect(bars.map(\.label) == ["Category 1 total", "opioid prescribing"])
        #expect(bars.map(\.required) == [10, 2])
        #expect(bars.map(\.counted) == [11, 2])
        #expect(bars.map(\.state) == [.met, .met])
    }

    @Test("bar lengths and the required mark are to scale")
    func geometry() throws {
        let chart = SVGCreditChart(bars: [
            .init(label: "total", counted: 5, required: 10, state: .unmet),
            .init(label: "topic", counted: 2, required: 2, state: .met),
        ])
        let svg = try #require(chart.svg(title: "t"))
        // Plot width 560 - 200 - 90 = 270 for the largest value, 10.
        #expect(svg.contains("<rect class=\"bar unmet\" x=\"200\" y=\"12\" width=\"135\" height=\"16\""))
        #expect(svg.contains("<line class=\"required\" x1=\"470\" y1=\"9\" x2=\"470\""))
        #expect(svg.contains("<rect class=\"bar met\" x=\"200\" y=\"38\" width=\"54\""))
        #expect(svg.contains("<line class=\"required\" x1=\"254\""))
        #expect(svg.contains(">5 / 10</text>"))
        #expect(chart.height == 8 * 2 + 2 * 26)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>"))
    }

    @Test("labels and titles are escaped and long labels shortened")
    func escaping() throws {
        let chart = SVGCreditChart(bars: [
            .init(
                label: "<script>x</script> and a very long requirement title", counted: 0, required: 1, state: .unknown)
        ])
        let svg = try #require(chart.svg(title: "Dr \"<b>\""))
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;x&lt;/script&gt; and a very…"))
        #expect(svg.contains("aria-label=\"Dr &quot;&lt;b&gt;&quot;\""))
    }

    @Test("no numeric requirement, no chart; nothing counted and nothing required still draws")
    func edges() throws {
        #expect(SVGCreditChart(bars: []).svg(title: "t") == nil)
        let zero = SVGCreditChart(bars: [.init(label: "x", counted: 0, required: 0, state: .met)])
        #expect(try #require(zero.svg(title: "t")).contains("width=\"0\""))
    }
}
