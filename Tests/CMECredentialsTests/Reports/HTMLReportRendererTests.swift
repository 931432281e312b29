import Foundation
import Testing
import VerifiableCredentials

@testable import CMECredentials

@Suite("HTML department report: self-contained, escaped, printable")
struct HTMLReportRendererTests {
    @Test("HTMLText escapes markup characters and drops control characters")
    func escaping() {
        #expect(HTMLText.escape("<script>a&b</script>") == "&lt;script&gt;a&amp;b&lt;/script&gt;")
        #expect(HTMLText.escape("\"quoted\" 'single'") == "&quot;quoted&quot; &#39;single&#39;")
        #expect(HTMLText.escape("a\u{0}b\u{1B}c\nd") == "abc\nd")
        #expect(HTMLText.escape("Zoë 😀") == "Zoë 😀")
    }

    @Test("attacker-controlled names, reasons and titles never reach the page as markup")
    func noInjection() throws {
        let html = HTMLReportRenderer.render(
            try ReportFixtures.report(problems: [.init(file: "<evil>.json", message: "not JSON <svg onload=x>")]))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<evil>"))
        #expect(!html.contains("<svg onload"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Neill"))
        #expect(html.contains("status: revoked &lt;img src=x&gt;"))
        #expect(html.contains("&lt;evil&gt;.json"))
    }

    @Test("one self-contained file: inline style, no scripts, no external assets")
    func selfContained() throws {
        let html = HTMLReportRenderer.render(try ReportFixtures.report())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<style>"))
        for forbidden in ["<script", "<link", "<img", "<iframe", " src=\"", "url(", "@import", "href=\"http"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
    }

    @Test("prints well: a print stylesheet with a page break before each physician's detail")
    func printRules() throws {
        let html = HTMLReportRenderer.render(try ReportFixtures.report())
        let print = try #require(html.range(of: "@media print"))
        let rules = html[print.upperBound...]
        #expect(rules.contains(".physician { break-before: page; page-break-before: always;"))
        #expect(html.components(separatedBy: "<section class=\"physician\"").count == 3)
    }

    @Test("the summary has one row per physician with states and credits; the details name contributions")
    func content() throws {
        let html = HTMLReportRenderer.render(try ReportFixtures.report())
        let summary = try #require(html.range(of: "<tbody>")).upperBound
        let end = try #require(html.range(of: "</tbody>", range: summary..<html.endIndex)).lowerBound
        let rows = html[summary..<end].components(separatedBy: "<tr>").dropFirst()
        #expect(rows.count == 2)
        #expect(rows.first?.contains("Dr. Ada Example") == true)
        #expect(rows.first?.contains("<td class=\"num\">11</td>") == true)
        #expect(rows.last?.contains("<span class=\"state unmet\">unmet</span>") == true)
        #expect(rows.last?.contains("<span class=\"state unknown\">unknown</span>") == true)
        #expect(html.contains("needs 6 more credits of Category 1 total"))
        #expect(html.contains("<code>urn:uuid:a1</code>: 8"))
        #expect(html.contains("<h3>Not counted</h3>"))
        #expect(html.contains("<svg"))
    }

    @Test("files that could not be read are listed")
    func problems() throws {
        let html = HTMLReportRenderer.render(
            try ReportFixtures.report(problems: [.init(file: "broken.json", message: "expected a value")]))
        #expect(html.contains("Files that could not be read"))
        #expect(html.contains("<code>broken.json</code>: expected a value"))
        #expect(!HTMLReportRenderer.render(try ReportFixtures.report()).contains("Files that could not be read"))
    }

    @Test("the report's warnings are shown, escaped, and no section when there are none")
    func warnings() throws {
        var report = try ReportFixtures.report()
        #expect(!HTMLReportRenderer.render(report).contains("<h2>Warnings</h2>"))
        report.warnings = ["registry.json: the registry's nextUpdate <2026-01-01> has passed"]
        let html = HTMLReportRenderer.render(report)
        #expect(html.contains("<h2>Warnings</h2>"))
        #expect(html.contains("<li>registry.json: the registry&#39;s nextUpdate &lt;2026-01-01&gt; has passed</li>"))
    }
}
