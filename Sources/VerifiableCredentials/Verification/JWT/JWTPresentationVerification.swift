/// Verifies a presentation secured as a JWT (`vp+jwt`, or a VC 1.1 `vp` claim): its contexts and structure,
/// the holder's JWS (a `did:key` of the holder), `nonce` against the expected challenge and `aud` against the
/// expected domain, the claims, and then each credential in full (enveloped `vc+jwt`, VC 1.1 JWT strings, or
/// embedded credentials with Data Integrity proofs), each bound to the holder and to the expected NPI.
struct JWTPresentationVerification {
    let verifier: Verifier
    let expectations: PresentationExpectations

    func verify(_ decoded: DecodedJWT, name: String) -> DocumentReport {
        let context = verifier.context
        var report = DocumentReport(name: name, kind: .presentation)
        let document = decoded.document
        report.checks.append(.pass("json", "a compact JWS with a JSON claims set, within limits"))
        report.checks.append(JWTChecks.format(decoded))
        report.checks.append(ContextPolicy.check(.object(document), known: context.knownContexts))
        let holder = decoded.signer
        let credentials = document["verifiableCredential"]?.asArray ?? []
        let types = document["type"]?.asArray.compactMap(\.stringValue) ?? []
        if !types.contains("VerifiablePresentation") {
            report.checks.append(.fail("structure", .invalidPresentation, "type must contain VerifiablePresentation"))
        } else if holder == nil {
            report.checks.append(.fail("structure", .invalidPresentation, "the presentation names no holder (nor iss)"))
        } else if credentials.isEmpty {
            report.checks.append(.fail("structure", .invalidPresentation, "the presentation holds no credential"))
        } else {
            report.checks.append(
                .pass(
                    "structure",
                    "VerifiablePresentation with \(credentials.count) credential\(credentials.count == 1 ? "" : "s")"))
        }

        // The holder's JWS: always a did:key of the holder, never a registry key.
        let (signature, resolved) = JWTChecks.signature(
            decoded.jws, name: "holderProof", resolver: JWTKeyResolver(registry: nil))
        report.checks.append(signature)
        if let resolved {
            report.checks.append(
                JWTChecks.controller(
                    resolved, kid: decoded.jws.header.kid, expected: holder, role: "holder", name: "holderKey"))
        }
        report.checks.append(challengeCheck(decoded))
        if let domain = expectations.domain {
            report.checks.append(
                decoded.audience.contains(domain)
                    ? .pass("domain", "aud names \(domain)")
                    : .fail(
                        "domain", .jwtAudienceMismatch,
                        decoded.audience.isEmpty
                            ? "the presentation has no aud; expected \(domain)"
                            : "the presentation is for \(decoded.audience.joined(separator: ", ")), not \(domain)"))
        }
        report.checks.append(JWTChecks.claims(decoded, now: context.now))

        for (index, credential) in credentials.enumerated() {
            var (result, json) = verifier.verifyEmbeddedCredential(
                credential, index: index, pointer: "/verifiableCredential/\(index)")
            result.checks.append(PresentationVerification.binding(json, holder: holder))
            if let npi = expectations.subjectNPI {
                result.checks.append(SubjectNPI.check(json.objectValue ?? JSONObject(), npi: npi))
            }
            report.credentials.append(result)
        }
        return report
    }

    private func challengeCheck(_ decoded: DecodedJWT) -> Check {
        guard let challenge = expectations.challenge else {
            return .unknown("challenge", .challengeMismatch, "no --challenge given: the presentation could be a replay")
        }
        guard let nonce = decoded.nonce else {
            return .fail(
                "challenge", .jwtNonceMismatch, "the presentation has no nonce; expected the challenge \(challenge)")
        }
        guard nonce == challenge else {
            return .fail(
                "challenge", .jwtNonceMismatch, "the presentation's nonce \(nonce) is not the challenge \(challenge)")
        }
        return .pass("challenge", "nonce is the challenge \(challenge)")
    }
}
