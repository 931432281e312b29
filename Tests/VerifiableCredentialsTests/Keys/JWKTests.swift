import Testing
import VerifiableCredentials

@Suite("publicKeyJwk")
struct JWKTests {
    @Test(arguments: KeyType.allCases)
    func roundTrips(_ type: KeyType) throws {
        let key = SigningKey(generating: type).publicKey
        let jwk = key.jwk
        #expect(try PublicKey(jwk: jwk) == key)
        switch type {
        case .ed25519:
            #expect(jwk["kty"] == "OKP")
            #expect(jwk["crv"] == "Ed25519")
            #expect(jwk["x"]?.stringValue?.count == 43)
            #expect(jwk["y"] == nil)
        case .p256, .p384:
            #expect(jwk["kty"] == "EC")
            #expect(jwk["crv"] == (type == .p256 ? "P-256" : "P-384"))
            #expect(jwk["x"]?.stringValue?.count == (type == .p256 ? 43 : 64))
            #expect(jwk["y"]?.stringValue?.count == (type == .p256 ? 43 : 64))
        }
    }

    @Test
    func rfc8037Example() throws {
        // RFC 8037 Appendix A.2: the Ed25519 public key.
        let jwk: JSONValue = ["kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"]
        let key = try PublicKey(jwk: jwk)
        #expect(key.type == .ed25519)
        #expect(key.rawRepresentation.prefix(4) == [0xD7, 0x5A, 0x98, 0x01])
        #expect(key.jwk == jwk)
    }

    @Test
    func rejectsBadJWKs() throws {
        let good = SigningKey(generating: .p256).publicKey.jwk
        var object = try #require(good.objectValue)
        object["d"] = "AAAA"
        #expect((#expect(throws: CredentialError.self) { try PublicKey(jwk: .object(object)) })?.code == .invalidKey)
        object["d"] = nil
        object["y"] = .string(object["x"]?.stringValue ?? "")  // off the curve (almost surely)
        #expect((#expect(throws: CredentialError.self) { try PublicKey(jwk: .object(object)) })?.code == .invalidKey)
        let rsa: JSONValue = ["kty": "RSA", "crv": "none", "n": "AQAB"]
        #expect(
            (#expect(throws: CredentialError.self) { try PublicKey(jwk: rsa) })?.code == .unsupportedKeyType)
        let short: JSONValue = ["kty": "OKP", "crv": "Ed25519", "x": "AAAA"]
        #expect((#expect(throws: CredentialError.self) { try PublicKey(jwk: short) })?.code == .invalidKey)
    }
}
