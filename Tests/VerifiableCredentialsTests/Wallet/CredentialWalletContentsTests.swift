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

    /// The messages of the files a wallet holding `files` (name and content) skips, in name order, after
    /// expecting that `a.json` alone is listed and every other file is skipped as `invalidCredential`, its path
    /// the error's location.
    func skippedMessages(_ files: [(name: String, bytes: [UInt8])]) throws -> [String] {
        var messages: [String] = []
        try withWallet { url, wallet in
            for file in files { try Data(file.bytes).write(to: url.appendingPathComponent(file.name)) }
            let contents = try wallet.contents()
            let others = files.map(\.name).filter { $0 != "a.json" }.sorted()
            #expect(contents.entries.map(\.fileName) == ["a.json"])
            #expect(contents.skipped.map(\.code) == others.map { _ in .invalidCredential })
            #expect(contents.skipped.map(\.location) == others.map { url.appendingPathComponent($0).path })
            messages = contents.skipped.map(\.message)
        }
        return messages
    }

    @Test("a JSON object whose type does not list VerifiableCredential is skipped as not a credential")
    func notACredential() throws {
        let messages = try skippedMessages([
            ("a.json", Array("{\"type\": [\"VerifiableCredential\"], \"credentialSubject\": {}}".utf8)),
            ("b.json", Array("{\"a\": 1}".utf8)), ("c.json", Array("{\"type\": \"VerifiablePresentation\"}".utf8)),
        ])
        #expect(messages.first == "not a credential: its \"type\" does not list VerifiableCredential")
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
        let messages = try skippedMessages([
            ("a.json", Array(Self.minimal.utf8)), ("b.json", JSONSerializer.bytes(payload)),
            ("c.json", JSONSerializer.bytes(envelope)),
        ])
        #expect(
            messages == [
                "not a credential: it has no \"credentialSubject\"",
                "not a credential: the enveloped JWT's credential has no \"credentialSubject\"",
            ])
    }
}

extension CredentialWalletContentsTests {
    /// `credentialSubject` values that are not an object or a non-empty array of objects, each with what the
    /// wallet says it found.
    static let malformedSubjects: [(subject: JSONValue, found: String)] = [
        (.null, "null"), ("did:example:1", "a string"), (7, "a number"), (true, "a Boolean"),
        ([], "an empty array"), ([["id": "did:example:1"], "did:example:2"], "an array holding a string at index 1"),
        ([.null], "an array holding null at index 0"),
    ]

    @Test(
        "a credential whose credentialSubject is not an object or a non-empty array of objects is skipped, saying what it is"
    )
    func malformedCredentialSubject() throws {
        try expectMalformedSubjectsSkipped(owner: "its") { subject in
            JSONSerializer.bytes(["type": ["VerifiableCredential"], "credentialSubject": subject])
        }
    }

    @Test("an enveloped JWT whose credential's credentialSubject is malformed is skipped, saying what it is")
    func malformedCredentialSubjectEnveloped() throws {
        let key = JWSTest.signingKey(.eddsa)
        try expectMalformedSubjectsSkipped(owner: "the enveloped JWT's") { subject in
            let payload: JSONValue = [
                "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
                "issuer": "did:example:issuer", "credentialSubject": subject,
            ]
            let jwt = try JWTFixture.raw(header: ["alg": "EdDSA", "typ": "vc+jwt"], payload: payload, key: key)
            return JSONSerializer.bytes(EnvelopedCredential.envelope(try CompactJWS(jwt)))
        }
    }

    /// A wallet of one good credential and one file per ``malformedSubjects`` entry (made by `file` from the
    /// subject) lists the good one and skips each other, saying what `owner`'s `credentialSubject` is.
    func expectMalformedSubjectsSkipped(owner: String, file: (JSONValue) throws -> [UInt8]) throws {
        var files: [(name: String, bytes: [UInt8])] = [("a.json", Array(Self.minimal.utf8))]
        for (index, malformed) in Self.malformedSubjects.enumerated() {
            files.append(("b\(index).json", try file(malformed.subject)))
        }
        let messages = try skippedMessages(files)
        #expect(
            messages
                == Self.malformedSubjects.map {
                    "not a credential: \(owner) \"credentialSubject\" is \($0.found), expected an object or an array of objects"
                })
    }

    @Test("a credentialSubject that is one object or an array of objects is listed")
    func wellFormedCredentialSubject() throws {
        try withWallet { url, wallet in
            for (name, subject) in [("a.json", ["id": "x"]), ("b.json", [["id": "x"], [:]])] as [(String, JSONValue)] {
                let credential: JSONValue = ["type": ["VerifiableCredential"], "credentialSubject": subject]
                try Data(JSONSerializer.bytes(credential)).write(to: url.appendingPathComponent(name))
            }
            let contents = try wallet.contents()
            #expect(contents.entries.map(\.fileName) == ["a.json", "b.json"])
            #expect(contents.skipped.isEmpty, "\(contents.skipped)")
        }
    }
}
