// Error codes of VC-JWT: `vc+jwt` / `vp+jwt` (VC-JOSE-COSE) and the VC 1.1 JWT encoding.

extension CredentialError.Code {
    /// The JWT payload is not a claims set this library can read: not a JSON object, ill-typed registered
    /// claims, both `vc` and `vp`, or `vc`/`vp` in a `vc+jwt`/`vp+jwt`.
    public static let invalidJWTClaims = Self("invalidJWTClaims")
    /// The header `typ` does not fit the payload (for example `vp+jwt` on a credential).
    public static let jwtTypeMismatch = Self("jwtTypeMismatch")
    /// The JWS header has no `kid`, so the issuer's key cannot be found.
    public static let jwtKeyIDMissing = Self("jwtKeyIDMissing")
    /// The `kid` names a key that is not controlled by the credential's issuer (or the presentation's holder).
    public static let jwtKeyNotIssuers = Self("jwtKeyNotIssuers")
    /// `iss` disagrees with the credential's `issuer` (or the presentation's `holder`).
    public static let jwtIssuerMismatch = Self("jwtIssuerMismatch")
    /// `jti` disagrees with the document's `id`.
    public static let jwtIDMismatch = Self("jwtIDMismatch")
    /// `sub` disagrees with `credentialSubject.id`.
    public static let jwtSubjectMismatch = Self("jwtSubjectMismatch")
    /// `nbf` disagrees with `validFrom` (or VC 1.1 `issuanceDate`).
    public static let jwtNotBeforeMismatch = Self("jwtNotBeforeMismatch")
    /// `exp` disagrees with `validUntil` (or VC 1.1 `expirationDate`).
    public static let jwtExpirationMismatch = Self("jwtExpirationMismatch")
    /// The JWT's `exp` has passed at the verification time.
    public static let jwtExpired = Self("jwtExpired")
    /// The JWT's `nbf` (or `iat`) lies after the verification time.
    public static let jwtNotYetValid = Self("jwtNotYetValid")
    /// A presentation JWT's `nonce` is missing or is not the expected challenge.
    public static let jwtNonceMismatch = Self("jwtNonceMismatch")
    /// A presentation JWT's `aud` is missing or does not name the expected domain.
    public static let jwtAudienceMismatch = Self("jwtAudienceMismatch")
    /// An `EnvelopedVerifiableCredential` whose `id` is not a `data:application/vc+jwt,` URL with a compact JWS.
    public static let invalidEnvelope = Self("invalidEnvelope")
}
