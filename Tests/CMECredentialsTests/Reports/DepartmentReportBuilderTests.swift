import Foundation
import Testing
import VerifiableCredentials

@testable import CMECredentials

@Suite("DepartmentReportBuilder: grouping, problems, facts, credits by group")
struct DepartmentReportBuilderTests {
    typealias F = CredentialFixtures

    static func builder(defaults: PhysicianFacts? = nil) throws -> DepartmentReportBuilder {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let registry = IssuerRegistry(
            info: .init(id: "did:web:registry.example.org", name: "R", issued: RegistryDate(now)))
        let verifier = Verifier(context: VerificationContext(registry: registry, knownContexts: [], now: now))
        return DepartmentReportBuilder(
            ruleSet: try ReportFixtures.ruleSet(), verifier: verifier,
            defaults: try defaults ?? ReportFixtures.facts())
    }

    /// A presentation by `holder` of `credentials`, with a report in which every check passed.
    static func presentation(holder: String, _ credentials: [JSONValue], name: String)
        -> DepartmentReportBuilder.VerifiedDocument
    {
        let document: JSONValue = [
            "type": ["VerifiablePresentation"], "holder": .string(holder), "verifiableCredential": .array(credentials),
        ]
        let reports = credentials.enumerated().map { index, credential in
            CredentialReport(
                index: index, pointer: "/verifiableCredential/\(index)", id: credential["id"]?.stringValue,
                checks: [.pass("proof", "ok"), .pass("status", "ok")])
        }
        let report = DocumentReport(
            name: name, kind: .presentation, checks: [.pass("json", "ok")], credentials: reports)
        return .init(name: name, document: document, report: report)
    }

    /// Example credentials with Category 1 credit, the subject named `name`.
    static func credentials(named name: String?) throws -> [JSONValue] {
        try F.exampleCredentials().filter { (try? CMECredential(json: $0))?.credits["AMA_PRA_CAT1"] ?? 0 > 0 }
            .map { credential in
                guard var object = credential.objectValue, var subject = object["credentialSubject"]?.objectValue
                else { return credential }
                subject["name"] = name.map(JSONValue.string)
                object["credentialSubject"] = .object(subject)
                return .object(object)
            }
    }

    @Test("files are grouped by holder in first-seen order; the name comes from a verified credential")
    func grouping() throws {
        let all = try Self.credentials(named: "Dr. <Ada>")
        try #require(all.count >= 3)
        var builder = try Self.builder()
        builder.add(Self.presentation(holder: "did:key:A", [all[0]], name: "a1.json"))
        builder.add(Self.presentation(holder: "did:key:B", [all[1]], name: "b.json"))
        builder.add(Self.presentation(holder: "did:key:A", [all[2]], name: "a2.json"))
        let report = builder.build()
        #expect(report.physicians.map(\.key) == ["did:key:A", "did:key:B"])
        #expect(report.physicians[0].files == ["a1.json", "a2.json"])
        #expect(report.physicians[0].verifiedCount == 2)
        #expect(report.physicians[0].name == "Dr. <Ada>")
        let expected = try [all[0], all[2]].map { try CMECredential(json: $0) }
            .filter { $0.completionDate >= "2025-01-01" && $0.completionDate <= "2026-12-31" }
            .reduce(Decimal(0)) { $0 + ($1.credits["AMA_PRA_CAT1"] ?? 0) }
        #expect(report.physicians[0].credits(inGroup: "cat1") == expected)
        #expect(report.requirements.map(\.id) == ["total", "opioids", "dea"])
        #expect(report.creditGroups == ["cat1", "cat2"])
    }

    @Test("a physician's folder groups whatever its files hold; a facts file gives the name and facts")
    func folderAndFacts() throws {
        let all = try Self.credentials(named: nil)
        var builder = try Self.builder()
        let facts = PhysicianFactsFile(name: "Dr. Folder", facts: try ReportFixtures.facts(["prescriber": "false"]))
        builder.add(
            Self.presentation(holder: "did:key:A", [all[0]], name: "ada/1.json"), physician: "ada", facts: facts)
        builder.add(Self.presentation(holder: "did:key:Z", [all[1]], name: "ada/2.json"), physician: "ada")
        let report = builder.build()
        #expect(report.physicians.count == 1)
        #expect(report.physicians[0].name == "Dr. Folder")
        #expect(report.physicians[0].result.result("dea")?.state == .notApplicable)
        var plain = try Self.builder()
        plain.add(Self.presentation(holder: "did:key:A", [all[0]], name: "a.json"))
        let unnamed = plain.build().physicians[0]
        #expect(unnamed.name == "did:key:A")
        #expect(unnamed.result.result("dea")?.state == .unknown)
    }

    @Test("an unreadable file is a problem naming it; the other files are still reported")
    func problems() throws {
        let all = try Self.credentials(named: nil)
        var builder = try Self.builder()
        builder.add(builder.verify(bytes: Array("{not json".utf8), name: "broken.json"))
        builder.add(builder.verify(bytes: Array("{\"a\": 1}".utf8), name: "other.json"))
        builder.add(Self.presentation(holder: "did:key:A", [all[0]], name: "a.json"))
        let report = builder.build()
        #expect(report.problems.map(\.file) == ["broken.json", "other.json"])
        #expect(report.physicians.map(\.key) == ["did:key:A"])
        #expect(!report.allClear)
    }

    @Test("a credential that does not verify is not counted and keeps the physician from being clear")
    func notCounted() throws {
        let all = try Self.credentials(named: nil)
        var builder = try Self.builder()
        builder.add(builder.verify(document: all[0], name: "lone.json"))
        let physician = try #require(builder.build().physicians.first)
        #expect(physician.verifiedCount == 0)
        #expect(physician.notCounted.count == 1)
        #expect(!physician.isClear)
    }
}
