import Foundation
import Testing
import VerifiableCredentials

@testable import CMECredentials

@Suite("Achievement shared by the records of one activity")
struct SharedAchievementTests {
    typealias F = CredentialFixtures

    @Test(
        "a credential built from the activity's shared parts equals one built on its own, for every example record"
    )
    func templateGivesTheSameCredential() throws {
        let builder = CMECredentialBuilder(issuer: F.issuer)
        let records = try F.exampleRecords()
        var templates: [AchievementKey: CMECredentialBuilder.ActivityParts] = [:]
        for record in records where templates[AchievementKey(record)] == nil {
            templates[AchievementKey(record)] = builder.activityParts(record)
        }
        // The examples hold several learners per activity, so templates are shared.
        #expect(templates.count < records.count)
        for (index, record) in records.enumerated() {
            let id = "urn:uuid:00000000-0000-4000-8000-\(String(format: "%012d", index))"
            let alone = try builder.credential(
                for: record, id: id, issuedAt: F.issuedAt, statuses: F.statuses, salt: F.salt)
            let shared = try builder.credential(
                for: record, id: id, issuedAt: F.issuedAt, statuses: F.statuses, salt: F.salt,
                shared: templates[AchievementKey(record)])
            #expect(JSONSerializer.bytes(shared) == JSONSerializer.bytes(alone), "\(record.location)")
        }
    }

    @Test(
        "records with one achievement key get the same achievement; its result descriptions are named after it, and each result names one of them"
    )
    func resultDescriptionsBelongToTheAchievement() throws {
        let builder = CMECredentialBuilder(issuer: F.issuer)
        let credentials = try F.exampleCredentials()
        var byKey: [AchievementKey: JSONValue] = [:]
        for (record, credential) in zip(try F.exampleRecords(), credentials) {
            let subject = try #require(credential["credentialSubject"])
            let achievement = try #require(subject["achievement"])
            let id = try #require(achievement["id"]?.stringValue)
            if let earlier = byKey[AchievementKey(record)] { #expect(earlier == achievement) }
            byKey[AchievementKey(record)] = achievement
            let descriptions = (achievement["resultDescription"]?.asArray ?? []).compactMap { $0["id"]?.stringValue }
            #expect(!descriptions.isEmpty)
            #expect(descriptions.allSatisfy { $0.hasPrefix(id + "#result-") })
            let results = (subject["result"]?.asArray ?? []).compactMap { $0["resultDescription"]?.stringValue }
            #expect(results.count == descriptions.count)
            #expect(Set(results) == Set(descriptions))
        }
        #expect(byKey.count < credentials.count)
        // An activity id that already has a fragment gets `-result-<code>` appended to it.
        var record = try #require(try F.exampleRecords().first)
        record.activity.id = "https://cme.example.org/catalog#opioids-2026"
        let achievement = builder.achievement(record)
        let ids = (achievement["resultDescription"]?.asArray ?? []).compactMap { $0["id"]?.stringValue }
        #expect(ids.contains("https://cme.example.org/catalog#opioids-2026-result-completion"))
    }

    @Test("records that differ in anything the achievement shows do not share it")
    func keySeparatesWhatTheAchievementShows() throws {
        let record = try #require(try F.exampleRecords().first)
        var otherTitle = record
        otherTitle.activity.title += " (part 2)"
        var otherCredits = record
        otherCredits.credits = [CreditAmount(code: "AMA_PRA_CAT1", amount: 0.5)]
        var otherTopics = record
        otherTopics.topics = []
        var otherLearner = record
        otherLearner.learner.givenName = "Someone"
        otherLearner.activity.completionDate = "2026-01-02"
        #expect(AchievementKey(otherTitle) != AchievementKey(record))
        #expect(AchievementKey(otherCredits) != AchievementKey(record))
        #expect(AchievementKey(otherTopics) != AchievementKey(record))
        #expect(AchievementKey(otherLearner) == AchievementKey(record))
    }
}
