import Foundation
import Testing
import VerifiableCredentials

/// The worked examples of RFC 7515 Appendix A.3 (ES256) and RFC 8037 Appendix A.4 (EdDSA).
@Suite("JWS RFC examples")
struct JWSRFCExampleTests {
    /// RFC 7515 A.3.1: the P-256 key and the JWS of the example claims.
    static let es256Key: JSONValue = [
        "kty": "EC", "crv": "P-256",
        "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
    ]
    static let es256PrivateScalar = "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"
    static let es256JWS =
        "eyJhbGciOiJFUzI1NiJ9"
        + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
        + ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q"

    /// RFC 8037 A.1 / A.4: the Ed25519 key and the JWS of "Example of Ed25519 signing".
    static let eddsaKey: JSONValue = [
        "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
    ]
    static let eddsaSeed = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"
    static let eddsaJWS =
        "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"
        + ".hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg"

    static func bytes(base64url text: String) throws -> [UInt8] {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        return Array(try #require(Data(base64Encoded: standard)))
    }

    @Test
    func es256ExampleVerifies() throws {
        let key = try JWSPublicKey(jwk: Self.es256Key)
        let jws = try CompactJWS(Self.es256JWS)
        #expect(jws.header.alg == "ES256")
        #expect(String(decoding: jws.payload, as: UTF8.self).hasPrefix("{\"iss\":\"joe\",\r\n"))
        #expect(jws.verify(with: key).status == .pass)
        // The private scalar of the RFC is the one behind the public key.
        let signing = try SigningKey(type: .p256, secretBytes: try Self.bytes(base64url: Self.es256PrivateScalar))
        #expect(JWSPublicKey.key(signing.publicKey) == key)
        // Our own ES256 signature over the RFC's signing input verifies (ECDSA is randomized, so it differs).
        let ours = try CompactJWS.sign(payload: jws.payload, header: jws.header, key: .key(signing))
        #expect(ours.signingInput == jws.signingInput)
        #expect(ours.verify(with: key).status == .pass)
        // The last signature character changed: the signature no longer matches.
        let tampered = try CompactJWS(String(Self.es256JWS.dropLast()) + "A")
        #expect(tampered.verify(with: key).code == .signatureMismatch)
    }

    @Test
    func eddsaExampleIsReproducedExactly() throws {
        let key = try JWSPublicKey(jwk: Self.eddsaKey)
        let jws = try CompactJWS(Self.eddsaJWS)
        #expect(jws.verify(with: key).status == .pass)
        let signing = try SigningKey(type: .ed25519, secretBytes: try Self.bytes(base64url: Self.eddsaSeed))
        #expect(JWSPublicKey.key(signing.publicKey) == key)
        // Ed25519 is deterministic: signing the same header and payload gives the RFC's JWS byte for byte.
        let ours = try CompactJWS.sign(
            payload: Array("Example of Ed25519 signing".utf8), header: try JWSHeader(algorithm: .eddsa),
            key: .key(signing))
        #expect(ours.compact == Self.eddsaJWS)
    }
}
