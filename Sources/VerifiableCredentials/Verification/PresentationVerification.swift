/// The presentation checks: context and structure, the holder's proof (purpose `authentication`, the
/// expected challenge and domain, the key controlled by the holder), each credential in full, each credential
/// bound to the holder, and the expected NPI.
struct PresentationVerification {
    let verifier: Verifier
    let expectations: PresentationExpectations

    /// The report for `document`; `presented`, when given, holds its plain credential objects, taken out of
    /// `document` (``PresentedCredentials``; only when ``mayTakeCredentials(of:verifier:)`` says so).
    func verify(_ document: JSONValue, name: String, presented: PresentedCredentials? = nil) -> DocumentReport {
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
            of: document, credentials: credentials, presented: presented, holder: holder, verifier: verifier,
            expectations: expectations)
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
        of document: JSONValue, credentials: [JSONValue], presented: PresentedCredentials?, holder: String?,
        verifier: Verifier, expectations: PresentationExpectations
    ) -> (contexts: Check, holderProof: DocumentProofVerification, credentials: [CredentialReport]) {
        // Presentations are signed by the holder's did:key, never by a registry key.
        let context = verifier.context
        let proofVerifier = DataIntegrityVerifier(suites: context.suites, resolver: DIDKeyResolver(), now: context.now)
        let proofExpectations = ProofExpectations(
            proofPurpose: "authentication", challenge: expectations.challenge, domain: expectations.domain)
        let subjectNPI = expectations.subjectNPI
        let knownContexts = context.knownContexts
        // Each embedded credential object's contexts are checked by its own verification when its policies
        // include the context check; the presentation's walk then leaves those objects out (they are about
        // nine tenths of the presentation) and covers the rest: its own members and any enveloped credential.
        let credentialsCheckContexts = verifier.credentialVerifier.policies.contains { $0 is ContextPolicy }
        // A JCS holder proof covers the canonical form of every credential, which each credential's own check
        // computes anyway: each credential hands its form to the presentation's digest as its check ends, and
        // the holder's proof is checked after the credentials on that digest. Any other holder proof (it
        // canonicalizes the whole presentation) runs beside the credentials from the start.
        let digest =
            Self.jcsHolderProof(document, suites: context.suites) != nil
            ? document.objectValue.flatMap {
                PresentationCanonicalDigest(presentation: $0, credentialCount: credentials.count)
            } : nil
        // Part -2 walks the presentation for its contexts, part -1 verifies a holder's proof that does not
        // use the digest.
        let parts = ConcurrentMap.map(Array(-2..<credentials.count)) { index -> PresentationPart in
            if index == -2 {
                let walked = credentialsCheckContexts ? Self.withoutCredentialObjects(document) : document
                return .contexts(ContextPolicy.check(walked, known: knownContexts))
            }
            guard index >= 0 else {
                guard digest == nil else { return .holderProof(nil) }
                return .holderProof(proofVerifier.verify(document, expecting: proofExpectations))
            }
            let credential = presented?.take(index) ?? credentials[index]
            let canonical = digest == nil ? nil : credential.objectValue.map { CanonicalJSONObject($0) }
            let (verified, json) = verifier.verifyEmbeddedCredential(
                credential, index: index, pointer: "/verifiableCredential/\(index)", canonical: canonical)
            var result = verified
            result.checks.append(binding(json, holder: holder))
            if let subjectNPI {
                result.checks.append(SubjectNPI.check(json.objectValue ?? JSONObject(), npi: subjectNPI))
            }
            digest?.add(canonical?.bytes ?? JSONCanonicalizer.canonicalize(credential), at: index)
            return .credential(result)
        }
        var contexts = Check.unknown("context", .invalidContext, "the contexts were not checked")
        var holderProof = DocumentProofVerification(proofs: [], checks: [])
        var reports: [CredentialReport] = []
        reports.reserveCapacity(credentials.count)
        for part in parts {
            switch part {
            case .contexts(let check): contexts = check
            case .holderProof(let verification): holderProof = verification ?? holderProof
            case .credential(let report): reports.append(report)
            }
        }
        if let digest {
            // When the holder's key calls for SHA-384 the proof check canonicalizes the presentation itself.
            holderProof = proofVerifier.verify(
                document, expecting: proofExpectations,
                canonical: digest.finish().map(KnownCanonicalForm.sha256WithoutProof))
        }
        return (contexts, holderProof, reports)
    }

    /// The presentation with each plain credential object of `verifiableCredential` replaced by null (so the
    /// others keep their positions in the context check's pointers); enveloped credentials are kept.
    private static func withoutCredentialObjects(_ document: JSONValue) -> JSONValue {
        guard case .object(var object) = document, let value = object["verifiableCredential"] else { return document }
        func kept(_ element: JSONValue) -> JSONValue {
            PresentedCredentials.isPlainCredential(element) ? .null : element
        }
        if case .array(let elements) = value {
            object["verifiableCredential"] = .array(elements.map(kept))
        } else {
            object["verifiableCredential"] = kept(value)
        }
        return .object(object)
    }

    /// Whether `document`'s plain credential objects may be taken out of it for their verifications
    /// (``PresentedCredentials``): it is a presentation whose credentials' checks cover their own contexts, and
    /// whose holder proof is one JCS proof by a `did:key` that hashes with SHA-256, with no `previousProof` and
    /// the presentation's own `@context`, so that the proof is checked on the digest of the credentials'
    /// canonical forms and the presentation is never canonicalized whole.
    static func mayTakeCredentials(of document: JSONValue, verifier: Verifier) -> Bool {
        guard document["type"]?.asArray.contains(where: { $0.stringValue == "VerifiablePresentation" }) == true,
            !EnvelopedCredential.isEnvelope(document), document["verifiableCredential"]?.arrayValue != nil,
            verifier.credentialVerifier.policies.contains(where: { $0 is ContextPolicy }),
            let (proof, suite) = jcsHolderProof(document, suites: verifier.context.suites),
            proof["previousProof"] == nil,
            // A proof @context other than the presentation's signs another document than the one less its proof.
            proof["@context"] == nil || proof["@context"] == document["@context"],
            let method = proof["verificationMethod"]?.stringValue,
            let key = try? DIDKeyResolver().resolve(method).publicKey
        else { return false }
        return suite.hashesWithSHA256(key.type)
    }

    /// The presentation's proof and its suite when it has one proof, made with a cryptosuite that canonicalizes
    /// with JCS.
    private static func jcsHolderProof(_ document: JSONValue, suites: CryptosuiteSet) -> (
        proof: JSONValue, suite: any Cryptosuite
    )? {
        guard let proofs = document["proof"]?.asArray, proofs.count == 1,
            let suite = proofs[0]["cryptosuite"]?.stringValue.flatMap({ suites[$0] }), suite.canonicalizesWithJCS
        else { return nil }
        return (proofs[0], suite)
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
    /// Nil when the holder's proof is checked after the credentials.
    case holderProof(DocumentProofVerification?)
    /// The credential's report.
    case credential(CredentialReport)
}
