public import Foundation
public import VerifiableCredentials

/// What the ledger records about one credential about to be issued.
///
/// The plaintext learner and activity fields stay in the issuer's ledger only (the credential carries
/// hashed identifiers); they are kept for reports such as a PARS export.
public struct PendingIssue: Sendable, Hashable {
    /// The new credential's id (for example a `urn:uuid:`).
    public var credentialID: String
    /// The learner's identity key, stable across reruns (the caller derives it from the learner's
    /// identifiers). With ``activity``'s id it is the idempotency key.
    public var learnerKey: String
    /// A hash of the source record, to tell a rerun of the same record from a changed one.
    public var recordHash: String
    /// When the credential is issued.
    public var issuedAt: Date
    /// The learner, in plaintext.
    public var learner: LedgerLearner
    /// The activity.
    public var activity: LedgerActivity
    /// The credits claimed, by credit system code (for example `{"AMA_PRA_CAT1": 1.5}`).
    public var credits: JSONValue
    /// The status entries to allocate, one index per purpose (revocation and suspension by default).
    public var statusPurposes: [StatusPurpose]

    /// The activity id, half of the idempotency key.
    public var activityID: String { activity.id }

    public init(
        credentialID: String, learnerKey: String, recordHash: String, issuedAt: Date, learner: LedgerLearner,
        activity: LedgerActivity, credits: JSONValue, statusPurposes: [StatusPurpose] = [.revocation, .suspension]
    ) {
        self.credentialID = credentialID
        self.learnerKey = learnerKey
        self.recordHash = recordHash
        self.issuedAt = issuedAt
        self.learner = learner
        self.activity = activity
        self.credits = credits
        self.statusPurposes = statusPurposes
    }
}

/// The learner fields the ledger keeps in plaintext.
public struct LedgerLearner: Sendable, Hashable {
    public var givenName: String
    public var familyName: String
    /// The 10-digit National Provider Identifier.
    public var npi: String?
    /// State licenses such as `CA:A123456`.
    public var licenses: [String]
    /// Board ids such as `ABIM:123456`.
    public var boardIDs: [String]
    /// Date of birth as `MM-DD` (PARS).
    public var dateOfBirth: String?
    public var email: String?
    /// The holder's DID, when known.
    public var did: String?

    public init(
        givenName: String, familyName: String, npi: String? = nil, licenses: [String] = [], boardIDs: [String] = [],
        dateOfBirth: String? = nil, email: String? = nil, did: String? = nil
    ) {
        self.givenName = givenName
        self.familyName = familyName
        self.npi = npi
        self.licenses = licenses
        self.boardIDs = boardIDs
        self.dateOfBirth = dateOfBirth
        self.email = email
        self.did = did
    }
}

/// The activity fields the ledger keeps.
public struct LedgerActivity: Sendable, Hashable {
    /// The provider's activity id, half of the idempotency key.
    public var id: String
    public var title: String
    /// The learning format code (for example `course`, `enduring-material`).
    public var format: String
    /// The completion date, `YYYY-MM-DD`.
    public var completionDate: String
    public var startDate: String?
    public var endDate: String?
    /// The activity id in ACCME's PARS, when different.
    public var parsActivityID: String?
    public var jointProvider: String?

    public init(
        id: String, title: String, format: String, completionDate: String, startDate: String? = nil,
        endDate: String? = nil, parsActivityID: String? = nil, jointProvider: String? = nil
    ) {
        self.id = id
        self.title = title
        self.format = format
        self.completionDate = completionDate
        self.startDate = startDate
        self.endDate = endDate
        self.parsActivityID = parsActivityID
        self.jointProvider = jointProvider
    }
}
