extension Verifier {
    /// Verifies a compact JWS: a `vc+jwt` or `vp+jwt` (VC-JOSE-COSE), or a VC 1.1 JWT credential or
    /// presentation, with the same checks as any other input (see ``verify(_:name:expecting:)``).
    ///
    /// Text that is not a compact JWS, or whose payload is not a JSON claims set, is reported as unreadable.
    public func verifyJWT(_ text: String, name: String, expecting expectations: PresentationExpectations = .init())
        -> DocumentReport
    {
        let decoded: DecodedJWT
        do {
            decoded = try DecodedJWT(compact: text, limits: context.limits)
        } catch {
            return DocumentReport(name: name, kind: .unreadable, checks: [.fail("json", error.code, error.description)])
        }
        if decoded.format.isPresentation {
            return JWTPresentationVerification(verifier: self, expectations: expectations).verify(decoded, name: name)
        }
        var (credential, json) = JWTCredentialVerification(verifier: self).verify(decoded.jws, index: 0, pointer: "")
        if let npi = expectations.subjectNPI {
            credential.checks.append(SubjectNPI.check(json?.objectValue ?? JSONObject(), npi: npi))
        }
        return DocumentReport(
            name: name, kind: .credential,
            checks: [.pass("json", "a compact JWS with a JSON claims set, within limits")],
            credentials: [credential])
    }

    /// Verifies one entry of a presentation's `verifiableCredential` in full: an `EnvelopedVerifiableCredential`
    /// (`data:application/vc+jwt,…`), a VC 1.1 JWT string, or an embedded credential with Data Integrity
    /// proofs. Returns the report and the credential as JSON (decoded from the JWT) for the holder checks.
    func verifyEmbeddedCredential(
        _ entry: JSONValue, index: Int, pointer: String, canonical: CanonicalJSONObject? = nil
    ) -> (CredentialReport, JSONValue) {
        let jws: CompactJWS
        do throws(CredentialError) {
            if case .string(let text) = entry {
                jws = try CompactJWS(text)
            } else if EnvelopedCredential.isEnvelope(entry) {
                jws = try EnvelopedCredential.jwt(in: entry)
            } else {
                return (credentialVerifier.verify(entry, index: index, pointer: pointer, canonical: canonical), entry)
            }
        } catch {
            let report = CredentialReport(
                index: index, pointer: pointer, checks: [.fail("jwt", error.code, error.located(pointer).description)])
            return (report, entry)
        }
        let (report, json) = JWTCredentialVerification(verifier: self).verify(jws, index: index, pointer: pointer)
        return (report, json ?? entry)
    }
}
