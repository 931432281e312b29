public import Foundation

/// One learner's completion of one CME activity, validated: what a provider issues one credential for.
///
/// Records come from ``ActivityRecordReader`` (CSV or JSON Lines); the fields are defined once in
/// `Schemas/json-schema/activity-record.schema.json`.
public struct ActivityRecord: Sendable, Hashable {
    /// Where the record came from.
    public var location: RecordLocation
    /// Who completed the activity.
    public var learner: Learner
    /// What was completed.
    public var activity: Activity
    /// The credit awarded, one amount per credit type, in catalog order; never empty.
    public var credits: [CreditAmount]
    /// The designated maximum of AMA PRA Category 1 Credit for the activity, when given.
    public var maxAMACredits: Decimal?
    /// Topic hours, in record order.
    public var topics: [TopicCredit]

    /// Creates a record (the reader validates; this initializer does not).
    public init(
        location: RecordLocation, learner: Learner, activity: Activity, credits: [CreditAmount],
        maxAMACredits: Decimal? = nil, topics: [TopicCredit] = []
    ) {
        self.location = location
        self.learner = learner
        self.activity = activity
        self.credits = credits
        self.maxAMACredits = maxAMACredits
        self.topics = topics
    }

    /// The provider's activity id.
    public var activityID: String { activity.id }

    /// A stable identity of the learner for de-duplication: the first of NPI, DID, e-mail, license and board id,
    /// normalized and prefixed with its kind (`npi:1234567893`, `did:key:z6Mk…`, `email:a@example.org`,
    /// `license:CA:A123456`, `board:ABIM:123456`).
    public var learnerKey: String { learner.key }

    /// The amount of credit of one type, when the record has it.
    public func credits(of code: String) -> Decimal? {
        credits.first { $0.code == code }?.amount
    }

    /// The activity's hours for topic purposes: the AMA PRA Category 1 amount when present, otherwise the
    /// largest amount of any credit type. A bare topic code in a record means all of these hours.
    public var activityHours: Decimal {
        credits(of: CreditType.amaCategory1) ?? credits.map(\.amount).max() ?? 0
    }

    /// The hours of each topic with bare codes resolved to ``activityHours``.
    public var resolvedTopicHours: [(code: String, hours: Decimal)] {
        topics.map { ($0.code, $0.hours ?? activityHours) }
    }
}

/// The learner of an ``ActivityRecord``.
public struct Learner: Sendable, Hashable {
    public var givenName: String
    public var familyName: String
    /// At least one of the identifiers below is present in a valid record.
    public var npi: NPI?
    /// Lower-cased.
    public var email: String?
    public var did: String?
    public var licenses: [StateLicense]
    public var boardIDs: [BoardIdentifier]
    public var dateOfBirth: MonthDay?

    /// Creates a learner.
    public init(
        givenName: String, familyName: String, npi: NPI? = nil, email: String? = nil, did: String? = nil,
        licenses: [StateLicense] = [], boardIDs: [BoardIdentifier] = [], dateOfBirth: MonthDay? = nil
    ) {
        self.givenName = givenName
        self.familyName = familyName
        self.npi = npi
        self.email = email
        self.did = did
        self.licenses = licenses
        self.boardIDs = boardIDs
        self.dateOfBirth = dateOfBirth
    }

    /// "Given Family".
    public var displayName: String { "\(givenName) \(familyName)" }

    /// See ``ActivityRecord/learnerKey``.
    public var key: String {
        if let npi { return "npi:\(npi)" }
        if let did { return "did:" + did.dropFirst(4) }
        if let email { return "email:\(email)" }
        if let license = licenses.first { return "license:\(license)" }
        if let board = boardIDs.first { return "board:\(board)" }
        return "name:\(givenName.lowercased()) \(familyName.lowercased())"
    }
}

/// The activity of an ``ActivityRecord``.
public struct Activity: Sendable, Hashable {
    /// The provider's activity id, or an absolute URI.
    public var id: String
    public var title: String
    public var format: ActivityFormat
    /// `YYYY-MM-DD`.
    public var completionDate: String
    public var description: String?
    /// `YYYY-MM-DD` or an RFC 3339 date-time, as given.
    public var startDate: String?
    /// `YYYY-MM-DD` or an RFC 3339 date-time, as given.
    public var endDate: String?
    /// The ACCME PARS activity id.
    public var parsActivityID: String?
    /// The non-accredited joint provider, when the activity is jointly provided.
    public var jointProvider: String?

    /// Creates an activity.
    public init(
        id: String, title: String, format: ActivityFormat, completionDate: String, description: String? = nil,
        startDate: String? = nil, endDate: String? = nil, parsActivityID: String? = nil, jointProvider: String? = nil
    ) {
        self.id = id
        self.title = title
        self.format = format
        self.completionDate = completionDate
        self.description = description
        self.startDate = startDate
        self.endDate = endDate
        self.parsActivityID = parsActivityID
        self.jointProvider = jointProvider
    }
}

/// An amount of one credit type.
public struct CreditAmount: Sendable, Hashable {
    /// A ``CreditType`` code such as `AMA_PRA_CAT1`.
    public var code: String
    /// The amount, exact.
    public var amount: Decimal

    /// Creates an amount.
    public init(code: String, amount: Decimal) {
        self.code = code
        self.amount = amount
    }
}

/// Hours of one topic in an activity.
public struct TopicCredit: Sendable, Hashable {
    /// The canonical ``CMETopic`` code.
    public var code: String
    /// The hours, or `nil` for all of the activity's hours.
    public var hours: Decimal?

    /// Creates a topic credit.
    public init(code: String, hours: Decimal? = nil) {
        self.code = code
        self.hours = hours
    }
}
