/// The credential's proofs, judged against the registry: each proof verifies with purpose
/// `assertionMethod` (`proof`), its verification method is controlled by the issuer (`controller`), the issuer
/// is registered (`issuer`), and the key is listed for that issuer and was valid at the proof's `created`
/// time (`key`).
public struct IssuerSignaturePolicy: CredentialPolicy {
    public init() {}

    public func checks(for credential: CredentialUnderVerification, context: VerificationContext) -> [Check] {
        Self.checks(proofs: credential.proofs, issuerID: credential.issuerID, context: context)
    }

    /// The same checks for any document signed by an issuer (a credential or a status list credential).
    static func checks(proofs: DocumentProofVerification, issuerID: String?, context: VerificationContext) -> [Check] {
        var checks: [Check] = []
        if proofs.verified {
            let summary = proofs.proofs.map { "\($0.cryptosuite ?? "?") by \($0.verificationMethod ?? "?")" }
            checks.append(.pass("proof", summary.joined(separator: "; ")))
        } else {
            let problem = proofs.allChecks.firstProblem
            checks.append(.fail("proof", problem?.code ?? .invalidProof, problem?.message ?? "no proof verifies"))
        }
        guard let issuerID else {
            checks.append(.fail("issuer", .invalidCredential, "the document names no issuer"))
            return checks
        }
        let controllers = proofs.proofs.compactMap { $0.method?.controller }
        if let other = controllers.first(where: { $0 != issuerID }) {
            checks.append(
                .fail(
                    "controller", .controllerMismatch,
                    "the proof's key is controlled by \(other), not by the issuer \(issuerID)"))
        } else if !controllers.isEmpty {
            checks.append(.pass("controller", "the signing key belongs to the issuer"))
        }
        guard let issuer = context.registeredIssuer(issuerID) else {
            checks.append(
                .fail(
                    "issuer", .issuerNotRegistered, "\(issuerID) is not in the registry \(context.registry.info.name)"))
            return checks
        }
        checks.append(.pass("issuer", "\(issuer.displayName) (\(issuerID))"))
        for proof in proofs.proofs {
            guard let methodID = proof.verificationMethod else { continue }
            guard let key = issuer.key(methodID) else {
                checks.append(.fail("key", .keyNotRegistered, "the registry lists no key \(methodID) for \(issuerID)"))
                continue
            }
            guard let created = proof.created else {
                checks.append(
                    .fail(
                        "key", .proofTimeMissing,
                        "the proof has no created time, so the key's validity cannot be judged"))
                continue
            }
            checks.append(key.check(signedAt: created.date, stamp: created.text))
        }
        if proofs.proofs.isEmpty {
            checks.append(.fail("key", .missingProof, "the document has no proof"))
        }
        return checks
    }
}
