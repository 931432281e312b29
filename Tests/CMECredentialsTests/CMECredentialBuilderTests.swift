import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

@Suite("CME credential builder")
struct CMECredentialBuilderTests {
    typealias F = CredentialFixtures

    func first(_ activityID: String, line: Int? = nil) throws -> (ActivityRecord, JSONValue) {
        let records = try F.exampleRecords()
        let record = try #require(
            records.first { $0.activityID == activityID && (line == nil || $0.location.line == line) })
        let credential = try CMECredentialBuilder(issuer: F.issuer).credential(
            for: record, id: "urn:uuid:1", issuedAt: F.issuedAt, statuses: F.statuses, salt: F.salt)
        return (record, credential)
    }

    @Test("OB 3.0 hash: sha256 over identifier + salt (the spec's own example)")
    func identityHash() {
        #expect(
            IdentityHash.sha256("a@example.com", salt: "Kosher")
                == "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399")
        #expect(
            IdentityHash.matches(
                "sha256$B5809D8A92F8858436D7E6B87C12EBC0AE1EAC4BAECC2C0B913AEE2C922EF399", identifier: "a@example.com",
                salt: "Kosher"))
        #expect(!IdentityHash.matches("md5$b5809d8a", identifier: "a@example.com", salt: "Kosher"))
    }

    @Test("Envelope: contexts, types, issuer profile, dates, schema, two status entries, no proof")
    func envelope() throws {
        let (_, credential) = try first("2026-017")
        #expect(
            credential["@context"] == [
                "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                "https://w3id.org/cmevc/cme/v1",
            ])
        #expect(credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"])
        #expect(credential["id"] == "urn:uuid:1")
        #expect(credential["issuer"]?["id"] == "did:web:cme.example-hospital.org")
        #expect(credential["issuer"]?["otherIdentifier"]?.arrayValue?.first?["identifierType"] == "ext:ACCMEProviderId")
        #expect(
            credential["issuer"]?["accreditationStatement"]?.stringValue?.contains(
                "is accredited by the Accreditation Council for Continuing Medical Education (ACCME)") == true)
        #expect(credential["validFrom"] == "2026-03-01T00:00:00Z")
        #expect(credential["awardedDate"] == "2026-03-01T00:00:00Z")
        #expect(credential["credentialSchema"]?.arrayValue?.first?["type"] == "1EdTechJsonSchemaValidator2019")
        #expect(credential["credentialStatus"] == .array(F.statuses))
        #expect(credential["proof"] == nil)
    }

    @Test("Subject: holder DID, hashed identifiers with one per-credential salt, name, credits, dates, results")
    func subject() throws {
        let (record, credential) = try first("2026-017", line: 2)
        let subject = try #require(credential["credentialSubject"])
        #expect(subject["id"] == .string(record.learner.did ?? ""))
        #expect(subject["name"] == "Maria Gonzalez")
        #expect(subject["creditsEarned"] == 3)
        #expect(subject["activityStartDate"] == "2026-03-01T13:00:00-08:00")
        let identifiers = try #require(subject["identifier"]?.arrayValue)
        #expect(
            identifiers.map { $0["identityType"] } == [
                "ext:NPI", "emailAddress", "ext:StateLicense", "ext:ABIMId", "ext:BirthMonthDay",
            ])
        #expect(identifiers.allSatisfy { $0["salt"] == .string(F.saltHex) && $0["hashed"] == true })
        #expect(identifiers.first?["identityHash"] == .string(IdentityHash.sha256("1234567893", salt: F.saltHex)))
        #expect(!JSONSerializer.string(credential).contains("1234567893"))  // no plaintext NPI anywhere
        let results = try #require(subject["result"]?.arrayValue)
        #expect(results.map { $0["value"] } == ["3", "3", nil])
        #expect(results.last?["status"] == "Completed")
    }

    @Test("Achievement: activity id, format, designation wording, credits, topics, other credit systems")
    func achievement() throws {
        let (_, credential) = try first("2026-017", line: 2)
        let achievement = try #require(credential["credentialSubject"]?["achievement"])
        #expect(achievement["id"] == "https://cme.example-hospital.org/activities/2026-017")
        #expect(achievement["type"] == ["Achievement", "CMEAchievement"])
        #expect(achievement["humanCode"] == "2026-017")
        #expect(achievement["creditsAvailable"] == 3)
        #expect(achievement["activityFormat"] == "course")
        #expect(achievement["parsActivityType"] == "C")
        #expect(achievement["providership"] == "direct")
        #expect(
            achievement["creditDesignationStatement"]
                == "The Example Hospital CME Office designates this live activity for a maximum of 3.0 AMA PRA Category 1 Credits™. Physicians should claim only the credit commensurate with the extent of their participation in the activity."
        )
        #expect(achievement["criteria"]?["narrative"]?.stringValue?.contains("*AMA PRA Category 1 Credits*™") == true)
        #expect(
            achievement["alignment"]?.arrayValue?.map { $0["targetCode"] } == ["opioid-prescribing", "pain-management"])
        #expect(
            achievement["topicCredits"] == [
                ["topic": "opioid-prescribing", "credits": 2], ["topic": "pain-management", "credits": 1],
            ])
        let descriptions = try #require(achievement["resultDescription"]?.arrayValue)
        #expect(descriptions.map { $0["creditType"] } == ["AMA_PRA_CAT1", "ABIM_MOC", nil])
        #expect(descriptions.first?["valueMax"] == "3")
        let pars = achievement["otherIdentifier"]?.arrayValue?.first { $0["identifierType"] == "ext:PARSActivityId" }
        #expect(pars?["identifier"] == "202603117")
    }

    @Test("Enduring material wording, joint providership statement, bare topics get all hours")
    func jointEnduring() throws {
        let (_, enduring) = try first("EM-2026-004", line: 14)
        let achievement = try #require(enduring["credentialSubject"]?["achievement"])
        #expect(
            achievement["creditDesignationStatement"]?.stringValue?.contains(
                "designates this enduring material for a maximum of 1.0 AMA PRA Category 1 Credit™.") == true)
        #expect(achievement["topicCredits"] == [["topic": "human-trafficking", "credits": 1]])
        let (_, rounds) = try first("GR-2026-02")
        let joint = try #require(rounds["credentialSubject"]?["achievement"])
        #expect(joint["providership"] == "joint")
        #expect(joint["jointProviders"] == ["Equity in Care Network"])
        #expect(
            joint["accreditationStatement"]?.stringValue?.hasPrefix(
                "This activity has been planned and implemented in accordance with the accreditation requirements and policies of the Accreditation Council for Continuing Medical Education (ACCME) through the joint providership of the Example Hospital CME Office and Equity in Care Network."
            ) == true)
    }

    @Test("A record without AMA credit has no designation statement and no creditsEarned")
    func nursingOnly() throws {
        let (_, credential) = try first("JA-2026-033")
        let subject = try #require(credential["credentialSubject"])
        #expect(subject["creditsEarned"] == nil)
        #expect(subject["achievement"]?["creditDesignationStatement"] == nil)
        #expect(subject["achievement"]?["creditsAvailable"] == nil)
        #expect(subject["achievement"]?["topicCredits"] == [["topic": "domestic-violence", "credits": 2]])
    }

    @Test("Each credential gets a fresh random salt unless one is given")
    func randomSalt() throws {
        let record = try #require(try F.exampleRecords().first)
        let builder = CMECredentialBuilder(issuer: F.issuer)
        let a = try builder.credential(for: record, id: "urn:uuid:a", issuedAt: F.issuedAt, statuses: F.statuses)
        let b = try builder.credential(for: record, id: "urn:uuid:a", issuedAt: F.issuedAt, statuses: F.statuses)
        let saltA = a["credentialSubject"]?["identifier"]?.arrayValue?.first?["salt"]?.stringValue
        #expect(saltA?.count == 32)
        #expect(saltA != b["credentialSubject"]?["identifier"]?.arrayValue?.first?["salt"]?.stringValue)
    }

    @Test("Errors: completion after the issue time, status entries without an id")
    func errors() throws {
        let record = try #require(try F.exampleRecords().first)
        let builder = CMECredentialBuilder(issuer: F.issuer)
        let early = #expect(throws: CMEError.self) {
            try builder.credential(
                for: record, id: "urn:uuid:a", issuedAt: Date(timeIntervalSince1970: 0), statuses: F.statuses)
        }
        #expect(early?.code == .invalidRecord)
        let status = #expect(throws: CMEError.self) {
            try builder.credential(
                for: record, id: "urn:uuid:a", issuedAt: F.issuedAt, statuses: [["type": "BitstringStatusListEntry"]])
        }
        #expect(status?.code == .invalidStatusEntry)
    }

    @Test("Issuer profiles read back from their JSON")
    func issuerProfile() throws {
        let back = try IssuerProfile(json: F.issuer.json)
        #expect(back.id == F.issuer.id)
        #expect(back.providerID == "0001234")
        #expect(back.url == F.issuer.url)
        #expect(back.effectiveAccreditationStatement == F.issuer.effectiveAccreditationStatement)
        let missing = #expect(throws: CMEError.self) { try IssuerProfile(json: ["name": "X"]) }
        #expect(missing?.code == .invalidIssuerProfile)
        let urn = CMECredentialBuilder(issuer: IssuerProfile(id: "did:key:z6Mk1", name: "The Clinic"))
        let record = try #require(try F.exampleRecords().first)
        let credential = try urn.credential(for: record, id: "urn:uuid:a", issuedAt: F.issuedAt, statuses: [])
        #expect(
            credential["credentialSubject"]?["achievement"]?["id"] == "urn:cmevc:activity:did%3Akey%3Az6Mk1:2026-017")
        #expect(credential["credentialStatus"] == nil)
        #expect(credential["issuer"]?["accreditationStatement"] == nil)
    }

    @Test("A state-accredited provider keeps its own statement, also for jointly provided activities")
    func stateAccredited() throws {
        let statement =
            "The Keystone Clinic is accredited by the Pennsylvania Medical Society to provide continuing medical education for physicians."
        let issuer = IssuerProfile(
            id: "did:web:keystone.example", name: "Keystone Clinic", accreditationStatement: statement)
        let record = try #require(try F.exampleRecords().first { $0.activityID == "GR-2026-02" })
        let credential = try CMECredentialBuilder(issuer: issuer).credential(
            for: record, id: "urn:uuid:s", issuedAt: F.issuedAt, statuses: F.statuses, salt: F.salt)
        let achievement = try #require(credential["credentialSubject"]?["achievement"])
        #expect(achievement["accreditationStatement"] == .string(statement))
        #expect(achievement["providership"] == "joint")
        #expect(credential["issuer"]?["otherIdentifier"] == nil)
        #expect(
            achievement["creditDesignationStatement"]?.stringValue?.hasPrefix(
                "The Keystone Clinic designates this live activity") == true)
    }
}
