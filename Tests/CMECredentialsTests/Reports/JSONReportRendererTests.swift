import Foundation
import Testing
import VerifiableCredentials

@testable import CMECredentials

@Suite("JSON department report")
struct JSONReportRendererTests {
    @Test("format, counts, per-physician results and problems; parses back with the project's parser")
    func structure() throws {
        let report = try ReportFixtures.report(problems: [.init(file: "broken.json", message: "not JSON")])
        let json = try JSONParser.parse(JSONReportRenderer.render(report))
        #expect(json["format"]?.stringValue == "cme-department-report/1")
        #expect(json["ruleSet"]?.stringValue == "US-XX-TEST")
        #expect(json["asOf"]?.stringValue == "2026-12-31")
        #expect(json["allClear"]?.boolValue == false)
        #expect(json["physicianCount"]?.numberValue == 2)
        #expect(json["clearCount"]?.numberValue == 1)
        let physicians = json["physicians"]?.asArray ?? []
        #expect(physicians.count == 2)
        #expect(physicians.first?["clear"]?.boolValue == true)
        #expect(physicians.first?["credits"]?["cat2"]?.numberValue == 1.5)
        #expect(physicians.last?["name"]?.stringValue == ReportFixtures.hostileName)
        #expect(physicians.last?["result"]?["notCounted"]?.asArray.first?["credential"]?.stringValue == "urn:uuid:b2")
        #expect(
            physicians.last?["result"]?["requirements"]?.asArray.map { $0["state"]?.stringValue ?? "" }
                == ["unmet", "unmet", "unknown"])
        #expect(json["problems"]?.asArray.first?["file"]?.stringValue == "broken.json")
    }

    @Test("allClear only when every physician is clear and every file was read")
    func allClear() throws {
        var report = try ReportFixtures.report()
        report.physicians.removeLast()
        #expect(report.allClear)
        #expect(JSONReportRenderer.json(report)["allClear"]?.boolValue == true)
        report.problems.append(.init(file: "x.json", message: "not JSON"))
        #expect(!report.allClear)
    }

    @Test("warnings: always present, an empty array when there are none, else in order; allClear does not change")
    func warnings() throws {
        var report = try ReportFixtures.report()
        report.physicians.removeLast()
        #expect(JSONReportRenderer.json(report)["warnings"]?.arrayValue == [])
        report.warnings = ["registry.json: the registry is stale", "status/x.jwt: not a status list"]
        let json = try JSONParser.parse(JSONReportRenderer.render(report))
        #expect(json["warnings"]?.asArray.compactMap(\.stringValue) == report.warnings)
        #expect(json["allClear"]?.boolValue == true)
    }
}
