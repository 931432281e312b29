public import Foundation

/// A compact JWS read as a VC-JWT: its claims, its format, and the credential or presentation it secures as
/// VC 2.0 JSON (for a VC 1.1 JWT, the `vc`/`vp` claim with `iss`, `jti`, `sub`, `nbf` and `exp` mapped in).
///
/// Reading does not verify the signature. Claims that disagree with the document are collected in
/// ``conflicts`` rather than thrown, so that a verifier reports them as a failed check next to the others.
public struct DecodedJWT: Sendable {
    /// The JWS as received.
    public let jws: CompactJWS
    /// The JWT claims set (the payload).
    public let claims: JSONObject
    public let format: JWTFormat
    /// The credential or presentation, as VC 2.0 JSON.
    public let document: JSONObject
    /// Each way the JWT's header or claims disagree with ``document`` (`iss` ≠ `issuer`, `jti` ≠ `id`, …).
    public let conflicts: [CredentialError]

    /// Reads `jws`'s payload as a claims set and finds the document it secures.
    ///
    /// - Throws: ``CredentialError`` with the JSON parser's codes when the payload is not JSON within `limits`;
    ///   `invalidJWTClaims` when it is not an object, holds both `vc` and `vp`, a `vc`/`vp` that is not an
    ///   object, `vc`/`vp` next to a top-level `@context` (VC-JOSE-COSE forbids them), or ill-typed
    ///   registered claims.
    public init(_ jws: CompactJWS, limits: JSONParser.Limits = .default) throws(CredentialError) {
        let payload: JSONValue
        do {
            payload = try JSONParser(limits: limits).parse(jws.payload)
        } catch {
            throw error.located("JWT payload")
        }
        guard let claims = payload.objectValue else {
            throw .invalidClaims("the payload is \(payload.kindDescription), not a JSON object")
        }
        try Self.checkRegisteredClaims(claims)
        self.jws = jws
        self.claims = claims
        let hasVC = claims.contains("vc")
        let hasVP = claims.contains("vp")
        if hasVC, hasVP { throw .invalidClaims("the payload has both a \"vc\" and a \"vp\" claim") }
        if (hasVC || hasVP) && (claims.contains("@context") || jws.header.typ.map(Self.isVC2Type) == true) {
            throw .invalidClaims(
                "a vc+jwt or vp+jwt may not hold the \"vc\" or \"vp\" claim (VC-JOSE-COSE §1.1.2.1)")
        }
        var conflicts: [CredentialError] = []
        if hasVC || hasVP {
            let mapped = try VC11JWTMapping.map(claims, presentation: hasVP)
            format = hasVP ? .presentation11 : .credential11
            document = mapped.document
            conflicts = mapped.conflicts
        } else {
            let types = claims["type"]?.asArray.compactMap(\.stringValue) ?? []
            format = types.contains("VerifiablePresentation") ? .presentation : .credential
            document = claims
            conflicts = Self.claimConflicts(claims, document: claims, presentation: format.isPresentation)
        }
        if let typ = jws.header.typ, !format.acceptedTypes.contains(typ) {
            conflicts.insert(
                CredentialError(
                    .jwtTypeMismatch,
                    "the JWS header says typ \"\(typ)\", but the payload is a \(format.rawValue) payload",
                    location: "JWS header typ"),
                at: 0)
        }
        self.conflicts = conflicts
    }

    /// Reads a compact JWS text as a VC-JWT.
    ///
    /// - Throws: ``CredentialError`` as ``CompactJWS/init(_:)`` and ``init(_:limits:)`` do.
    public init(compact: String, limits: JSONParser.Limits = .default) throws(CredentialError) {
        try self.init(CompactJWS(compact), limits: limits)
    }

    /// `iss`.
    public var issuer: String? { claims["iss"]?.stringValue }
    /// `iat`: when the JWT was signed.
    public var issuedAt: Date? { claims["iat"].flatMap(NumericDate.date) }
    /// `nbf`.
    public var notBefore: Date? { claims["nbf"].flatMap(NumericDate.date) }
    /// `exp`.
    public var expires: Date? { claims["exp"].flatMap(NumericDate.date) }
    /// `nonce`: the verifier's challenge, for a presentation.
    public var nonce: String? { claims["nonce"]?.stringValue }
    /// `aud`: the intended audiences (a string or an array of strings).
    public var audience: [String] { claims["aud"]?.asArray.compactMap(\.stringValue) ?? [] }

    /// When the signature was made, for judging the key's window: `iat`, else `nbf`, else the document's
    /// `validFrom`.
    public var signedAt: Date? {
        issuedAt ?? notBefore ?? document["validFrom"]?.stringValue.flatMap(DateTimeStamp.init)?.date
    }

