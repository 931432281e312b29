extension CredentialWallet {
    /// Verifies a `vc+jwt` (or VC 1.1 JWT) credential's signature with the key its `kid` names (through
    /// `keys`: registry keys of any type, RSA included, then `did:key`), checks the key is the issuer's, and
    /// stores the credential as an `EnvelopedVerifiableCredential` unless it is already there.
    ///
    /// Without a registry in `keys`, a JWT whose `kid` is not a `did:key` (always so for RS256, since an RSA
    /// key has no `did:key`) cannot be checked: it is ``ImportOutcome/skipped(_:)`` with the reason.
    public func importJWT(_ text: String, keys: JWTKeyResolver) -> ImportOutcome {
        let decoded: DecodedJWT
        do {
            decoded = try DecodedJWT(compact: text)
        } catch {
            return .rejected(error)
        }
        guard !decoded.format.isPresentation else {
            return .rejected(CredentialError(.invalidCredential, "a presentation JWT, not a credential"))
        }
        // As for JSON credentials: a credential whose subject is missing or not an object (VC Data Model 2.0 §4.8)
        // is not stored, since the wallet's listing would skip it.
        if let problem = CredentialSubjectProblem(of: decoded.document) { return .rejected(Self.refusal(problem)) }
        let header = decoded.jws.header
        if keys.registry == nil, let kid = header.kid, !kid.isEmpty, !kid.hasPrefix(DIDKey.prefix) {
            let why =
                header.alg == JWSAlgorithm.rs256.rawValue
                ? "an RS256 credential's RSA key has no did:key" : "its key \(kid) is not a did:key"
            return .skipped(
                CredentialError(
                    .keyNotRegistered,
                    "not verified: \(why), so its signature needs the issuer registry that lists \(kid)"))
        }
        do throws(CredentialError) {
            _ = try header.algorithm()
            let resolved = try keys.resolve(header)
            try decoded.jws.validate(with: resolved.key)
            guard resolved.controller == decoded.signer else {
                throw CredentialError(
                    .jwtKeyNotIssuers,
                    "the kid \(header.kid ?? "?") is a key of \(resolved.controller), not of the issuer")
            }
            if let conflict = decoded.conflicts.first { throw conflict }
        } catch {
            return .rejected(CredentialError(error.code, "proof: \(error.description)"))
        }
        return store(EnvelopedCredential.envelope(decoded.jws))
    }
}

extension CredentialWallet.Entry {
    /// The credential itself: the stored JSON, or the credential an enveloped JWT carries (as VC 2.0 JSON).
    public var credential: JSONValue {
        guard EnvelopedCredential.isEnvelope(json), let jws = try? EnvelopedCredential.jwt(in: json),
            let decoded = try? DecodedJWT(jws)
        else { return json }
        return .object(decoded.document)
    }
}
