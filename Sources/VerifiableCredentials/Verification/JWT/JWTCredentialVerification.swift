/// Verifies one credential secured as a JWT (`vc+jwt`, or a VC 1.1 `vc` claim) with every check a Data
/// Integrity credential gets: the proof check is the JWS check (`proof`, with the key from `kid`), followed by
/// `controller`, `issuer` and `key` (the registry window at the JWT's `iat`), the `jwt` format and the `claims`
/// agreement, and then the verifier's other policies (contexts, structure, accreditation, validity, status)
/// over the decoded credential.
struct JWTCredentialVerification {
    let verifier: Verifier

    /// The report, and the decoded credential when the JWT could be read.
    func verify(_ jws: CompactJWS, index: Int, pointer: String) -> (report: CredentialReport, document: JSONValue?) {
        let context = verifier.context
        var report = CredentialReport(index: index, pointer: pointer)
        let decoded: DecodedJWT
        do {
            decoded = try DecodedJWT(jws, limits: context.limits)
        } catch {
            report.checks = [.fail("jwt", error.code, error.description)]
            return (report, nil)
        }
        guard !decoded.format.isPresentation else {
            report.checks = [
                .fail(
                    "jwt", .jwtTypeMismatch,
                    "a \(decoded.format.rawValue) presentation stands where a credential is expected")
            ]
            return (report, nil)
        }
        let document = decoded.document
        let issuerID = CredentialUnderVerification.issuerID(of: document)
        report.id = document["id"]?.stringValue
        report.issuer = issuerID
        report.issuerName = issuerID.flatMap { context.registeredIssuer($0)?.displayName }

        report.checks.append(JWTChecks.format(decoded))
        let (signature, resolved) = JWTChecks.signature(
            jws, name: "proof", resolver: context.jwtKeyResolver)
        report.checks.append(signature)
        if let resolved {
            report.checks.append(
                JWTChecks.controller(
                    resolved, kid: jws.header.kid, expected: issuerID, role: "issuer", name: "controller"))
        }
        report.checks += issuerChecks(decoded, issuerID: issuerID, resolved: resolved)
        report.checks.append(JWTChecks.claims(decoded, now: context.now))

        // The other policies, over the decoded credential; the JWS stands in for the proof.
        let signedAt = decoded.signedAt.map(DateTimeStamp.init)
        let proof = ProofVerification(
            index: 0, cryptosuite: "JWS \(jws.header.alg)", verificationMethod: jws.header.kid,
            proofPurpose: "assertionMethod", created: signedAt, publicKey: resolved.flatMap(\.key.sharedKey),
            method: nil, checks: [signature])
        let subject = CredentialUnderVerification(
            json: document, pointer: pointer, issuerID: issuerID,
            proofs: DocumentProofVerification(proofs: [proof], checks: []))
        for policy in verifier.credentialVerifier.policies where !(policy is IssuerSignaturePolicy) {
            report.checks += policy.checks(for: subject, context: context)
        }
        return (report, .object(document))
    }

    /// `issuer` (registered) and `key` (listed for the issuer, valid at the signing time).
    private func issuerChecks(_ decoded: DecodedJWT, issuerID: String?, resolved: ResolvedJWTKey?) -> [Check] {
        let context = verifier.context
        guard let issuerID else { return [.fail("issuer", .invalidCredential, "the credential names no issuer")] }
        guard let issuer = context.registeredIssuer(issuerID) else {
            return [
                .fail(
                    "issuer", .issuerNotRegistered, "\(issuerID) is not in the registry \(context.registry.info.name)")
            ]
        }
        var checks: [Check] = [.pass("issuer", "\(issuer.displayName) (\(issuerID))")]
        if let resolved { checks.append(JWTChecks.key(resolved, of: issuer, decoded: decoded)) }
        return checks
    }
}

extension JWSPublicKey {
    /// The key as a shared ``PublicKey`` (`nil` for RSA).
    var sharedKey: PublicKey? {
        if case .key(let key) = self { key } else { nil }
    }
}
