import Foundation

extension StatusPolicy {
    /// Everything about the list itself, computed once per list and issuer for a verification context: found,
    /// issued by the credential's issuer, signed by that issuer with a registered key valid when it signed (a
    /// Data Integrity proof or a `vc+jwt`, judged by the same rules), fresh, decodable.
    static func listVerdict(listID: String, issuerID: String, maxAgeDays: Int, context: VerificationContext)
        -> StatusListVerdict
    {
        func fail(_ code: CredentialError.Code, _ message: String) -> StatusListVerdict {
            .problem(.fail("status", code, message))
        }
        func unknown(_ code: CredentialError.Code, _ message: String) -> StatusListVerdict {
            .problem(.unknown("status", code, message))
        }
        guard let secured = context.statusLists.securedStatusList(id: listID),
            let listObject = secured.document.objectValue
        else {
            return unknown(.statusListMissing, "status could not be checked: list \(listID) was not found")
        }
        let listIssuer = CredentialUnderVerification.issuerID(of: listObject)
        guard listIssuer == issuerID else {
            return fail(
                .statusListIssuerMismatch, "list \(listID) is issued by \(listIssuer ?? "nobody"), not by \(issuerID)")
        }
        // The list must be signed by the same issuer, with a key registered and valid when it signed.
        let signature: [Check]
        let signedAt: DateTimeStamp?
        switch secured {
        case .dataIntegrity(let document):
            let verifier = DataIntegrityVerifier(suites: context.suites, resolver: context.resolver, now: context.now)
            let proofs = verifier.verify(document, expecting: ProofExpectations(proofPurpose: "assertionMethod"))
            signature = IssuerSignaturePolicy.checks(proofs: proofs, issuerID: issuerID, context: context)
            signedAt = proofs.proofs.first?.created
        case .jwt(let decoded):
            signature = jwtSignatureChecks(decoded, issuerID: issuerID, context: context)
            signedAt = decoded.signedAt.map(DateTimeStamp.init)
        }
        if let problem = signature.firstProblem {
            let code: CredentialError.Code =
                switch problem.code {
                case .controllerMismatch?, .jwtKeyNotIssuers?: .statusListIssuerMismatch
                case let code?: code
                case nil: .invalidStatusList
                }
            // A signature that may be backdated (keyCompromiseReview) leaves the status undecided, not failed.
            let message = "list \(listID) is not validly signed by \(issuerID): \(problem.message)"
            return problem.status == .unknown ? unknown(code, message) : fail(code, message)
        }
        // Freshness.
        let at = DateTimeStamp(context.now).text
        if let until = listObject["validUntil"]?.stringValue.flatMap(DateTimeStamp.init), context.now > until.date {
            return unknown(
                .statusListExpired,
                "status could not be checked: list \(listID) expired \(until.text) (checked at \(at))")
        }
        if case .jwt(let decoded) = secured, let exp = decoded.expires, context.now >= exp {
            return unknown(
                .statusListExpired,
                "status could not be checked: list \(listID) expired \(NumericDate.stamp(exp)) (JWT exp; checked at \(at))"
            )
        }
        // A list not valid yet tells nothing about now (the registry's age limit would never catch it either).
        let validFrom = listObject["validFrom"]?.stringValue.flatMap(DateTimeStamp.init)
        if let from = validFrom, context.now < from.date {
            return unknown(
                .statusListNotYetValid,
                "status could not be checked: list \(listID) is valid only from \(from.text) (checked at \(at))")
        }
        if case .jwt(let decoded) = secured, let nbf = decoded.notBefore, context.now < nbf {
            return unknown(
                .statusListNotYetValid,
                "status could not be checked: list \(listID) is valid only from \(NumericDate.stamp(nbf)) (JWT nbf; checked at \(at))"
            )
        }
        guard let issued = validFrom ?? signedAt else {
            return unknown(
                .statusListStale, "status could not be checked: list \(listID) has no validFrom to judge its age")
        }
        let age = context.now.timeIntervalSince(issued.date)
        if age > Double(maxAgeDays) * 86_400 {
            return unknown(
                .statusListStale,
                "status could not be checked: list \(listID) is from \(issued.text), older than \(maxAgeDays) days"
            )
        }
        do {
            return .usable(try BitstringStatusListCredential(json: .object(listObject)))
        } catch {
            return fail(error.code, "list \(listID): \(error.description)")
        }
    }

    /// The checks of a `vc+jwt` list's signature, as a credential JWT gets them: the format and claims agree
    /// (`typ` `vc+jwt`, `iss`/`jti` as the payload says), `alg` supported, `kid` resolves through the registry,
    /// `alg` is the key's, no `crit`, the signature verifies, the key is the issuer's, listed for it and valid
    /// at `iat`.
    private static func jwtSignatureChecks(_ decoded: DecodedJWT, issuerID: String, context: VerificationContext)
        -> [Check]
    {
        guard !decoded.format.isPresentation else {
            return [.fail("jwt", .jwtTypeMismatch, "a \(decoded.format.rawValue) presentation, not a credential")]
        }
        if let conflict = decoded.conflicts.first {
            return [.fail("jwt", conflict.code, conflict.description)]
        }
        let kid = decoded.jws.header.kid
        let (signature, resolved) = JWTChecks.signature(
            decoded.jws, name: "proof", resolver: context.jwtKeyResolver)
        guard let resolved else { return [signature] }
        var checks = [
            signature,
            JWTChecks.controller(resolved, kid: kid, expected: issuerID, role: "issuer", name: "controller"),
        ]
        if let issuer = context.registeredIssuer(issuerID) {
            checks.append(JWTChecks.key(resolved, of: issuer, decoded: decoded))
        } else {
            checks.append(
                .fail(
                    "issuer", .issuerNotRegistered, "\(issuerID) is not in the registry \(context.registry.info.name)")
            )
        }
        return checks
    }
}
