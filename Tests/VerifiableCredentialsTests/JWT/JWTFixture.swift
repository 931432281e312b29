import Foundation
import VerifiableCredentials

/// The verification world of ``VerificationFixture`` with one registered issuer key per JWS algorithm, and
/// helpers that sign credentials and presentations as JWTs.
struct JWTFixture {
    var world = VerificationFixture()
    let keys: [JWSAlgorithm: JWSSigningKey]

    init() {
        var keys: [JWSAlgorithm: JWSSigningKey] = [:]
        for algorithm in JWSAlgorithm.allCases { keys[algorithm] = JWSTest.signingKey(algorithm) }
        keys[.eddsa] = .key(world.issuerKey)
        self.keys = keys
    }

    static func keyID(_ algorithm: JWSAlgorithm) -> String {
        algorithm == .eddsa ? VerificationFixture.keyID : VerificationFixture.issuerID + "#jwt-" + algorithm.rawValue
    }

    func key(_ algorithm: JWSAlgorithm) -> JWSSigningKey { keys[algorithm] ?? .key(world.issuerKey) }

    /// The fixture's registry with the other algorithms' keys added to the issuer.
    var registry: IssuerRegistry {
        var registry = world.registry
        for algorithm in JWSAlgorithm.allCases where algorithm != .eddsa {
            registry.issuers[0].keys.append(
                RegisteredKey(
                    id: Self.keyID(algorithm), verificationKey: key(algorithm).publicKey,
                    validFrom: RegistryDate("2026-01-01T00:00:00Z")))
        }
        return registry
    }

    func verifier(registry: IssuerRegistry? = nil) throws -> Verifier {
        world.verifier(registry: registry ?? self.registry, lists: [try world.statusList()])
    }

    /// `credential` signed as `vc+jwt` with the issuer's `algorithm` key at the fixture's signing time.
    func sign(
        _ credential: JSONValue, _ algorithm: JWSAlgorithm = .eddsa, keyID: String? = nil,
        key: JWSSigningKey? = nil, issuedAt: Date? = VerificationFixture.signedAt
    ) throws -> CompactJWS {
        try VCJWTSigner(key: key ?? self.key(algorithm), keyID: keyID ?? Self.keyID(algorithm))
            .sign(credential: credential, issuedAt: issuedAt)
    }

    /// A `vp+jwt` of `credentials` (JWTs enveloped, JSON as is) by `holder`.
    func present(
        _ jwts: [CompactJWS], embedded: [JSONValue] = [], holder: SigningKey, nonce: String? = "c-123",
        audience: String? = "hospital.example"
    ) throws -> CompactJWS {
        let presentation = VerifiablePresentationBuilder(credentials: jwts.map(EnvelopedCredential.envelope) + embedded)
            .unsigned(holder: DIDKey.did(for: holder.publicKey))
        return try VCJWTSigner(key: .key(holder), keyID: DIDKey.verificationMethodID(for: holder.publicKey))
            .sign(presentation: presentation, nonce: nonce, audience: audience, issuedAt: VerificationFixture.signedAt)
    }

    /// A compact JWS of `payload` under `header`, signed with `key` (for hand-made, hostile JWTs).
    static func raw(header: JSONValue, payload: JSONValue, key: JWSSigningKey) throws -> String {
        let input =
            JWSTest.base64url(JSONSerializer.bytes(header)) + "." + JWSTest.base64url(JSONSerializer.bytes(payload))
        return input + "." + JWSTest.base64url(try key.signature(for: Array(input.utf8)))
    }

    /// The checks of a report that did not pass, for failure messages.
    static func problems(_ report: DocumentReport) -> String {
        report.allChecks.filter { $0.status != .pass }.map(\.description).joined(separator: "; ")
    }
}
