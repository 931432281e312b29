import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

@Suite("CME credential view")
struct CMECredentialViewTests {
    typealias F = CredentialFixtures

    @Test("Builder → view round trip over every example record")
    func roundTrip() throws {
        let records = try F.exampleRecords()
        let credentials = try F.exampleCredentials()
        #expect(records.count == credentials.count)
        for (record, json) in zip(records, credentials) {
            let view = try CMECredential(json: json)
            #expect(view.issuerID == F.issuer.id)
            #expect(view.issuerName == F.issuer.name)
            #expect(view.activityID == record.activityID)
            #expect(view.activityTitle == record.activity.title)
            #expect(view.format == record.activity.format)
            #expect(view.completionDate == record.activity.completionDate)
            #expect(view.credits == Dictionary(uniqueKeysWithValues: record.credits.map { ($0.code, $0.amount) }))
            #expect(view.topicCredits == record.resolvedTopicHours.map { TopicCredit(code: $0.code, hours: $0.hours) })
            #expect(view.subjectID == record.learner.did)
            #expect(view.subjectName == record.learner.displayName)
            #expect(view.isCMEAchievement)
            if let npi = record.learner.npi {
                #expect(view.matches(npi: npi.digits))
                #expect(!view.matches(npi: "1234567893") || npi.digits == "1234567893")
            }
            if let email = record.learner.email { #expect(view.matches(email: email.uppercased())) }
            for license in record.learner.licenses { #expect(view.matches(license: license.description.lowercased())) }
            if let dob = record.learner.dateOfBirth {
                #expect(view.matches(identityType: CMEVocabulary.IdentityType.birthMonthDay, value: dob.description))
            }
            #expect(!view.matches(email: "someone.else@example.org"))
        }
    }

    @Test("Another issuer's plain OB 3.0 badge reads without CME parts")
    func plainOpenBadge() throws {
        let json = try JSONParser.parse(Array(try Data(contentsOf: SharedFiles.vector("ob3-eddsa/signed.json"))))
        let view = try CMECredential(json: json)
        #expect(view.id == "http://example.com/credentials/3527")
        #expect(view.issuerName == "Example Corp")
        #expect(view.activityTitle == "Teamwork")
        #expect(view.activityID == "https://example.com/achievements/21st-century-skills/teamwork")
        #expect(view.completionDate == "2010-01-01")
        #expect(view.credits.isEmpty)
        #expect(view.format == nil)
        #expect(!view.isCMEAchievement)
        #expect(view.subjectID == "did:example:ebfeb1f712ebc6f1c276e12ec21")
    }

    @Test("Unhashed identifiers compare as plaintext")
    func plaintextIdentifier() {
        let identifier = HashedIdentifier(identityType: "ext:NPI", identityHash: "1234567893", hashed: false, salt: "")
        #expect(identifier.matches("1234567893"))
        #expect(!identifier.matches("1987654328"))
    }

    static let broken: [(String, String)] = [
        ("[]", "/"),
        (#"{"type": ["VerifiableCredential"]}"#, "/id"),
        (#"{"id": "urn:x", "type": "Thing"}"#, "/type"),
        (#"{"id": "urn:x", "type": "VerifiableCredential", "credentialSubject": {}}"#, "/issuer"),
        (#"{"id": "urn:x", "type": "VerifiableCredential", "issuer": "did:x:1"}"#, "/credentialSubject"),
        (
            #"{"id": "urn:x", "type": "VerifiableCredential", "issuer": "did:x:1", "credentialSubject": {}}"#,
            "/credentialSubject/achievement"
        ),
        (
            #"{"id": "urn:x", "type": "VerifiableCredential", "issuer": "did:x:1", "credentialSubject": {"achievement": {"id": "urn:a", "name": "A"}}, "validFrom": "yesterday"}"#,
            "/validFrom"
        ),
    ]

    @Test("Malformed credentials are rejected with a pointer", arguments: broken)
    func malformed(_ example: (String, String)) throws {
        let json = try JSONParser.parse(example.0)
        let error = #expect(throws: CMEError.self) { try CMECredential(json: json) }
        #expect(error?.code == .invalidCredential)
        #expect(error?.location == example.1)
    }
}
