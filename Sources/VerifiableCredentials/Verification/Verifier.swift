/// Verifies inputs offline: a credential, or a presentation and every credential in it.
///
/// Never throws: unreadable input, a failed check and an undecidable check are all parts of the
/// ``DocumentReport``.
///
/// ```swift
/// let verifier = Verifier(context: VerificationContext(registry: registry, statusLists: lists,
///                                                      knownContexts: bundled, now: fixedDate))
/// let report = verifier.verify(bytes: data, name: "vp.json", expecting: .init(challenge: "8f1c…"))
/// ```
public struct Verifier: Sendable {
    public var context: VerificationContext
    public var credentialVerifier: CredentialVerifier

    public init(context: VerificationContext, policies: [any CredentialPolicy] = CredentialVerifier.standardPolicies) {
        self.context = context
        self.credentialVerifier = CredentialVerifier(context: context, policies: policies)
    }

    /// Parses `bytes` within the context's limits and verifies the document; bytes that are a compact JWS are
    /// verified as a JWT (``verifyJWT(_:name:expecting:)``).
    public func verify(bytes: [UInt8], name: String, expecting expectations: PresentationExpectations = .init())
        -> DocumentReport
    {
        if CompactJWS.looksCompact(bytes) {
            return verifyJWT(String(decoding: bytes, as: UTF8.self), name: name, expecting: expectations)
        }
        let document: JSONValue
        do {
            document = try JSONParser(limits: context.limits).parse(bytes)
        } catch {
            let explained = UnreadableDocument.explain(error, bytes: bytes)
            return DocumentReport(
                name: name, kind: .unreadable, checks: [.fail("json", explained.code, explained.description)])
        }
        if PresentationVerification.mayTakeCredentials(of: document, verifier: self) {
            // Each credential is freed by the thread that verified it, as its check ends.
            let (presentation, credentials) = PresentedCredentials.take(from: consume document)
            var report = PresentationVerification(verifier: self, expectations: expectations).verify(
                presentation, name: name, presented: credentials)
            report.checks.insert(Self.wellFormed, at: 0)
            return report
        }
        let report = verify(document, name: name, expecting: expectations)
        JSONDocumentRelease.release(consume document)
        return report
    }

    /// The JSON check of a document that parsed.
    static let wellFormed = Check.pass("json", "well-formed, within limits")

    /// Verifies a parsed document: a `VerifiablePresentation` or a `VerifiableCredential`; a JSON string that
    /// is a compact JWS, or an `EnvelopedVerifiableCredential`, is verified as a JWT.
    public func verify(_ document: JSONValue, name: String, expecting expectations: PresentationExpectations = .init())
        -> DocumentReport
    {
        if case .string(let text) = document, CompactJWS.looksCompact(text.utf8) {
            return verifyJWT(text, name: name, expecting: expectations)
        }
        let json = Self.wellFormed
        if EnvelopedCredential.isEnvelope(document) {
            let (credential, _) = verifyEmbeddedCredential(document, index: 0, pointer: "")
            return DocumentReport(name: name, kind: .credential, checks: [json], credentials: [credential])
        }
        let types = document["type"]?.asArray.compactMap(\.stringValue) ?? []
        if types.contains("VerifiablePresentation") {
            var report = PresentationVerification(verifier: self, expectations: expectations).verify(
                document, name: name)
            report.checks.insert(json, at: 0)
            return report
        }
        guard types.contains("VerifiableCredential") else {
            return DocumentReport(
                name: name, kind: .unreadable,
                checks: [
                    json,
                    .fail(
                        "structure", .invalidCredential,
                        "the document is neither a VerifiableCredential nor a VerifiablePresentation"),
                ])
        }
        var credential = credentialVerifier.verify(document)
        if let npi = expectations.subjectNPI {
            credential.checks.append(SubjectNPI.check(document.objectValue ?? JSONObject(), npi: npi))
        }
        return DocumentReport(name: name, kind: .credential, checks: [json], credentials: [credential])
    }
}
