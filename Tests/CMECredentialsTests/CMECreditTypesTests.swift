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
