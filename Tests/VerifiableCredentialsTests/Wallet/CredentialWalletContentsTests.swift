import Foundation
import Testing
import VerifiableCredentials

@Suite("Credential wallet contents")
struct CredentialWalletContentsTests {
    /// Runs `body` with a new wallet in a temporary folder, removed afterwards.
    func withWallet(_ body: (URL, CredentialWallet) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wallet-\(UUID().uuidString)")
        let wallet = CredentialWallet(directory: url)
        try wallet.create()
        defer { try? FileManager.default.removeItem(at: url) }
        try body(url, wallet)
    }

    /// The least a file needs to be read as a credential: a `type` listing `VerifiableCredential` and a
    /// `credentialSubject` (VC Data Model 2.0 §4.8 requires one).
    static let minimal = "{\"type\": \"VerifiableCredential\", \"credentialSubject\": {\"id\": \"did:example:1\"}}"

    @Test("files that are not JSON or not a JSON object are skipped, each as an error naming the file")
    func skipped() throws {
        try withWallet { url, wallet in
            try Data(Self.minimal.utf8).write(to: url.appendingPathComponent("a.json"))
            try Data("\"text\"".utf8).write(to: url.appendingPathComponent("b.json"))
            try Data("{".utf8).write(to: url.appendingPathComponent("c.json"))
            let contents = try wallet.contents()
            #expect(contents.entries.map(\.fileName) == ["a.json"])
            #expect(contents.skipped.map(\.code) == [.invalidCredential, .invalidJSON])
            #expect(contents.skipped.first?.location == url.appendingPathComponent("b.json").path)
            #expect(
                contents.skipped.last?.location?.hasPrefix(url.appendingPathComponent("c.json").path + ": line 1")
                    == true)
            #expect(try wallet.entries().map(\.fileName) == ["a.json"])
        }
    }

    @Test("a JSON object whose type does not list VerifiableCredential is skipped as not a credential")
    func notACredential() throws {
        try withWallet { url, wallet in
            try Data("{\"type\": [\"VerifiableCredential\"], \"credentialSubject\": {}}".utf8).write(
                to: url.appendingPathComponent("a.json"))
            try Data("{\"a\": 1}".utf8).write(to: url.appendingPathComponent("b.json"))
            try Data("{\"type\": \"VerifiablePresentation\"}".utf8).write(to: url.appendingPathComponent("c.json"))
            let contents = try wallet.contents()
            #expect(contents.entries.map(\.fileName) == ["a.json"])
            #expect(contents.skipped.map(\.code) == [.invalidCredential, .invalidCredential])
            #expect(
                contents.skipped.map(\.location) == ["b.json", "c.json"].map { url.appendingPathComponent($0).path })
            #expect(
                contents.skipped.first?.message == "not a credential: its \"type\" does not list VerifiableCredential")
        }
    }

    @Test("a credential with no credentialSubject, as JSON or in an enveloped JWT, is skipped as not a credential")
    func noCredentialSubject() throws {
        let key = JWSTest.signingKey(.eddsa)
        let payload: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
            "issuer": "did:example:issuer",
        ]
        let jwt = try JWTFixture.raw(header: ["alg": "EdDSA", "typ": "vc+jwt"], payload: payload, key: key)
        let envelope = EnvelopedCredential.envelope(try CompactJWS(jwt))
        try withWallet { url, wallet in
            try Data(Self.minimal.utf8).write(to: url.appendingPathComponent("a.json"))
            try Data(JSONSerializer.bytes(payload)).write(to: url.appendingPathComponent("b.json"))
            try Data(JSONSerializer.bytes(envelope)).write(to: url.appendingPathComponent("c.json"))
            let contents = try wallet.contents()
            #expect(contents.entries.map(\.fileName) == ["a.json"])
            #expect(contents.skipped.map(\.code) == [.invalidCredential, .invalidCredential])
            #expect(
                contents.skipped.map(\.location) == ["b.json", "c.json"].map { url.appendingPathComponent($0).path })
            #expect(
                contents.skipped.map(\.message) == [
                    "not a credential: it has no \"credentialSubject\"",
                    "not a credential: the enveloped JWT's credential has no \"credentialSubject\"",
                ])
        }
    }
}
