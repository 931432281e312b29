import Testing
import VerifiableCredentials

/// RFC 6901 §3: `~` is written `~0` and `/` is written `~1` in a reference token, so every member name is one
/// token however it is spelt.
@Suite("JSON Pointer tokens")
struct JSONPointerTests {
    @Test(
        "tokens are escaped, ~ before /",
        arguments: [
            ("plain", "plain"), ("a/b", "a~1b"), ("m~n", "m~0n"), ("~1", "~01"), ("/~/", "~1~0~1"), ("", ""),
            ("é/✓", "é~1✓"),
        ])
    func escape(_ token: String, _ expected: String) {
        #expect(JSONPointer.escape(token) == expected)
    }

    @Test("appending builds the pointer to a member or an element")
    func appending() {
        #expect(JSONPointer.appending("a/b", to: "") == "/a~1b")
        #expect(JSONPointer.appending("0", to: "/issuers") == "/issuers/0")
        #expect(JSONPointer.appending("x~y", to: "/a~1b") == "/a~1b/x~0y")
    }

    @Test("a pointer from tokens escapes each; no tokens is the whole document")
    func fromTokens() {
        #expect(JSONPointer.pointer(["credentialSubject", "a/b~c", "0"]) == "/credentialSubject/a~1b~0c/0")
        #expect(JSONPointer.pointer([String]()) == "")
    }

    @Test("the context check names a member with / or ~ in it as one token")
    func contextCheck() {
        let document: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "credentialSubject": ["a/b~c": ["@context": "https://evil.example/ctx"]],
        ]
        let check = ContextPolicy.check(document, known: ["https://www.w3.org/ns/credentials/v2"])
        #expect(check.status == .fail)
        #expect(check.message.hasPrefix("/credentialSubject/a~1b~0c/@context: "))
    }

    @Test("a registry's unknown member with / in its name is located by one token")
    func registryMember() {
        let registry: JSONValue = [
            "format": "cme-issuer-registry/1", "registry/extra": 1,
            "registry": [
                "id": "did:web:registry.example", "name": "R", "sequence": 1, "issued": "2026-01-01T00:00:00Z",
            ],
            "accreditors": [], "issuers": [],
        ]
        do {
            _ = try IssuerRegistry(json: registry)
            Issue.record("an unknown member was accepted")
        } catch {
            #expect(error.location == "/registry~1extra", "\(error)")
        }
    }
}
