public import Foundation

/// The summary of one credential that verified (proof, trusted issuer at signing time, status known and
/// clear), as requirement rules see it.
public struct VerifiedCredit: Sendable, Hashable {
    /// The credential id.
    public var id: String
    public var completionDate: RuleDate
    /// Credit by credit-type code (`AMA_PRA_CAT1` → 3).
    public var credits: [String: Decimal]
    /// Topic hours; a topic without hours covers all of the credential's credit.
    public var topics: [TopicCredit]
    /// The learning format code (`course`, `enduring-material`, …).
    public var format: String?
    /// Bodies that approved the activity for a requirement (`US-PA-DHS`).
    public var approvals: [String]
    /// The provider's accreditor (`ACCME`, a state medical society).
    public var providerAccreditor: String?

    public init(
        id: String, completionDate: RuleDate, credits: [String: Decimal], topics: [TopicCredit] = [],
        format: String? = nil, approvals: [String] = [], providerAccreditor: String? = nil
    ) {
        self.id = id
        self.completionDate = completionDate
        self.credits = credits
        self.topics = topics
        self.format = format
        self.approvals = approvals
        self.providerAccreditor = providerAccreditor
    }

    /// The summary of a credential read with ``CMECredential/init(json:)``; call it only for a credential that
    /// verified. Approvals and the accreditor are not in the credential model yet, so they are passed in.
    public init(credential: CMECredential, approvals: [String] = [], providerAccreditor: String? = nil) throws(CMEError)
    {
        guard let date = RuleDate(credential.completionDate) else {
            throw CMEError(
                .invalidEvaluationInput, "expected a completion date YYYY-MM-DD, got \"\(credential.completionDate)\"",
                location: credential.id)
        }
        self.init(
            id: credential.id, completionDate: date, credits: credential.credits, topics: credential.topicCredits,
            format: credential.format?.rawValue, approvals: approvals, providerAccreditor: providerAccreditor)
    }
}

/// A credential that did not verify (or is revoked, or its status is unknown): listed in the result with the
/// reason, never counted.
public struct NotCountedCredential: Sendable, Hashable {
    public var id: String
    /// Why it does not count, in words ("revoked", "issuer not trusted at signing time").
    public var reason: String

    public init(id: String, reason: String) {
        self.id = id
        self.reason = reason
    }
}
