/// A JOSE header of a compact JWS (RFC 7515 §4), with its registered members typed and every other
/// member kept as given.
///
/// Two headers are equal when their members are equal, in order.
public struct JWSHeader: Sendable, Hashable {
    /// Every member, in order, including unknown ones. Serialized as is when signing.
    public private(set) var members: JSONObject

    /// The header names RFC 7515 and RFC 7797 register, which `crit` may not list (RFC 7515 §4.1.11).
    static let registeredNames: Set<String> = [
        "alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit",
    ]

    /// Creates a header for signing: `alg`, then `kid`, `typ`, `cty` when given, then `extra` members.
    ///
    /// - Throws: ``CredentialError`` `malformedJWS` when `extra` repeats one of the named members.
    public init(
        algorithm: JWSAlgorithm, keyID: String? = nil, type: String? = nil, contentType: String? = nil,
        extra: JSONObject = JSONObject()
    ) throws(CredentialError) {
        var list: [JSONObject.Member] = [.init(key: "alg", value: .string(algorithm.rawValue))]
        if let keyID { list.append(.init(key: "kid", value: .string(keyID))) }
        if let type { list.append(.init(key: "typ", value: .string(type))) }
        if let contentType { list.append(.init(key: "cty", value: .string(contentType))) }
        let named = Set(list.map(\.key))
        if let repeated = extra.keys.first(where: { named.contains($0) }) {
            throw .malformedJWS("the extra header member \"\(repeated)\" repeats a named one")
        }
        try self.init(object: JSONObject(list + extra.members))
    }

    /// Validates a decoded header object: `alg` a string; `kid`, `typ`, `cty` strings when present;
    /// `b64` a boolean when present; `crit` a non-empty array of distinct, unregistered member names that
    /// are present in the header.
    ///
    /// - Throws: ``CredentialError`` `malformedJWS` naming the offending member.
    public init(object: JSONObject) throws(CredentialError) {
        guard let alg = object["alg"] else { throw .malformedJWS("the header has no \"alg\"", location: "header") }
        guard alg.stringValue != nil else { throw .malformedJWS("\"alg\" must be a string", location: "header/alg") }
        for name in ["kid", "typ", "cty"] {
            if let value = object[name], value.stringValue == nil {
                throw .malformedJWS("\"\(name)\" must be a string", location: "header/\(name)")
            }
        }
        if let b64 = object["b64"], b64.boolValue == nil {
            throw .malformedJWS("\"b64\" must be a boolean", location: "header/b64")
        }
        if let crit = object["crit"] {
            guard let names = crit.arrayValue, !names.isEmpty else {
                throw .malformedJWS("\"crit\" must be a non-empty array", location: "header/crit")
            }
            var seen: Set<String> = []
            for entry in names {
                guard let name = entry.stringValue, !name.isEmpty else {
                    throw .malformedJWS("\"crit\" entries must be non-empty strings", location: "header/crit")
                }
                guard seen.insert(name).inserted else {
                    throw .malformedJWS("\"crit\" lists \"\(name)\" twice", location: "header/crit")
                }
                guard !Self.registeredNames.contains(name) else {
                    throw .malformedJWS(
                        "\"crit\" may not list the registered name \"\(name)\"", location: "header/crit")
                }
                guard object.contains(name) else {
                    throw .malformedJWS("\"crit\" lists \"\(name)\", which the header lacks", location: "header/crit")
                }
            }
        }
        self.members = object
    }

    /// `alg`, exactly as written (it may name an algorithm this library refuses).
    public var alg: String { members["alg"]?.stringValue ?? "" }
    /// `kid`: the key identifier (for VC-JOSE-COSE, the verification method).
    public var kid: String? { members["kid"]?.stringValue }
    /// `typ`: the media type of the whole JWS, such as `vc+jwt`.
    public var typ: String? { members["typ"]?.stringValue }
    /// `cty`: the media type of the payload.
    public var cty: String? { members["cty"]?.stringValue }
    /// `crit`: header members the recipient must understand (empty when absent).
    public var crit: [String] { members["crit"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    /// `b64` (RFC 7797): `false` asks for an unencoded payload; `nil` when absent (meaning `true`).
    public var b64: Bool? { members["b64"]?.boolValue }

    /// The header's algorithm.
    ///
    /// - Throws: ``CredentialError`` `unsupportedAlgorithm` for `none`, `HS*` and unknown values.
    public func algorithm() throws(CredentialError) -> JWSAlgorithm {
        try JWSAlgorithm(headerValue: alg)
    }

    /// The header as compact JSON bytes, as it is signed.
    public var jsonBytes: [UInt8] { JSONSerializer.bytes(.object(members)) }
}
