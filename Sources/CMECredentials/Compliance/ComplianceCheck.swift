public import VerifiableCredentials

/// Verifies a physician's credentials and checks them against a ``RuleSet``: the glue between the
/// ``Verifier`` and the ``ComplianceEvaluator``.
///
/// A credential counts only when it verified in full — every check of its ``CredentialReport`` passed (proof,
/// issuer trusted at signing time, status known and clear, bound to the presenting holder) and its document
/// has no failed check — and it reads as a CME credential. Everything else is a ``NotCountedCredential`` with
/// the failing check's reason, and is never counted. A presentation's `challenge` check may be `unknown`
/// (no challenge was expected): a replay does not change what the physician completed.
///
/// ```swift
/// var check = ComplianceCheck(verifier: Verifier(context: context))
/// for (name, bytes) in inputs { check.add(bytes: bytes, name: name) }
/// let result = check.evaluate(ruleSet, facts: PhysicianFacts(asOf: today))
/// ```
public struct ComplianceCheck: Sendable {
    public let verifier: Verifier
    public let expectations: PresentationExpectations
    /// Credentials that verified and count, without duplicates, in the order they were added.
    public private(set) var verified: [VerifiedCredit] = []
    /// Credentials that do not count, with the reason.
    public private(set) var notCounted: [NotCountedCredential] = []
    /// The verification report of every document added.
    public private(set) var reports: [DocumentReport] = []
    private var seen: Set<String> = []

    public init(verifier: Verifier, expectations: PresentationExpectations = .init()) {
        self.verifier = verifier
        self.expectations = expectations
    }

    /// Parses and verifies one input (a credential or a presentation) and sorts its credentials.
    public mutating func add(bytes: [UInt8], name: String) {
        let document: JSONValue
        do {
            document = try JSONParser(limits: verifier.context.limits).parse(bytes)
        } catch {
            let report = DocumentReport(
                name: name, kind: .unreadable, checks: [.fail("json", error.code, error.description)])
            add(report: report, document: nil)
            return
        }
        add(document: document, name: name)
    }

    /// Verifies one parsed input (a credential or a presentation) and sorts its credentials.
    public mutating func add(document: JSONValue, name: String) {
        add(report: verifier.verify(document, name: name, expecting: expectations), document: document)
    }

    /// Sorts the credentials of a document already verified: `report` must be the verification of `document`.
    public mutating func add(report: DocumentReport, document: JSONValue?) {
        reports.append(report)
        let documentProblem = report.checks.first { $0.status == .fail }
        if report.credentials.isEmpty {
            let problem = documentProblem ?? report.checks.firstProblem
            notCounted.append(
                NotCountedCredential(
                    id: report.name, reason: problem.map(Self.reason) ?? "the input holds no credential"))
            return
        }
        for credential in report.credentials {
            let id = credential.id ?? "\(report.name)#\(credential.pointer)"
            if let problem = credential.checks.firstProblem ?? documentProblem {
                notCounted.append(NotCountedCredential(id: id, reason: Self.reason(problem)))
                continue
            }
            guard let json = Self.credentialJSON(in: document, report: report, credential: credential) else {
                notCounted.append(NotCountedCredential(id: id, reason: "the credential could not be found again"))
                continue
            }
            let credit: VerifiedCredit
            do {
                credit = try VerifiedCredit(credential: CMECredential(json: json))
            } catch {
                notCounted.append(NotCountedCredential(id: id, reason: "not a CME credential: \(error.description)"))
                continue
            }
            // The same credential presented twice (a file and a presentation) counts once.
            guard seen.insert(credit.id).inserted else { continue }
            verified.append(credit)
        }
    }

    /// Evaluates the credentials added so far.
    public func evaluate(_ ruleSet: RuleSet, facts: PhysicianFacts) -> ComplianceResult {
        ComplianceEvaluator(ruleSet: ruleSet).evaluate(verified: verified, notCounted: notCounted, facts: facts)
    }

    /// A failed or undecided check in words: `status: revoked (…)`.
    static func reason(_ check: Check) -> String {
        let undecided = check.status == .unknown ? " (could not be decided)" : ""
        return "\(check.name): \(check.message)\(undecided)"
    }

    /// The credential a report describes, found by its position in the document.
    static func credentialJSON(in document: JSONValue?, report: DocumentReport, credential: CredentialReport)
        -> JSONValue?
    {
        guard let document else { return nil }
        switch report.kind {
        case .credential: return document
        case .presentation:
            let all = document["verifiableCredential"]?.asArray ?? []
            return all.indices.contains(credential.index) ? all[credential.index] : nil
        case .unreadable: return nil
        }
    }
}
