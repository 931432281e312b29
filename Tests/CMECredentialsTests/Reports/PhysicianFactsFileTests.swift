import Foundation
import Testing
import VerifiableCredentials

@testable import CMECredentials

@Suite("Physician facts files for department reports")
struct PhysicianFactsFileTests {
    static func defaults() throws -> PhysicianFacts {
        PhysicianFacts(
            facts: ["prescriber": "true", "specialty": "surgery"], asOf: try #require(RuleDate("2026-12-31")))
    }

    @Test("name, dates and facts are read and merged over the defaults; the as-of day is kept")
    func merge() throws {
        let json = try JSONParser.parse(
            """
            {"name": "Dr. Ada", "renewalDate": "2027-01-31", "licenseDate": "2010-06-01",
             "facts": {"specialty": "internal-medicine", "deaRegistered": true, "patientsOver65Percent": 30.5,
                       "boards": ["a", "b"]}}
            """)
        let file = try PhysicianFactsFile(json: json, defaults: try Self.defaults())
        #expect(file.name == "Dr. Ada")
        #expect(file.facts.renewalDate == RuleDate("2027-01-31"))
        #expect(file.facts.licenseDate == RuleDate("2010-06-01"))
        #expect(file.facts.asOf == RuleDate("2026-12-31"))
        #expect(
            file.facts.facts == [
                "prescriber": "true", "specialty": "internal-medicine", "deaRegistered": "true",
                "patientsOver65Percent": "30.5", "boards": "a,b",
            ])
    }

    @Test(
        "unknown members and wrong shapes are rejected with the JSON Pointer",
        arguments: [
            ("{\"nmae\": \"x\"}", "/nmae"), ("{\"renewalDate\": \"2027-02-30\"}", "/renewalDate"),
            ("{\"facts\": {\"x\": null}}", "/facts/x"), ("{\"facts\": []}", "/facts"), ("[]", "/"),
        ])
    func rejects(text: String, pointer: String) throws {
        let error = #expect(throws: CMEError.self) {
            try PhysicianFactsFile(json: JSONParser.parse(text), defaults: try Self.defaults())
        }
        #expect(error?.code == .invalidEvaluationInput)
        #expect(error?.location == pointer)
    }
}
