import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

/// `ActivityRecord.canonicalJSON`, written directly, is exactly the canonical form of the record's JSON (the
/// bytes every ledger's record hashes were taken over).
@Suite("A record's canonical JSON")
struct RecordCanonicalJSONTests {
    @Test("Every example record: the same bytes as canonicalizing its JSON")
    func exampleRecords() throws {
        let records = try CredentialFixtures.exampleRecords()
        #expect(records.count > 10)
        for record in records {
            #expect(record.canonicalJSON == JSONCanonicalizer.canonicalize(record.json), "\(record.location)")
        }
    }

    @Test("Records with every combination of optional fields, escapes and several credits")
    func variedRecords() throws {
        var generator = RulesAllocationTests.SeededGenerator(state: 0x5EED)  // the same records on every run
        let texts = [
            "Maria", "O\"Brien", "back\\slash", "José Müller", "Zoë 🩺", "line\u{2028}sep", "tab\there", "\u{1}",
        ]
        let codes = ["AMA_PRA_CAT1", "ABIM_MOC", "AAPA_CAT1", "ANCC_CH", "AOA_1A", "ACPE"]
        for number in 0..<2_000 {
            func maybe<T>(_ value: T) -> T? { Bool.random(using: &generator) ? value : nil }
            func text() -> String { texts.randomElement(using: &generator) ?? "" }
            let learner = Learner(
                givenName: text(), familyName: text(), npi: maybe(NPI("1234567893")).flatMap { $0 },
                email: maybe("m\(number)@example.org"), did: maybe("did:key:z6Mk\(number)"),
                licenses: maybe([StateLicense("CA:A123456"), StateLicense("NY:987")].compactMap { $0 }) ?? [],
                boardIDs: maybe([BoardIdentifier("ABIM:123456")].compactMap { $0 }) ?? [],
                dateOfBirth: maybe(MonthDay("04-17")).flatMap { $0 })
            let activity = Activity(
                id: "A-\(text())", title: text(), format: ActivityFormat.allCases.randomElement(using: &generator)!,
                completionDate: "2026-03-01", description: maybe(text()), startDate: maybe("2026-02-28"),
                endDate: maybe("2026-03-01"), parsActivityID: maybe("P\(number)"), jointProvider: maybe(text()))
            // Several credits in random order, sometimes a code twice (the JSON keeps the last amount).
            let credits = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                CreditAmount(
                    code: codes.randomElement(using: &generator)!,
                    amount: Decimal(Int.random(in: 1...400, using: &generator)) / 4)
            }
            let topics = (0..<Int.random(in: 0...3, using: &generator)).map { index in
                TopicCredit(
                    code: "topic-\(index)", hours: maybe(Decimal(Int.random(in: 1...12, using: &generator)) / 4))
            }
            let record = ActivityRecord(
                location: RecordLocation(file: "f.csv", line: number), learner: learner, activity: activity,
                credits: credits, maxAMACredits: maybe(Decimal(string: "12.5")!), topics: topics)
            let expected = JSONCanonicalizer.canonicalize(record.json)
            #expect(record.canonicalJSON == expected, "record \(number): \(String(decoding: expected, as: UTF8.self))")
        }
    }
}
