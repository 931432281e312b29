public import Foundation

/// Secures credentials and presentations as VC-JOSE-COSE JWTs: `application/vc+jwt` (the credential is the
/// payload) and `application/vp+jwt` (the presentation is the payload, its credentials enveloped).
///
/// ```swift
/// let jwt = try VCJWTSigner(key: .key(issuerKey), keyID: "did:web:cme.example.org#key-1")
///     .sign(credential: credential, issuedAt: now)
/// ```
public struct VCJWTSigner: Sendable {
    public let key: JWSSigningKey
    /// The verification method id the header names in `kid`.
    public let keyID: String

    public init(key: JWSSigningKey, keyID: String) {
        self.key = key
        self.keyID = keyID
    }

    /// The credential signed as `vc+jwt`: header `alg` (the key's), `kid`, `typ` `vc+jwt` and `cty` when
    /// given; the payload is `credential` with `iat` added when `issuedAt` is given (the registry judges the
    /// key's window at that time).
    ///
    /// - Throws: ``CredentialError`` `invalidJWTClaims` when `credential` is not an object whose `type`
    ///   contains `VerifiableCredential`, or holds a `vc`/`vp` member; the errors of
    ///   ``CompactJWS/sign(payload:header:key:)``.
    public func sign(credential: JSONValue, issuedAt: Date?, contentType: String? = nil) throws(CredentialError)
        -> CompactJWS
    {
        var payload = try Self.payload(credential, type: "VerifiableCredential")
        if let issuedAt { payload["iat"] = NumericDate.value(issuedAt) }
        return try sign(payload, type: JWTFormat.credential.rawValue, contentType: contentType)
    }

    /// The presentation signed as `vp+jwt`, with the verifier's challenge as `nonce` and its domain as `aud`.
    ///
    /// - Throws: ``CredentialError`` as ``sign(credential:issuedAt:contentType:)`` does, for a presentation.
    public func sign(presentation: JSONValue, nonce: String?, audience: String?, issuedAt: Date?)
        throws(CredentialError) -> CompactJWS
    {
        var payload = try Self.payload(presentation, type: "VerifiablePresentation")
        if let nonce { payload["nonce"] = .string(nonce) }
        if let audience { payload["aud"] = .string(audience) }
        if let issuedAt { payload["iat"] = NumericDate.value(issuedAt) }
        return try sign(payload, type: JWTFormat.presentation.rawValue, contentType: nil)
    }

    private func sign(_ payload: JSONObject, type: String, contentType: String?) throws(CredentialError) -> CompactJWS {
        let header = try JWSHeader(algorithm: key.algorithm, keyID: keyID, type: type, contentType: contentType)
        return try CompactJWS.sign(payload: JSONSerializer.bytes(.object(payload)), header: header, key: key)
    }

    private static func payload(_ document: JSONValue, type: String) throws(CredentialError) -> JSONObject {
        guard let object = document.objectValue else {
            throw .invalidClaims("the document to sign is \(document.kindDescription), not a JSON object")
        }
        guard object["type"]?.asArray.contains(.string(type)) == true else {
            throw .invalidClaims("the document's type does not contain \(type)")
        }
        if let name = ["vc", "vp"].first(where: object.contains) {
            throw .invalidClaims("a \(type) secured as a JWT may not have a \"\(name)\" member")
        }
        return object
    }
}

/// `EnvelopedVerifiableCredential` (VC 2.0 §4.13): a secured credential carried inside a presentation as a
/// `data:` URL.
public enum EnvelopedCredential {
    /// The type name.
    public static let typeName = "EnvelopedVerifiableCredential"
    /// The `id` prefix of a `vc+jwt` envelope.
    public static let jwtPrefix = "data:application/vc+jwt,"

    /// The envelope of `jwt`: `{"@context": [VC 2.0], "id": "data:application/vc+jwt,<jwt>", "type": …}`.
    public static func envelope(_ jwt: CompactJWS) -> JSONValue {
        [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "id": .string(jwtPrefix + jwt.compact),
            "type": .string(typeName),
        ]
    }

    /// Whether `value` is an object whose `type` names `EnvelopedVerifiableCredential`.
    public static func isEnvelope(_ value: JSONValue) -> Bool {
        value["type"]?.asArray.contains(.string(typeName)) == true
    }

    /// The compact JWS an envelope carries.
    ///
    /// - Throws: ``CredentialError`` `invalidEnvelope` when `id` is not `data:application/vc+jwt,` followed
    ///   by a compact JWS (a `;base64` data URL is not used for JWTs and is refused); `malformedJWS` when the
    ///   JWS does not parse.
    public static func jwt(in envelope: JSONValue) throws(CredentialError) -> CompactJWS {
        guard let id = envelope["id"]?.stringValue, id.hasPrefix(jwtPrefix) else {
            throw CredentialError(
                .invalidEnvelope,
                "an \(typeName) needs an id of the form \(jwtPrefix)<compact JWS>; only vc+jwt envelopes are supported",
                location: "id")
        }
        return try CompactJWS(String(id.dropFirst(jwtPrefix.count)))
    }
}

extension CompactJWS {
    /// Whether `bytes` (ignoring surrounding whitespace) have the shape of a compact JWS: three non-empty
    /// base64url parts separated by dots. A JSON document never has this shape.
    public static func looksCompact(_ bytes: some Collection<UInt8>) -> Bool {
        var dots = 0
        var partLength = 0
        var started = false
        var ended = false
        for byte in bytes {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                if started { ended = true }
            case UInt8(ascii: "."):
                guard !ended, partLength > 0 else { return false }
                dots += 1
                partLength = 0
                started = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                guard !ended else { return false }
                partLength += 1
                started = true
            default:
                return false
            }
        }
        return dots == 2 && partLength > 0
    }
}
