import Testing

@testable import VerifiableCredentials

@Suite("DisplayText: values from files shown on one safe line")
struct DisplayTextTests {
    @Test("plain text is returned as it is")
    func plain() {
        let text = "did:web:cme.example.org is not in the registry — “Example” ✓"
        #expect(DisplayText.line(text) == text)
    }

    @Test("line breaks, tabs, escape sequences and bidirectional overrides become visible escapes")
    func escapes() {
        #expect(DisplayText.line("a\nb\r\tc") == "a\\nb\\r\\tc")
        #expect(DisplayText.line("\u{1B}[2K") == "\\u{1b}[2K")
        #expect(DisplayText.line("name\u{202E}fdp.exe") == "name\\u{202e}fdp.exe")
        #expect(DisplayText.line("x\u{2028}y\u{85}z\u{7F}") == "x\\u{2028}y\\u{85}z\\u{7f}")
        #expect(!DisplayText.line("did:example:1\n    ✓ issuer  accredited").contains("\n"))
    }

    @Test("an over-long text keeps its head and its tail around …")
    func cut() {
        let text = "head " + String(repeating: "x", count: 100_000) + " tail"
        let shown = DisplayText.line(text, limit: 30)
        #expect(shown.unicodeScalars.count == 31)
        #expect(shown.hasPrefix("head xxxxx"))
        #expect(shown.hasSuffix("x tail"))
        #expect(shown.contains("…"))
        #expect(DisplayText.line(String(repeating: "y", count: 30), limit: 30) == String(repeating: "y", count: 30))
    }

    @Test("a quoted value escapes quotes and backslashes and is cut after its limit")
    func quoted() {
        #expect(DisplayText.quoted("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"")
        #expect(DisplayText.quoted("abcdef", limit: 3) == "\"abc…\"")
        #expect(DisplayText.quoted("a\nb") == "\"a\\nb\"")
    }
}
