import CMECredentials
import Foundation
import Testing

/// Every field rule, checked on one CSV row at a time.
@Suite("Activity record validation")
struct RecordValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var column: String
        var value: String
        var expectedField: String
        var testDescription: String { "\(column)=\(value)" }
    }

    @Test("The fixture row is valid")
    func fixtureIsValid() throws {
        let result = RecordFixtures.csv(RecordFixtures.header + "\n" + RecordFixtures.validRow + "\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let record = try #require(result.records.first)
        #expect(record.learner.npi?.digits == "1234567893")
        #expect(record.learner.licenses.map(\.description) == ["CA:A123456"])
        #expect(record.activity.format == .course)
        #expect(record.credits(of: "AMA_PRA_CAT1") == 3)
        #expect(record.topics == [TopicCredit(code: "opioid-prescribing", hours: 2)])
        #expect(record.location == RecordLocation(file: "t.csv", line: 2))
    }

    static let invalid: [Case] = [
        Case(column: "learner_given_name", value: "", expectedField: "learner_given_name"),
        Case(column: "learner_family_name", value: "", expectedField: "learner_family_name"),
        Case(column: "learner_npi", value: "1234567890", expectedField: "learner_npi"),  // check digit
        Case(column: "learner_npi", value: "12345", expectedField: "learner_npi"),
        Case(column: "learner_npi", value: "123456789X", expectedField: "learner_npi"),
        Case(column: "learner_npi", value: "3234567891", expectedField: "learner_npi"),
        Case(column: "learner_email", value: "maria.example.org", expectedField: "learner_email"),
        Case(column: "learner_email", value: "maria@example", expectedField: "learner_email"),
        Case(column: "learner_license", value: "California:A1", expectedField: "learner_license"),
        Case(column: "learner_license", value: "ZZ:A1", expectedField: "learner_license"),
        Case(column: "learner_license", value: "CA:A1;CA:A1", expectedField: "learner_license"),
        Case(column: "learner_dob", value: "1980-04-17", expectedField: "learner_dob"),
        Case(column: "learner_dob", value: "02-30", expectedField: "learner_dob"),
        Case(column: "learner_dob", value: "13-01", expectedField: "learner_dob"),
        Case(column: "activity_id", value: "", expectedField: "activity_id"),
        Case(column: "activity_title", value: "", expectedField: "activity_title"),
        Case(column: "activity_format", value: "live", expectedField: "activity_format"),
        Case(column: "activity_format", value: "C", expectedField: "activity_format"),
        Case(column: "completion_date", value: "2026-02-30", expectedField: "completion_date"),
        Case(column: "completion_date", value: "03/01/2026", expectedField: "completion_date"),
        Case(column: "completion_date", value: "", expectedField: "completion_date"),
        Case(column: "credits_AMA_PRA_CAT1", value: "1.3", expectedField: "credits_AMA_PRA_CAT1"),
        Case(column: "credits_AMA_PRA_CAT1", value: "0", expectedField: "credits_AMA_PRA_CAT1"),
        Case(column: "credits_AMA_PRA_CAT1", value: "-1", expectedField: "credits_AMA_PRA_CAT1"),
        Case(column: "credits_AMA_PRA_CAT1", value: "two", expectedField: "credits_AMA_PRA_CAT1"),
        Case(column: "credits_AMA_PRA_CAT1", value: "1e1", expectedField: "credits_AMA_PRA_CAT1"),
        Case(column: "credits_AMA_PRA_CAT1", value: "", expectedField: "credits"),
        Case(column: "topics", value: "astrology=1", expectedField: "topics"),
        Case(column: "topics", value: "opioid-prescribing=4", expectedField: "topics"),
        Case(column: "topics", value: "opioid-prescribing=0", expectedField: "topics"),
        Case(column: "topics", value: "opioid-prescribing=x", expectedField: "topics"),
        Case(column: "topics", value: "ethics=1;medical-ethics=1", expectedField: "topics"),
    ]

    @Test("Each invalid value is rejected and names its field", arguments: invalid)
    func rejects(_ example: Case) {
        let result = RecordFixtures.csv(RecordFixtures.row(replacing: example.column, with: example.value))
        #expect(result.records.isEmpty)
        #expect(result.diagnostics.map(\.field).contains(example.expectedField), "\(result.diagnostics)")
        #expect(result.diagnostics.allSatisfy { $0.line == 2 && $0.file == "t.csv" })
    }

    @Test("A record without any learner identifier is rejected")
    func needsAnIdentifier() {
        let text = RecordFixtures.header + "\nMaria,Gonzalez,,,,04-17,A1,T,course,2026-03-01,1,\n"
        let result = RecordFixtures.csv(text)
        #expect(result.records.isEmpty)
        #expect(result.diagnostics.map(\.field) == ["learner"])
    }

    @Test("Every problem of a record is reported, not only the first")
    func reportsAllProblems() {
        let text = RecordFixtures.header + "\n,Gonzalez,12345,bad,XX:1,99-99,A1,T,seminar,2026-13-01,1.1,nope\n"
        let fields = Set(RecordFixtures.csv(text).diagnostics.map(\.field))
        #expect(
            fields == [
                "learner_given_name", "learner_npi", "learner_email", "learner_license", "learner_dob",
                "activity_format", "completion_date", "credits_AMA_PRA_CAT1", "topics",
            ])
    }

    @Test("A diagnostic reads FILE:LINE: field: expected …, found …")
    func diagnosticText() throws {
        let result = RecordFixtures.csv(RecordFixtures.row(replacing: "learner_npi", with: "12345"), file: "batch.csv")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.description == "batch.csv:2: learner_npi: expected a 10-digit NPI, found \"12345\"")
    }

    @Test("Optional activity fields are checked: dates in order, PARS id, board id, DID")
    func optionalFields() {
        let header =
            "learner_given_name,learner_family_name,learner_did,learner_board_id,activity_id,activity_title,activity_format,completion_date,activity_start,activity_end,pars_activity_id,credits_ABIM_MOC"
        let good =
            "A,B,did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK,ABIM:123456,A1,T,course,2026-03-01,2026-03-01T13:00:00-08:00,2026-03-01T16:00:00-08:00,202603117,3"
        let valid = RecordFixtures.csv(header + "\n" + good + "\n")
        #expect(valid.diagnostics.isEmpty, "\(valid.diagnostics)")
        #expect(valid.records.first?.learner.boardIDs.map(\.description) == ["ABIM:123456"])
        let bad = "A,B,did:key,ABIM-123456,A1,T,course,2026-02-28,2026-03-01T16:00:00Z,2026-03-01T13:00:00Z,P-17,3"
        let fields = Set(RecordFixtures.csv(header + "\n" + bad + "\n").diagnostics.map(\.field))
        #expect(
            fields == ["learner_did", "learner_board_id", "activity_end", "completion_date", "pars_activity_id"])
    }

    @Test("Claimed AMA credit may not exceed the designated maximum, and a maximum needs a claim")
    func designatedMaximum() {
        let header =
            "learner_given_name,learner_family_name,learner_email,activity_id,activity_title,activity_format,completion_date,credits_AMA_PRA_CAT1,max_credits_AMA_PRA_CAT1,credits_ABIM_MOC"
        let rows = [
            "A,B,a@b.org,A1,T,course,2026-03-01,2.5,3,",  // valid
            "A,B,a@b.org,A1,T,course,2026-03-01,3.5,3,",  // over the maximum
            "A,B,a@b.org,A1,T,course,2026-03-01,,3,2",  // maximum without a claim
            "A,B,a@b.org,A1,T,course,2026-03-01,1,1.1,",  // maximum not in 0.25 steps
        ]
        let result = RecordFixtures.csv(([header] + rows).joined(separator: "\n"))
        #expect(result.records.count == 1)
        #expect(result.records.first?.maxAMACredits == 3)
        #expect(result.diagnostics.map(\.line) == [3, 4, 5])
        #expect(
            result.diagnostics.map(\.field) == [
                "credits_AMA_PRA_CAT1", "credits_AMA_PRA_CAT1", "max_credits_AMA_PRA_CAT1",
            ])
    }

    @Test("AMA PRA Category 2 is self-claimed and never accepted from a provider")
    func categoryTwoRejected() {
        let text =
            "learner_given_name,learner_family_name,learner_email,activity_id,activity_title,activity_format,completion_date,credits_AMA_PRA_CAT2\nA,B,a@b.org,A1,T,course,2026-03-01,2\n"
        let result = RecordFixtures.csv(text)
        #expect(result.records.isEmpty)
        #expect(result.diagnostics.map(\.field).contains("credits_AMA_PRA_CAT2"))
    }

    @Test("Topics: a bare code means all the activity's hours, aliases become canonical codes")
    func topics() throws {
        let result = RecordFixtures.csv(
            RecordFixtures.row(replacing: "topics", with: "pain-management; ethics=0.5 ;substance-use-disorder=1"))
        let record = try #require(result.records.first, "\(result.diagnostics)")
        #expect(record.topics.map(\.code) == ["pain-management", "medical-ethics", "sud-treatment"])
        #expect(record.resolvedTopicHours.map(\.hours) == [3, 0.5, 1])
    }

    @Test("The learner key prefers NPI, then DID, e-mail, license, board id")
    func learnerKey() {
        var learner = Learner(
            givenName: "A", familyName: "B", email: "a@b.org", licenses: [StateLicense("ca:a1")].compactMap { $0 })
        #expect(learner.key == "email:a@b.org")
        learner.did = "did:key:z6Mk1"
        #expect(learner.key == "did:key:z6Mk1")
        learner.npi = NPI("1234567893")
        #expect(learner.key == "npi:1234567893")
        #expect(
            Learner(givenName: "A", familyName: "B", licenses: [StateLicense("ca:a1")].compactMap { $0 }).key
                == "license:CA:A1")
        #expect(
            Learner(givenName: "A", familyName: "B", boardIDs: [BoardIdentifier("abim:9")].compactMap { $0 }).key
                == "board:ABIM:9")
    }

    @Test("E-mail addresses are stored lower-case")
    func emailNormalized() {
        let result = RecordFixtures.csv(RecordFixtures.row(replacing: "learner_email", with: "Maria@Example.ORG"))
        #expect(result.records.first?.learner.email == "maria@example.org")
    }
}
