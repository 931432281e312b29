/// How a JWT secures a credential or presentation.
public enum JWTFormat: String, Sendable, Hashable {
    /// VC 2.0 `application/vc+jwt` (VC-JOSE-COSE §3.1.1): the credential is the payload.
    case credential = "vc+jwt"
    /// VC 2.0 `application/vp+jwt` (VC-JOSE-COSE §3.1.2): the presentation is the payload.
    case presentation = "vp+jwt"
    /// VC 1.1 JWT (VC Data Model 1.1 §6.3.1): the credential is the `vc` claim.
    case credential11 = "vc (VC 1.1 JWT)"
    /// VC 1.1 JWT: the presentation is the `vp` claim.
    case presentation11 = "vp (VC 1.1 JWT)"

    /// Whether the JWT holds a presentation.
    public var isPresentation: Bool { self == .presentation || self == .presentation11 }

    /// Whether the JWT uses the VC 1.1 `vc`/`vp` claims.
    public var isVC11: Bool { self == .credential11 || self == .presentation11 }

    /// The `typ` header values this format accepts (absent is always accepted).
    var acceptedTypes: Set<String> {
        switch self {
        case .credential: ["vc+jwt", "application/vc+jwt"]
        case .presentation: ["vp+jwt", "application/vp+jwt"]
        case .credential11, .presentation11: ["JWT", "jwt", "application/jwt"]
        }
    }
}
