import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

@Suite("PARS export: rows PARS would reject")
struct PARSRowValidatorTests {
    typealias F = PARSFixtures

    @Test("A complete CME + MOC completion is acceptable")
    func acceptable() {
        #expect(F.codes(F.credential()) == [])
        #expect(F.codes(F.credential(credits: ["AMA_PRA_CAT1": 0.25])) == [])
    }

    @Test("No license ID and no NPI")
    func noIdentifier() {
        let credential = F.credential { learner, _ in
            learner.npi = nil
            learner.licenses = []
        }
        #expect(F.codes(credential) == [.missingLicenseAndNPI])
        let npiOnly = F.credential { learner, _ in learner.licenses = [] }
        #expect(F.codes(npiOnly) == [])
        let licenseOnly = F.credential { learner, _ in learner.npi = nil }
        #expect(F.codes(licenseOnly) == [])
    }

    @Test("Missing month and day of birth when MOC points are reported, but not for CME only")
    func birthDate() {
        #expect(F.codes(F.credential { learner, _ in learner.dateOfBirth = nil }) == [.missingBirthDate])
        let cmeOnly = F.credential(credits: ["AMA_PRA_CAT1": 3]) { learner, _ in learner.dateOfBirth = nil }
        #expect(F.codes(cmeOnly) == [])
    }

    @Test("A board ID reported without the month and day of birth")
    func boardIDNeedsBirthDate() {
        let validator = PARSRowValidator(mapping: .default)
        var row = F.rows(F.credential(credits: ["AMA_PRA_CAT1": 3]))[0]
        row[.boardID] = "204518"
        row[.dobMonth] = ""
        #expect(validator.rejections(of: row).map(\.code) == [.missingBirthDate])
    }

    @Test("Missing ACCME activity ID")
    func activityID() {
        #expect(F.codes(F.credential { _, activity in activity.parsActivityID = nil }) == [.missingActivityID])
    }

    @Test("MOC points without an ID at that board")
    func boardID() {
        let none = F.credential { learner, _ in learner.boardIDs = [] }
        #expect(F.codes(none) == [.missingBoardID])
        let otherBoard = F.credential { learner, _ in learner.boardIDs = ["ABP:1009876"] }
        let rejections = PARSRowValidator(mapping: .default).rejections(of: F.rows(otherBoard)[0])
        #expect(rejections.map(\.code) == [.missingBoardID])
        #expect(rejections.first?.message.contains("ABIM") == true)
    }

    @Test("AMA credit that is not a positive multiple of 0.25", arguments: [0.3, 0, 1.1, 2.125])
    func amaStep(amount: Double) {
        #expect(F.codes(F.credential(credits: ["AMA_PRA_CAT1": .number(amount)])) == [.invalidAMACredits])
    }

    @Test("MOC points that are not positive")
    func mocPoints() {
        #expect(F.codes(F.credential(credits: ["AMA_PRA_CAT1": 1, "ABIM_MOC": 0])) == [.invalidMOCPoints])
        #expect(F.codes(F.credential(credits: ["AMA_PRA_CAT1": 1, "ABIM_MOC": "three"])) == [.invalidMOCPoints])
    }

    @Test("Neither AMA credit nor MOC points: nothing PARS takes")
    func nothing() {
        #expect(F.codes(F.credential(credits: ["ANCC_CH": 1])) == [.nothingToReport])
        #expect(F.codes(F.credential(credits: ["ABIM_MOC": 2])) == [])
    }

    @Test("No first or last name")
    func name() {
        #expect(F.codes(F.credential { learner, _ in learner.familyName = "" }) == [.missingName])
    }

    @Test(
        "A tab or line break in a value rejects the row, naming the column",
        arguments: ["O\tNeill", "O\nNeill", "O\u{2028}N"])
    func controlCharacters(name: String) {
        let credential = F.credential { learner, _ in learner.familyName = name }
        let rejections = PARSRowValidator(mapping: .default).rejections(of: F.rows(credential)[0])
        #expect(rejections.map(\.code) == [.controlCharacter])
        #expect(rejections.first?.message.hasPrefix("last name ") == true)
    }

    @Test(
        "A value a spreadsheet would run as a formula rejects the row, naming the column; the value is not changed",
        arguments: ["=HYPERLINK(\"https://x.example\")", "+Neill", "-Neill", "@Neill"])
    func formulas(name: String) {
        let credential = F.credential { learner, _ in learner.familyName = name }
        let row = F.rows(credential)[0]
        let rejections = PARSRowValidator(mapping: .default).rejections(of: row)
        #expect(rejections.map(\.code) == [.formulaText])
        #expect(rejections.first?.message.hasPrefix("last name starts with \"\(name.prefix(1))\"") == true)
        #expect(row[.lastName] == name)
    }

    @Test("A formula sign inside a value, or a name starting with an apostrophe, is fine")
    func formulaSignsInside() {
        for name in ["O'Neill", "'Neill", "Smith-Jones", "a=b"] {
            #expect(F.codes(F.credential { learner, _ in learner.familyName = name }) == [], "\(name)")
        }
    }

    @Test("A completion date that is not a date")
    func completionDate() {
        #expect(F.codes(F.credential(completion: "2026-02-30")) == [.invalidCompletionDate])
        var us = PARSMapping.default
        us.dateFormat = .us
        #expect(F.codes(F.credential(), mapping: us) == [])
    }

    @Test(
        "Only mapped fields count: a mapping without NPI needs a license; one without the activity ID column does not need it"
    )
    func mappedFieldsOnly() {
        let noNPI = PARSMapping(
            columns: PARSMapping.default.columns.filter { $0.field != .npi && $0.field != .accmeActivityID })
        let npiOnly = F.credential { learner, activity in
            learner.licenses = []
            activity.parsActivityID = nil
        }
        #expect(F.codes(npiOnly, mapping: noNPI) == [.missingLicenseAndNPI])
        #expect(F.codes(npiOnly) == [.missingActivityID])
    }

    @Test("Several problems are all reported, in rule order")
    func several() {
        let credential = F.credential(credits: ["AMA_PRA_CAT1": 0.1, "ABIM_MOC": 1]) { learner, activity in
            learner.npi = nil
            learner.licenses = []
            learner.boardIDs = []
            learner.dateOfBirth = nil
            activity.parsActivityID = nil
        }
        #expect(
            F.codes(credential) == [
                .missingActivityID, .missingLicenseAndNPI, .missingBoardID, .missingBirthDate, .invalidAMACredits,
            ])
    }
}
