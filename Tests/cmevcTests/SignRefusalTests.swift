import Foundation
import Testing

/// `cmevc sign` refuses a document typed `VerifiableCredential` that every verifier rejects for its structure,
/// as Data Integrity and as a `vc+jwt`, and still signs documents that do not claim to be credentials.
@Suite("cmevc sign: a malformed credential is refused")
struct SignRefusalTests {
    static let context = #""@context":["https://www.w3.org/ns/credentials/v2"]"#

    @Test(
        "a VerifiableCredential failing the VC 2.0 structure check is not signed: exit 2, the file and field named, no output",
        arguments: [
            (#""issuer":"did:example:1","credentialSubject":null"#, "credentialSubject must be an object"),
            (#""issuer":"did:example:1","credentialSubject":[]"#, "credentialSubject must be an object"),
            (#""credentialSubject":{"id":"did:example:2"}"#, "issuer must be a URL"),
            (
                #""issuer":"did:example:1","validFrom":"2026-13-01","credentialSubject":{}"#,
                "validFrom must be an XML Schema dateTimeStamp"
            ),
        ])
    func refused(_ malformed: (members: String, problem: String)) throws {
        let dir = try CLI.temporaryDirectory()
        #expect(try CLI.run(["keys", "generate", "--out", "k.pem"], in: dir).status == 0)
        let text = #"{\#(Self.context),"type":["VerifiableCredential"],\#(malformed.members)}"#
        try text.write(to: dir.appendingPathComponent("c.json"), atomically: true, encoding: .utf8)
        for format in ["data-integrity", "jwt"] {
            let result = try CLI.run(["sign", "--format", format, "--key", "k.pem", "--out", "out", "c.json"], in: dir)
            #expect(result.status == 2, "\(format): \(result.stderr)")
            #expect(result.stderr.hasPrefix("Error: c.json: not signed: \(malformed.problem)"), "\(result.stderr)")
            #expect(result.stderr.hasSuffix("verifiers reject such a credential\n"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        }
    }

    @Test("a document not typed VerifiableCredential is signed as before, and so is a well-formed credential")
    func othersSigned() throws {
        let dir = try CLI.temporaryDirectory()
        #expect(try CLI.run(["keys", "generate", "--out", "k.pem"], in: dir).status == 0)
        let documents = [
            "other.json": #"{\#(Self.context),"type":["VerifiablePresentation"]}"#,
            "good.json":
                #"{\#(Self.context),"type":["VerifiableCredential"],"issuer":"did:example:1","credentialSubject":{"id":"did:example:2"}}"#,
        ]
        for (name, text) in documents {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
            let result = try CLI.run(
                ["sign", "--suite", "eddsa-jcs-2022", "--key", "k.pem", "--out", "signed-" + name, name], in: dir)
            #expect(result.status == 0, "\(name): \(result.stderr)")
        }
    }
}
