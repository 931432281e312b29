import Testing

@testable import CMECredentials

@Suite("CSV fields: the ASCII fast path")
struct CSVASCIIFieldTests {
    @Test(
        "an ASCII field trims as the general path trims it; a field with any other byte takes the general path",
        arguments: [
            "", " ", "\t\r\n ", "a", " a ", "\tLearner 12\r\n", "a  b", "  x\ty  ", "3.25", "opioid-prescribing=2",
        ])
    func asciiAgrees(text: String) throws {
        let bytes = Array(text.utf8)
        let general = try #require(String(validating: bytes, as: UTF8.self)).trimmingSpaces()
        #expect(ActivityRecordCSV.asciiTrimmed(bytes) == general)
    }

    @Test("non-ASCII bytes are left to UTF-8 validation", arguments: ["é", " Zoë ", "\u{A0}a\u{A0}", "a\u{80}"])
    func nonASCII(text: String) {
        #expect(ActivityRecordCSV.asciiTrimmed(Array(text.utf8)) == nil)
        #expect(ActivityRecordCSV.asciiTrimmed([0x61, 0xFF]) == nil)
    }
}