    /// The issuer of a credential (`issuer` or `issuer.id`) or the holder of a presentation.
    public var signer: String? {
        format.isPresentation
            ? (document["holder"]?.stringValue ?? document["holder"]?["id"]?.stringValue)
            : CredentialUnderVerification.issuerID(of: document)
    }

    static func isVC2Type(_ typ: String) -> Bool {
        ["vc+jwt", "vp+jwt", "application/vc+jwt", "application/vp+jwt"].contains(typ)
    }

    /// `iss`, `sub`, `jti`, `nonce` strings; `iat`, `nbf`, `exp` numbers; `aud` a string or strings.
    static func checkRegisteredClaims(_ claims: JSONObject) throws(CredentialError) {
        for name in ["iss", "sub", "jti", "nonce"] {
            if let value = claims[name], value.stringValue == nil {
                throw .invalidClaims("\"\(name)\" must be a string, found \(value.kindDescription)")
            }
        }
        for name in ["iat", "nbf", "exp"] {
            if let value = claims[name], NumericDate.date(value) == nil {
                throw .invalidClaims(
                    "\"\(name)\" must be a NumericDate (seconds since 1970, in the years 1 to 9999), found \(value.numberValue.map { "\($0)" } ?? value.kindDescription)"
                )
            }
        }
        if let aud = claims["aud"], !aud.asArray.allSatisfy({ $0.stringValue != nil }) || aud.asArray.isEmpty {
            throw .invalidClaims("\"aud\" must be a string or a non-empty array of strings")
        }
    }

    /// The VC 2.0 conflicts (VC-JOSE-COSE §3.1.3, §4.1.2): `iss`/`issuer` (`holder` for a presentation),
    /// `jti`/`id`, `sub`/`credentialSubject.id`, `nbf`/`validFrom`, `exp`/`validUntil`.
    static func claimConflicts(_ claims: JSONObject, document: JSONObject, presentation: Bool) -> [CredentialError] {
        var conflicts: [CredentialError] = []
        if let iss = claims["iss"]?.stringValue {
            let signer =
                presentation
                ? (document["holder"]?.stringValue ?? document["holder"]?["id"]?.stringValue)
                : CredentialUnderVerification.issuerID(of: document)
            if let signer, iss != signer {
                conflicts.append(.issuerConflict(iss: iss, member: presentation ? "holder" : "issuer", value: signer))
            }
        }
        if let jti = claims["jti"]?.stringValue, let id = document["id"]?.stringValue, jti != id {
            conflicts.append(
                CredentialError(.jwtIDMismatch, "the JWT's jti \(jti) is not the document's id \(id)", location: "jti")
            )
        }
        if !presentation, let sub = claims["sub"]?.stringValue {
            let ids = (document["credentialSubject"]?.asArray ?? []).compactMap { $0["id"]?.stringValue }
            if !ids.isEmpty, !ids.contains(sub) {
                conflicts.append(
                    CredentialError(
                        .jwtSubjectMismatch,
                        "the JWT's sub \(sub) is not the credentialSubject id \(ids.joined(separator: ", "))",
                        location: "sub"))
            }
        }
        if let conflict = dateConflict(claims, "nbf", document, "validFrom", code: .jwtNotBeforeMismatch) {
            conflicts.append(conflict)
        }
        if let conflict = dateConflict(claims, "exp", document, "validUntil", code: .jwtExpirationMismatch) {
            conflicts.append(conflict)
        }
        return conflicts
    }

    /// A conflict when claim `claim` and member `member` are both present and name different seconds.
    static func dateConflict(
        _ claims: JSONObject, _ claim: String, _ document: JSONObject, _ member: String, code: CredentialError.Code
    ) -> CredentialError? {
        guard let claimDate = claims[claim].flatMap(NumericDate.date),
            let text = document[member]?.stringValue, let stamp = DateTimeStamp(text),
            !NumericDate.sameSecond(claimDate, stamp.date)
        else { return nil }
        return CredentialError(
            code, "the JWT's \(claim) (\(NumericDate.stamp(claimDate))) is not the document's \(member) \(text)",
            location: claim)
    }
}

extension CredentialError {
    static func invalidClaims(_ reason: String) -> CredentialError {
        CredentialError(.invalidJWTClaims, "the JWT claims are not valid: \(reason)", location: "JWT payload")
    }

    static func issuerConflict(iss: String, member: String, value: String) -> CredentialError {
        CredentialError(
            .jwtIssuerMismatch, "the JWT's iss \(iss) is not the document's \(member) \(value)", location: "iss")
    }
}
