import Testing

@testable import VerifiableCredentials

@Suite("UnreadableDocument: a file that is neither JSON nor a JWT")
struct UnreadableDocumentTests {
    func parseError(_ text: String) -> CredentialError? {
        do {
            _ = try JSONParser.parse(Array(text.utf8))
            return nil
        } catch {
            return UnreadableDocument.explain(error, bytes: Array(text.utf8))
        }
    }

    @Test("text that starts like neither JSON nor a compact JWT says so", arguments: ["not a jwt", "a.b", "  e30.e30"])
    func neither(_ text: String) throws {
        let error = try #require(parseError(text))
        #expect(error.code == .invalidJSON)
        #expect(error.message.contains("neither a JSON credential or presentation nor a compact JWT"))
    }

    @Test("a broken JSON object, an empty file and a byte order mark keep their own message")
    func jsonKeepsItsMessage() throws {
        for text in ["{\"a\":", "[1,", "", "\u{FEFF}{}"] {
            let error = try #require(parseError(text))
            #expect(!error.message.contains("compact JWT"), "\(text)")
        }
    }
}
