import Foundation

/// A status list credential as a verifier found it: JSON secured with a Data Integrity proof, or a `vc+jwt`
/// (VC-JOSE-COSE) whose payload is the credential.
///
/// ``StatusPolicy`` applies the same rules to both: the same issuer as the credential, a key the registry lists
/// for that issuer (for a JWT, `kid` names it and `alg` must be its algorithm), an allowed `idPrefix`, fresh.
public enum SecuredStatusList: Sendable {
    /// A credential with a Data Integrity proof.
    case dataIntegrity(JSONValue)
    /// A `vc+jwt` (or VC 1.1 JWT) credential, read but not yet verified.
    case jwt(DecodedJWT)

    /// Reads a status list file: a compact JWS (ignoring surrounding whitespace) is a JWT, anything else JSON.
    ///
    /// - Throws: ``CredentialError`` with the JSON parser's codes, or the codes of
    ///   ``DecodedJWT/init(compact:limits:)``.
    public init(bytes: [UInt8], limits: JSONParser.Limits = .default) throws(CredentialError) {
        if CompactJWS.looksCompact(bytes) {
            let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            self = .jwt(try DecodedJWT(compact: text, limits: limits))
        } else {
            self = .dataIntegrity(try JSONParser(limits: limits).parse(bytes))
        }
    }

    /// Reads a status list file that must be a compact JWS (a `.jwt` file), ignoring surrounding whitespace.
    ///
    /// - Throws: ``CredentialError`` `malformedJWS` when the text is not a compact JWS (so a file that holds
    ///   something else is not explained as bad JSON; one that holds a JSON object or array is told so), or the
    ///   codes of ``DecodedJWT/init(compact:limits:)``.
    public init(compactJWT bytes: [UInt8], limits: JSONParser.Limits = .default) throws(CredentialError) {
        let first = bytes.first { !JSONWhitespace.isWhitespace($0) }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            throw .malformedJWS("it holds JSON (a JSON status list credential belongs in a .json file)")
        }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        self = .jwt(try DecodedJWT(compact: text, limits: limits))
    }

    /// The credential: the JSON itself, or the JWT's payload as VC 2.0 JSON (unsigned: verify the JWT).
    public var document: JSONValue {
        switch self {
        case .dataIntegrity(let json): json
        case .jwt(let decoded): .object(decoded.document)
        }
    }

    /// The credential's `id`.
    public var id: String? { document["id"]?.stringValue }

    /// The credential's `validFrom` (for a JWT without one, its `iat`), to prefer the newest of two copies.
    var issued: Date? {
        if let validFrom = document["validFrom"]?.stringValue.flatMap(DateTimeStamp.init) { return validFrom.date }
        if case .jwt(let decoded) = self { return decoded.signedAt }
        return nil
    }
}
