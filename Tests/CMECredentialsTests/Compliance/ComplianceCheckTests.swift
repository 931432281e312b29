import Foundation
import Testing
import VerifiableCredentials

@testable import CMECredentials

/// The glue from verification reports to the evaluator: only credentials that verified in full count.
@Suite("ComplianceCheck: verified credentials count, the others are listed and never counted")
struct ComplianceCheckTests {
    typealias F = CredentialFixtures

    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func ruleSet() throws -> RuleSet {
        try RuleSet(
            json: JSONParser.parse(
                """
                {"format": "cme-rules/1", "id": "X", "title": "T", "jurisdiction": "US-XX",
                 "sources": [{"url": "https://example.org", "retrieved": "2026-01-01", "confidence": "high"}],
                 "cycle": {"kind": "fixed", "lengthMonths": 120, "start": "2020-01-01"},
                 "creditTypes": {"cat1": ["AMA_PRA_CAT1"]},
                 "requirements": [{"id": "cat1", "kind": "min", "amount": 0.5, "credit": "cat1"}]}
                """))
    }

    static func facts() throws -> PhysicianFacts {
        PhysicianFacts(asOf: try #require(RuleDate("2029-12-31")))
    }

    /// A verifier with an empty registry: nothing it verifies for real can pass.
    static func check() -> ComplianceCheck {
        let registry = IssuerRegistry(
            info: .init(id: "did:web:registry.example.org", name: "R", issued: RegistryDate(now)))
        return ComplianceCheck(
            verifier: Verifier(context: VerificationContext(registry: registry, knownContexts: [], now: now)))
    }

    /// An example CME credential with Category 1 credit.
    static func credential() throws -> (json: JSONValue, id: String) {
        let all = try F.exampleCredentials()
        let json = try #require(all.first { (try? CMECredential(json: $0))?.credits["AMA_PRA_CAT1"] ?? 0 > 0 })
        return (json, try CMECredential(json: json).id)
    }

    static func report(id: String, last: Check) -> DocumentReport {
        DocumentReport(
            name: "vc.json", kind: .credential, checks: [.pass("json", "ok")],
            credentials: [
                CredentialReport(
                    index: 0, pointer: "", id: id,
                    checks: [.pass("proof", "verified"), .pass("issuer", "trusted"), last])
            ])
    }

    @Test("a credential that verified in full counts (the control for the tests below)")
    func verifiedCounts() throws {
        let (json, id) = try Self.credential()
        var check = Self.check()
        check.add(report: Self.report(id: id, last: .pass("status", "not revoked")), document: json)
        #expect(check.verified.map(\.id) == [id])
        #expect(check.notCounted.isEmpty)
        let result = check.evaluate(try Self.ruleSet(), facts: try Self.facts())
        #expect(result.result("cat1")?.state == .met)
        #expect(result.result("cat1")?.contributions.map(\.credentialID) == [id])
    }

    @Test(
        "a revoked credential, an untrusted issuer, an undecidable status: listed as not counted, never counted",
        arguments: [
            Check.fail("status", .credentialRevoked, "revoked (list 1, index 7)"),
            Check.fail("issuer", .issuerNotRegistered, "the issuer is not in the registry"),
            Check.unknown("status", .statusListMissing, "the status list is not available"),
        ])
    func failedCheckNotCounted(failure: Check) throws {
        let (json, id) = try Self.credential()
        var check = Self.check()
        check.add(report: Self.report(id: id, last: failure), document: json)
        #expect(check.verified.isEmpty)
        #expect(check.notCounted.map(\.id) == [id])
        #expect(check.notCounted.first?.reason.hasPrefix("\(failure.name): \(failure.message)") == true)
        let result = check.evaluate(try Self.ruleSet(), facts: try Self.facts())
        let cat1 = try #require(result.result("cat1"))
        #expect(cat1.state == .unmet)
        #expect(cat1.counted == 0)
        #expect(cat1.contributions.isEmpty)
        #expect(result.notCounted.map(\.id) == [id])
    }

    @Test("a failed document-level check (a presentation's holder proof) keeps every credential in it from counting")
    func documentFailure() throws {
        let (json, id) = try Self.credential()
        let presentation: JSONValue = ["type": ["VerifiablePresentation"], "verifiableCredential": [json]]
        let report = DocumentReport(
            name: "vp.json", kind: .presentation,
            checks: [.pass("json", "ok"), .fail("holderProof", .invalidProof, "the holder's proof does not verify")],
            credentials: [
                CredentialReport(index: 0, pointer: "/verifiableCredential/0", id: id, checks: [.pass("proof", "ok")])
            ])
        var check = Self.check()
        check.add(report: report, document: presentation)
        #expect(check.verified.isEmpty)
        #expect(check.notCounted.first?.reason.hasPrefix("holderProof:") == true)
    }

    @Test("real verification against a registry that does not hold the issuer: not counted")
    func realVerificationUntrusted() throws {
        let (json, id) = try Self.credential()
        var check = Self.check()
        check.add(document: json, name: "vc.json")
        #expect(check.verified.isEmpty)
        #expect(check.notCounted.map(\.id) == [id])
        #expect(check.reports.count == 1)
    }

    @Test("unreadable bytes are listed by file name; the same credential added twice counts once")
    func unreadableAndDuplicates() throws {
        let (json, id) = try Self.credential()
        var check = Self.check()
        check.add(bytes: Array("{not json".utf8), name: "broken.json")
        check.add(report: Self.report(id: id, last: .pass("status", "ok")), document: json)
        check.add(report: Self.report(id: id, last: .pass("status", "ok")), document: json)
        #expect(check.notCounted.map(\.id) == ["broken.json"])
        #expect(check.notCounted.first?.reason.hasPrefix("json:") == true)
        #expect(check.verified.map(\.id) == [id])
    }
}
