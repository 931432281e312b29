/// The presentation checks: context and structure, the holder's proof (purpose `authentication`, the
/// expected challenge and domain, the key controlled by the holder), each credential in full, each credential
/// bound to the holder, and the expected NPI.
struct PresentationVerification {
    let verifier: Verifier
    let expectations: PresentationExpectations

    func verify(_ document: JSONValue, name: String) -> DocumentReport {
        var report = DocumentReport(name: name, kind: .presentation)
        guard let object = document.objectValue else {
            report.checks.append(ContextPolicy.check(document, known: verifier.context.knownContexts))
            return report
        }
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

        // The holder's proof and each credential are independent work, so they run together on all cores: the
        // holder's proof (it canonicalizes the whole presentation) starts first, the credentials fill the other
        // cores, and the reports keep the presentation's order.
        let parts = Self.verifyParts(
            of: document, credentials: credentials, holder: holder, verifier: verifier, expectations: expectations)
        report.checks.insert(parts.contexts, at: 0)
        let proofs = parts.holderProof
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

        report.credentials = parts.credentials
        return report
    }

    /// The holder's proof and the full report of each credential (an enveloped JWT credential is decoded first;
    /// the holder checks then see the credential it holds), computed concurrently.
    static func verifyParts(
        of document: JSONValue, credentials: [JSONValue], holder: String?, verifier: Verifier,
        expectations: PresentationExpectations
    ) -> (contexts: Check, holderProof: DocumentProofVerification, credentials: [CredentialReport]) {
        // Presentations are signed by the holder's did:key, never by a registry key.
        let context = verifier.context
        let proofVerifier = DataIntegrityVerifier(suites: context.suites, resolver: DIDKeyResolver(), now: context.now)
        let proofExpectations = ProofExpectations(
            proofPurpose: "authentication", challenge: expectations.challenge, domain: expectations.domain)
        let subjectNPI = expectations.subjectNPI
        // Part -2 walks the whole presentation for its contexts, part -1 verifies the holder's proof.
        let knownContexts = context.knownContexts
        let parts = ConcurrentMap.map(Array(-2..<credentials.count)) { index -> PresentationPart in
            if index == -2 { return .contexts(ContextPolicy.check(document, known: knownContexts)) }
            guard index >= 0 else { return .holderProof(proofVerifier.verify(document, expecting: proofExpectations)) }
            let (verified, json) = verifier.verifyEmbeddedCredential(
                credentials[index], index: index, pointer: "/verifiableCredential/\(index)")
            var result = verified
            result.checks.append(binding(json, holder: holder))
            if let subjectNPI {
                result.checks.append(SubjectNPI.check(json.objectValue ?? JSONObject(), npi: subjectNPI))
            }
            return .credential(result)
        }
        var contexts = Check.unknown("context", .invalidContext, "the contexts were not checked")
        var holderProof = DocumentProofVerification(proofs: [], checks: [])
        var reports: [CredentialReport] = []
        reports.reserveCapacity(credentials.count)
        for part in parts {
            switch part {
            case .contexts(let check): contexts = check
            case .holderProof(let verification): holderProof = verification
            case .credential(let report): reports.append(report)
            }
        }
        return (contexts, holderProof, reports)
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

/// One piece of a presentation's verification: the holder's proof or one credential's report.
private enum PresentationPart: Sendable {
    case contexts(Check)
    case holderProof(DocumentProofVerification)
    case credential(CredentialReport)
}
