import Foundation

/// The checks that replace a Data Integrity proof check for a JWT: the JWS signature with the key `kid`
/// names, and the JWT claims against the document and the verification time.
enum JWTChecks {
    /// The `jwt` check: the format and the header `typ`.
    static func format(_ decoded: DecodedJWT) -> Check {
        if let mismatch = decoded.conflicts.first(where: { $0.code == .jwtTypeMismatch }) {
            return .fail("jwt", mismatch.code, mismatch.description)
        }
        let mapped = decoded.format.isVC11 ? ", mapped to the VC 2.0 data model" : ""
        return .pass("jwt", "\(decoded.format.rawValue), alg \(decoded.jws.header.alg)\(mapped)")
    }

    /// The signature check (named `name`: `proof` for a credential, `holderProof` for a presentation), with the
    /// key it resolved. In order: `alg` is supported (never `none` or `HS*`); `kid` resolves; `alg` is the key's
    /// algorithm (no confusion between key types); every `crit` member is understood (none is); the signature
    /// verifies.
    static func signature(_ jws: CompactJWS, name: String, resolver: JWTKeyResolver) -> (Check, ResolvedJWTKey?) {
        do throws(CredentialError) {
            let algorithm = try jws.header.algorithm()
            let resolved = try resolver.resolve(jws.header)
            try jws.validate(with: resolved.key)
            return (.pass(name, "JWS \(algorithm.rawValue) by \(jws.header.kid ?? "?")"), resolved)
        } catch {
            return (.fail(name, error.code, error.description), nil)
        }
    }

    /// The `controller` check: the key `kid` names is controlled by `expected` (the issuer or the holder).
    static func controller(_ resolved: ResolvedJWTKey, kid: String?, expected: String?, role: String, name: String)
        -> Check
    {
        guard let expected else {
            return .fail(name, .jwtKeyNotIssuers, "the document names no \(role) to own the key \(kid ?? "?")")
        }
        guard resolved.controller == expected else {
            return .fail(
                name, .jwtKeyNotIssuers,
                "the kid \(kid ?? "?") is a key of \(resolved.controller), not of the \(role) \(expected)")
        }
        return .pass(name, "the signing key belongs to the \(role)")
    }

    /// The `key` check: the key `kid` names is listed for `issuer` in the registry and was valid at the JWT's
    /// signing time (`iat`, else `nbf` or `validFrom`).
    static func key(_ resolved: ResolvedJWTKey, of issuer: RegisteredIssuer, decoded: DecodedJWT) -> Check {
        let kid = decoded.jws.header.kid ?? "?"
        guard let key = resolved.registered, issuer.key(kid) != nil else {
            return .fail("key", .keyNotRegistered, "the registry lists no key \(kid) for \(issuer.id)")
        }
        guard let signedAt = decoded.signedAt else {
            return .fail(
                "key", .proofTimeMissing,
                "the JWT has no iat (nor nbf or validFrom), so the key's validity cannot be judged")
        }
        return key.check(signedAt: signedAt, stamp: NumericDate.stamp(signedAt))
    }

    /// The `claims` check: the claims agree with the document, `exp` has not passed and `nbf` has come.
    static func claims(_ decoded: DecodedJWT, now: Date) -> Check {
        if let conflict = decoded.conflicts.first(where: { $0.code != .jwtTypeMismatch }) {
            return .fail("claims", conflict.code, conflict.description)
        }
        let at = DateTimeStamp(now).text
        if let exp = decoded.expires, now >= exp {
            return .fail("claims", .jwtExpired, "the JWT expired (exp \(NumericDate.stamp(exp))), checked at \(at)")
        }
        if let nbf = decoded.notBefore, now < nbf {
            return .fail(
                "claims", .jwtNotYetValid, "the JWT is not valid before \(NumericDate.stamp(nbf)), checked at \(at)")
        }
        let named = ["iss", "sub", "jti", "iat", "nbf", "exp", "nonce", "aud"].filter(decoded.claims.contains)
        return .pass(
            "claims",
            named.isEmpty ? "no registered JWT claims" : "\(named.joined(separator: ", ")) agree with the document")
    }
}

extension DocumentProofVerification {
    /// The signature check of a JWT alone, as one proof: `alg` supported, `kid` resolved by `resolver`, `alg`
    /// the key's, no `crit`, the signature valid (for `verify --proof-only`; no registry or claims checks).
    public init(jwt: CompactJWS, resolver: JWTKeyResolver) {
        let (check, resolved) = JWTChecks.signature(jwt, name: "signature", resolver: resolver)
        let decoded = try? DecodedJWT(jwt)
        let proof = ProofVerification(
            index: 0, cryptosuite: "JWS \(jwt.header.alg)", verificationMethod: jwt.header.kid,
            proofPurpose: nil, created: decoded?.signedAt.map(DateTimeStamp.init),
            publicKey: resolved.flatMap(\.key.sharedKey), method: nil, checks: [check])
        self.init(proofs: [proof], checks: [])
    }
}
