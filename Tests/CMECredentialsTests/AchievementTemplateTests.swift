import Foundation
import Testing
import VerifiableCredentials

@testable import CMECredentials

@Suite("Achievement shared by the records of one activity")
struct AchievementTemplateTests {
    typealias F = CredentialFixtures

    @Test(
        "a credential built from the activity's shared achievement equals one built on its own, for every example record"
    )
    func templateGivesTheSameCredential() throws {
        let builder = CMECredentialBuilder(issuer: F.issuer)
        let records = try F.exampleRecords()
        var templates: [AchievementKey: JSONValue] = [:]
        for record in records where templates[AchievementKey(record)] == nil {
            templates[AchievementKey(record)] = builder.achievementTemplate(record)
        }
        // The examples hold several learners per activity, so templates are shared.
        #expect(templates.count < records.count)
        for (index, record) in records.enumerated() {
            let id = "urn:uuid:00000000-0000-4000-8000-\(String(format: "%012d", index))"
            let alone = try builder.credential(
                for: record, id: id, issuedAt: F.issuedAt, statuses: F.statuses, salt: F.salt)
            let shared = try builder.credential(
                for: record, id: id, issuedAt: F.issuedAt, statuses: F.statuses, salt: F.salt,
                achievement: templates[AchievementKey(record)])
            #expect(JSONSerializer.bytes(shared) == JSONSerializer.bytes(alone), "\(record.location)")
        }
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
