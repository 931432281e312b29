import Testing
import VerifiableCredentials

@Suite("Context check: every @context bundled or inline, named by JSON Pointer")
struct ContextPolicyTests {
    static let known: Set<String> = ["https://www.w3.org/ns/credentials/v2", "https://example.org/known"]

    static func document(subject: JSONValue) -> JSONValue {
        [
            "@context": ["https://www.w3.org/ns/credentials/v2", ["ex": "https://example.org/#"]],
            "credentialSubject": subject,
        ]
    }

    @Test("Bundled and inline contexts at any depth pass, and are counted")
    func passes() {
        let check = ContextPolicy.check(
            Self.document(subject: ["items": [1, ["@context": "https://example.org/known", "name": "x"]]]),
            known: Self.known)
        #expect(check.status == .pass)
        #expect(check.message == "3 contexts, all bundled or inline")
    }

    @Test("An unknown context deep inside is named by its pointer")
    func unknownNested() {
        let check = ContextPolicy.check(
            Self.document(subject: ["items": ["a", ["@context": ["https://evil.example/ctx"]]]]), known: Self.known)
        #expect(check.status == .fail)
        #expect(check.code == .unknownContext)
        #expect(
            check.message
                == "/credentialSubject/items/1/@context: @context https://evil.example/ctx is not bundled;"
                + " cmevc never fetches contexts")
    }

    @Test("A context entry that is neither a URL nor an object is named with its index; the first problem wins")
    func invalidEntry() {
        let check = ContextPolicy.check(
            Self.document(subject: [
                "@context": [.null, "https://example.org/known", 7], "later": ["@context": "https://evil.example"],
            ]),
            known: Self.known)
        #expect(check.code == .invalidContext)
        #expect(check.message == "/credentialSubject/@context/2: a context must be a URL or an object")
    }
}
