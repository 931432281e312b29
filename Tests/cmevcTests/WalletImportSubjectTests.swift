import Foundation
import Testing
import VerifiableCredentials

/// `cmevc wallet import` refuses a signed credential whose `credentialSubject` is not an object or a non-empty
/// array of objects, JSON or JWT, as it refuses one with none: `wallet list` would skip it.
@Suite("cmevc wallet import: a credential whose credentialSubject is malformed")
struct WalletImportSubjectTests {
    @Test(
        "a signed JSON or JWT credential with a malformed credentialSubject is refused naming the file and what it is; exit 1",
        arguments: [
            ("null", "null"), ("[]", "an empty array"),
            ("[{\"id\": \"did:example:1\"}, \"x\"]", "an array holding a string at index 1"),
        ])
    func refused(_ malformed: (subject: String, found: String)) throws {
        let s = try RegistryWalletVerifyCommandTests().setup()
        let unsigned = try JSONParser.parse(
            """
            {"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"\(s.issuer)",
             "validFrom":"2026-03-02T00:00:00Z","credentialSubject":\(malformed.subject)}
            """)
        // `cmevc sign` refuses such a credential (SignRefusalTests), so these are signed through the library.
        let key = try SigningKey(pemEncoded: try s.read("issuer.pem"))
        let method = DIDKey.verificationMethodID(for: key.publicKey)
        let signed = try DataIntegritySigner(key: key, suite: EdDSAJCS2022())
            .addProof(to: unsigned, options: ProofOptions(verificationMethod: method, created: Date()))
        try s.write(String(decoding: JSONSerializer.bytes(signed, layout: .pretty), as: UTF8.self), to: "s.json")
        let jwt = try VCJWTSigner(key: .key(key), keyID: method).sign(credential: unsigned, issuedAt: Date())
        try s.write(jwt.compact, to: "s.jwt")
        let imported = try s.run(["wallet", "import", "--wallet", "w", "s.json", "s.jwt"])
        #expect(imported.status == 1, "\(imported.stdout)\(imported.stderr)")
        let why =
            "not a VerifiableCredential: its credentialSubject is \(malformed.found), expected an object or an array of objects [invalidCredential]"
        #expect(imported.stderr == "s.json: \(why)\ns.jwt: \(why)\n", "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("0 imported, 0 duplicates skipped, 2 rejected"), "\(imported.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.dir.appendingPathComponent("w").path).isEmpty)
    }
}
