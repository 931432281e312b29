import Foundation
import Testing
import VerifiableCredentials

@testable import CMECredentials

/// The verifier's credit-type reading agrees with what the credential builder writes.
@Suite("CME credit types for verification")
struct CMECreditTypesTests {
    typealias F = CredentialFixtures

    @Test("every built example credential: the generic reading finds exactly the typed view's credit types")
    func agreesWithView() throws {
        let credentials = try F.exampleCredentials()
        #expect(!credentials.isEmpty)
        var seen: Set<String> = []
        for credential in credentials {
            let object = try #require(credential.objectValue)
            let view = try CMECredential(json: credential)
            let generic = ResultDescriptionCreditTypes().creditTypes(of: object)
            #expect(Set(generic) == Set(view.credits.keys), "\(credential["id"]?.stringValue ?? "")")
            #expect(Set(CMECreditTypes().creditTypes(of: object)) == Set(view.credits.keys))
            seen.formUnion(generic)
        }
        #expect(seen.contains("AMA_PRA_CAT1"))
    }

    @Test("a CMEAchievement with creditsEarned and no result descriptions claims AMA PRA Category 1, as the view")
    func creditsEarnedWithoutDescriptions() throws {
        let credential = try #require(F.exampleCredentials().first?.objectValue)
        var subject = try #require(credential["credentialSubject"]?.objectValue)
        var achievement = try #require(subject["achievement"]?.objectValue)
        achievement["resultDescription"] = nil
        subject["achievement"] = .object(achievement)
        var stripped = credential
        stripped["credentialSubject"] = .object(subject)
        let view = try CMECredential(json: .object(stripped))
        #expect(Array(view.credits.keys) == ["AMA_PRA_CAT1"])
        #expect(CMECreditTypes().creditTypes(of: stripped) == ["AMA_PRA_CAT1"])

        // Without the CMEAchievement type, creditsEarned alone names no credit system.
        achievement["type"] = .array([.string("Achievement")])
        subject["achievement"] = .object(achievement)
        stripped["credentialSubject"] = .object(subject)
        #expect(CMECreditTypes().creditTypes(of: stripped).isEmpty)
    }

    @Test("a built credential's hashed NPI matches through the verifier's SubjectNPI, and only the right NPI")
    func npi() throws {
        let records = try F.exampleRecords()
        let credentials = try F.exampleCredentials()
        var checked = 0
        for (record, credential) in zip(records, credentials) {
            guard let npi = record.learner.npi?.digits else { continue }
            let object = try #require(credential.objectValue)
            #expect(SubjectNPI.matches(object, npi: npi))
            #expect(!SubjectNPI.matches(object, npi: "0000000000"))
            checked += 1
        }
        #expect(checked > 0)
    }
}
