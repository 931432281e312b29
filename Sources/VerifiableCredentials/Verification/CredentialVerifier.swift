/// Verifies one credential in full by running its policies in order.
public struct CredentialVerifier: Sendable {
    public var context: VerificationContext
    public var policies: [any CredentialPolicy]

    /// The standard policies: contexts, VC 2.0 structure, proofs and issuer trust, accreditation and credit
    /// types, validity, status.
    public static let standardPolicies: [any CredentialPolicy] = [
        ContextPolicy(), StructurePolicy(), IssuerSignaturePolicy(), AccreditationPolicy(), ValidityPolicy(),
        StatusPolicy(),
    ]

    public init(context: VerificationContext, policies: [any CredentialPolicy] = CredentialVerifier.standardPolicies) {
        self.context = context
        self.policies = policies
    }

    /// The report for the credential `json` found at `pointer` (index `index` in its file).
    public func verify(_ json: JSONValue, index: Int = 0, pointer: String = "") -> CredentialReport {
        verify(json, index: index, pointer: pointer, canonical: nil)
    }

    /// The report for `json`, whose RFC 8785 form (proof included) the caller may already have computed.
    func verify(_ json: JSONValue, index: Int, pointer: String, canonical: CanonicalJSONObject?) -> CredentialReport {
        guard case .object(let object) = json else {
            return CredentialReport(
                index: index, pointer: pointer,
                checks: [
                    .fail(
                        "structure", .invalidCredential,
                        "\(pointer.isEmpty ? "the document" : pointer) is not a JSON object")
                ])
        }
        let issuerID = CredentialUnderVerification.issuerID(of: object)
        let verifier = DataIntegrityVerifier(suites: context.suites, resolver: context.resolver, now: context.now)
        let proofs = verifier.verify(
            json, expecting: ProofExpectations(proofPurpose: "assertionMethod"),
            canonical: canonical.map(KnownCanonicalForm.document))
        let subject = CredentialUnderVerification(json: object, pointer: pointer, issuerID: issuerID, proofs: proofs)
        var report = CredentialReport(
            index: index, pointer: pointer, id: object["id"]?.stringValue, issuer: issuerID,
            issuerName: issuerID.flatMap { context.registeredIssuer($0)?.displayName })
        for policy in policies {
            report.checks += policy.checks(for: subject, context: context)
        }
        return report
    }
}
