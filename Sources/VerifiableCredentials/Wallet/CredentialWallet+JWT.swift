extension CredentialWallet {
    /// Verifies a `vc+jwt` (or VC 1.1 JWT) credential's signature with the key its `kid` names (through the
    /// verifier's resolver: did:key, or registry keys), checks the key is the issuer's, and stores the credential
    /// as an `EnvelopedVerifiableCredential` unless it is already there.
    public func importJWT(_ text: String, verifier: DataIntegrityVerifier) -> ImportOutcome {
        let decoded: DecodedJWT
        do {
            decoded = try DecodedJWT(compact: text)
        } catch {
            return .rejected(error)
        }
        guard !decoded.format.isPresentation else {
            return .rejected(CredentialError(.invalidCredential, "a presentation JWT, not a credential"))
        }
        do throws(CredentialError) {
            _ = try decoded.jws.header.algorithm()
            guard let kid = decoded.jws.header.kid else {
                throw CredentialError(.jwtKeyIDMissing, "the JWS header has no kid")
            }
            let method = try verifier.resolver.resolve(kid)
            try decoded.jws.validate(with: .key(method.publicKey))
            guard method.controller == decoded.signer else {
                throw CredentialError(
                    .jwtKeyNotIssuers, "the kid \(kid) is a key of \(method.controller), not of the issuer")
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
