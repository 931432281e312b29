import CMECredentials
import Foundation
import Testing

@Suite("Learner identifiers and formats")
struct IdentifierTests {
    @Test("NPI check digit: Luhn over 80840 and the first nine digits")
    func npi() {
        #expect(NPI("1234567893") != nil)  // the CMS example
        #expect(NPI("1987654328") != nil)
        #expect(NPI("1234567890") == nil)
        #expect(NPI("123456789") == nil)
        #expect(NPI("12345678931") == nil)
        #expect(NPI("323456789X") == nil)
        #expect(NPI("０１２３４５６７８９") == nil)
    }

    @Test("State licenses and board ids")
    func licenses() {
        #expect(StateLicense("ca:a123456")?.description == "CA:A123456")
        #expect(StateLicense("DC:MD-1")?.description == "DC:MD-1")
        #expect(StateLicense("XX:1") == nil)
        #expect(StateLicense("CA:") == nil)
        #expect(StateLicense("CA:1:2") == nil)
        #expect(StateLicense("CA:A 1") == nil)
        #expect(BoardIdentifier("abim:123456")?.description == "ABIM:123456")
        #expect(BoardIdentifier("A:1") == nil)
        #expect(BoardIdentifier("ABIM:") == nil)
    }

    @Test("Month and day of birth")
    func monthDay() {
        #expect(MonthDay("02-29")?.description == "02-29")
        #expect(MonthDay("12-31") != nil)
        #expect(MonthDay("04-31") == nil)
        #expect(MonthDay("00-10") == nil)
        #expect(MonthDay("1-1") == nil)
        #expect(MonthDay("+1-10") == nil)
    }

    @Test("The twelve learning formats map to their PARS codes")
    func parsCodes() {
        let codes = ActivityFormat.allCases.map(\.parsCode)
        #expect(codes == ["C", "RSS", "IL", "EM", "IEM", "JN", "MR", "TIW", "CML", "PI", "ISL", "LFT"])
        for format in ActivityFormat.allCases { #expect(ActivityFormat(parsCode: format.parsCode) == format) }
        #expect(ActivityFormat.course.designationWording == "live activity")
        #expect(ActivityFormat.internetEnduringMaterial.designationWording == "enduring material")
        #expect(ActivityFormat.journalBased.designationWording == "journal-based CME activity")
    }

    @Test("The bundled catalog loads credit types and topics")
    func catalog() throws {
        let catalog = try CMECatalog.loadBundled()
        #expect(catalog == CMECatalog.bundled)
        #expect(catalog.creditType("AMA_PRA_CAT1")?.step == 0.25)
        #expect(catalog.creditType("AMA_PRA_CAT2")?.providerDesignated == false)
        for code in ["AMA_PRA_CAT1", "AOA_1A", "ABIM_MOC", "ABP_MOC", "ABA_MOC", "ANCC_CH", "ACPE", "AAPA_CAT1"] {
            #expect(catalog.creditType(code) != nil, "\(code)")
        }
        #expect(catalog.topic("ethics")?.code == "medical-ethics")
        #expect(Set(catalog.topics.map(\.code)).count == catalog.topics.count)
    }
}
