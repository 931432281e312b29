/// The presentation checks: context and structure, the holder's proof (purpose `authentication`, the
/// expected challenge and domain, the key controlled by the holder), each credential in full, each credential
/// bound to the holder, and the expected NPI.
struct PresentationVerification {
    let verifier: Verifier
    let expectations: PresentationExpectations

    func verify(_ document: JSONValue, name: String) -> DocumentReport {
        var report = DocumentReport(name: name, kind: .presentation)
        let context = verifier.context
        report.checks.append(ContextPolicy.check(document, known: context.knownContexts))
        guard let object = document.objectValue else { return report }
        let holder = object["holder"]?.stringValue ?? object["holder"]?["id"]?.stringValue
        let credentials = object["verifiableCredential"]?.asArray ?? []
        if holder == nil {
            report.checks.append(.fail("structure", .invalidPresentation, "the presentation names no holder"))
        } else if credentials.isEmpty {
            report.checks.append(.fail("structure", .invalidPresentation, "the presentation holds no credential"))
        } else {
            report.checks.append(
                .pass(
                    "structure",
                    "VerifiablePresentation with \(credentials.count) credential\(credentials.count == 1 ? "" : "s")"))
        }

        // The holder's proof. Presentations are signed by the holder's did:key, never by a registry key.
        let proofVerifier = DataIntegrityVerifier(suites: context.suites, resolver: DIDKeyResolver(), now: context.now)
        let proofs = proofVerifier.verify(
            document,
            expecting: ProofExpectations(
                proofPurpose: "authentication", challenge: expectations.challenge, domain: expectations.domain))
        if proofs.verified {
            let bound = [expectations.challenge.map { "challenge \($0)" }, expectations.domain.map { "domain \($0)" }]
                .compactMap { $0 }
            report.checks.append(
                .pass(
                    "holderProof",
                    "authentication proof by \(proofs.proofs.first?.verificationMethod ?? "?")\(bound.isEmpty ? "" : ", " + bound.joined(separator: ", "))"
                ))
        } else {
            let problem = proofs.allChecks.firstProblem
            report.checks.append(
                .fail(
                    "holderProof", problem?.code ?? .invalidProof,
                    problem?.message ?? "the holder's proof does not verify"))
        }
        if let holder {
            let controllers = proofs.proofs.compactMap { $0.method?.controller }
            if let other = controllers.first(where: { $0 != holder }) {
                report.checks.append(
                    .fail(
                        "holderKey", .controllerMismatch,
                        "the presentation is signed by \(other), not by its holder \(holder)"))
            } else if !controllers.isEmpty {
                report.checks.append(.pass("holderKey", "signed by the holder \(holder)"))
            }
        }
        if expectations.challenge == nil {
            report.checks.append(
                .unknown("challenge", .challengeMismatch, "no --challenge given: the presentation could be a replay"))
        }

        // Each credential in full, then its binding to the holder and the expected NPI; independent work, so the
        // credentials are verified on all cores (the reports keep the presentation's order). An enveloped JWT
        // credential is decoded first; the holder checks then see the credential it holds.
        let verifier = self.verifier
        let subjectNPI = expectations.subjectNPI
        report.credentials = ConcurrentMap.map(Array(credentials.enumerated())) {
            (entry: (offset: Int, element: JSONValue)) -> CredentialReport in
            let (index, credential) = entry
            let (verified, json) = verifier.verifyEmbeddedCredential(
                credential, index: index, pointer: "/verifiableCredential/\(index)")
            var result = verified
            result.checks.append(Self.binding(json, holder: holder))
            if let subjectNPI {
                result.checks.append(SubjectNPI.check(json.objectValue ?? JSONObject(), npi: subjectNPI))
            }
            return result
        }
        return report
    }

    /// Every credential subject with an `id` must be the holder.
    static func binding(_ credential: JSONValue, holder: String?) -> Check {
        let ids = (credential["credentialSubject"]?.asArray ?? []).compactMap { $0["id"]?.stringValue }
        guard !ids.isEmpty else { return .pass("holder", "the subject has no id to bind") }
        guard let holder else { return .fail("holder", .holderMismatch, "the presentation names no holder") }
        if let other = ids.first(where: { $0 != holder }) {
            return .fail(
                "holder", .holderMismatch, "the credential's subject is \(other), not the presenting holder \(holder)")
        }
        return .pass("holder", "subject is the holder")
    }
}
