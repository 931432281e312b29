import Testing

@testable import CMECredentials

@Suite("E-mail addresses and white space")
struct EmailWhitespaceTests {
    @Test("the ASCII byte check agrees with Character.isWhitespace for every ASCII byte")
    func everyASCIIByte() {
        for byte in UInt8(0)...UInt8(0x7F) {
            let text = "a" + String(decoding: [byte], as: UTF8.self) + "b@example.org"
            #expect(IdentifierText.hasWhitespace(text) == text.contains(where: \.isWhitespace), "byte \(byte)")
        }
        #expect(IdentifierText.hasWhitespace("a\r\nb"))
    }

    @Test("non-ASCII white space is found after ASCII text")
    func unicodeSpaces() {
        for space in ["\u{85}", "\u{A0}", "\u{2003}", "\u{2028}", "\u{3000}"] {
            #expect(IdentifierText.hasWhitespace("maria" + space + "@example.org"))
            #expect(IdentifierText.email("maria" + space + "@example.org") == nil)
        }
        #expect(!IdentifierText.hasWhitespace("maría@example.org"))
        #expect(IdentifierText.email("María@Example.org") == "maría@example.org")
        #expect(IdentifierText.email("maria @example.org") == nil)
        #expect(IdentifierText.email("maria@example.org\t") == nil)
    }
}
