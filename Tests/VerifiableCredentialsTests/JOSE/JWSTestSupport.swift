import Foundation
import VerifiableCredentials

/// Helpers shared by the JWS suites.
enum JWSTest {
    /// One RSA-2048 key for the whole run (generating one costs about a second).
    static let rsaKey: RSASigningKey = {
        do { return try RSASigningKey(generatingBits: 2048) } catch {
            preconditionFailure("RSA key generation: \(error)")
        }
    }()

    /// A fresh key for `algorithm` (RS256 reuses ``rsaKey``).
    static func signingKey(_ algorithm: JWSAlgorithm) -> JWSSigningKey {
        switch algorithm {
        case .eddsa: .key(SigningKey(generating: .ed25519))
        case .es256: .key(SigningKey(generating: .p256))
        case .es384: .key(SigningKey(generating: .p384))
        case .rs256: .rsa(rsaKey)
        }
    }

    static let payload = Array(#"{"iss":"did:example:issuer","jti":"urn:uuid:1"}"#.utf8)

    static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func base64url(_ text: String) -> String { base64url(Array(text.utf8)) }

    /// `jws` with its header replaced by `headerJSON` (the signature is kept, so it no longer matches).
    static func replacingHeader(of jws: CompactJWS, with headerJSON: String) -> String {
        let parts = jws.compact.split(separator: ".", omittingEmptySubsequences: false)
        return base64url(headerJSON) + "." + parts[1] + "." + parts[2]
    }
}
