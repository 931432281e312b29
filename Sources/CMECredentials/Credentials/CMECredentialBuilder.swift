public import Foundation
public import VerifiableCredentials

/// Turns a valid ``ActivityRecord`` into an unsigned CME credential: a VC Data Model 2.0 + Open Badges 3.0
/// `OpenBadgeCredential` with cmevc's CME extension context (DOMAIN.md §1.6–1.7).
///
/// The credential has no `proof`; the caller signs it and writes `proof` as an array.
public struct CMECredentialBuilder: Sendable {
    /// The issuing provider.
    public let issuer: IssuerProfile
    /// The catalog that names credit types and topics.
    public let catalog: CMECatalog
    /// `issuer.json`, computed once.
    private let issuerJSON: JSONValue

    /// Creates a builder for one issuer.
    public init(issuer: IssuerProfile, catalog: CMECatalog = .bundled) {
        self.issuer = issuer
        self.catalog = catalog
        self.issuerJSON = issuer.json
    }

    /// The unsigned credential for `record`.
    ///
    /// - Parameters:
    ///   - id: the credential id, an absolute URI such as `urn:uuid:…`.
    ///   - issuedAt: when the credential is issued; the completion date may not be after it.
    ///   - statuses: the credential's status entries (for example a revocation and a suspension
    ///     `BitstringStatusListEntry`), each an object with an `id`. One entry is written as an object,
    ///     several as an array.
    ///   - salt: the salt for the hashed identifiers; `nil` draws 16 random bytes. Pass one only in tests.
    /// - Throws: ``CMEError`` `.invalidRecord` when the completion date is after `issuedAt` or the record has
    ///   no learner identifier; `.invalidStatusEntry` when a status entry is not an object with an `id`.
    public func credential(
        for record: ActivityRecord, id: String, issuedAt: Date, statuses: [JSONValue], salt: [UInt8]? = nil
    ) throws(CMEError) -> JSONValue {
        try credential(for: record, id: id, issuedAt: issuedAt, statuses: statuses, salt: salt, shared: nil)
    }

    /// What every credential of one activity holds alike (one ``AchievementKey``: the achievement and what
    /// follows from the activity's title and credits), built once for all its records of a batch.
    struct ActivityParts: Sendable {
        /// The achievement (``achievement(_:)``).
        let achievement: JSONValue
        /// The credential's `name`.
        let name: JSONValue
        /// The end of the credential's `description`: ` and was awarded …`.
        let award: String
        /// The subject's `creditsEarned` (AMA PRA Category 1), if any.
        let creditsEarned: JSONValue?
        /// The subject's `result`.
        let results: JSONValue
    }

    /// The parts of `record`'s credential that depend only on its ``AchievementKey``.
    func activityParts(_ record: ActivityRecord) -> ActivityParts {
        let achievement = achievement(record)
        let achievementID = achievement.objectValue?["id"]?.stringValue ?? achievementID(record.activity.id)
        let credits = record.credits.map { credit in
            "\(CMEAmount.text(credit.amount)) \(catalog.creditType(credit.code)?.name ?? credit.code)"
        }
        var results: [JSONValue] = record.credits.map { credit in
            [
                "type": ["Result"],
                "resultDescription": .string(Self.resultDescriptionID(achievementID: achievementID, credit.code)),
                "value": .string(DecimalText.string(credit.amount)),
            ]
        }
        results.append([
            "type": ["Result"],
            "resultDescription": .string(Self.resultDescriptionID(achievementID: achievementID, "completion")),
            "status": "Completed",
        ])
        return ActivityParts(
            achievement: achievement, name: .string("CME certificate: \(record.activity.title)"),
            award: " and was awarded " + credits.joined(separator: ", ") + ".",
            creditsEarned: record.credits(of: CreditType.amaCategory1).map { .number(DecimalText.double($0)) },
            results: .array(results))
    }

    /// ``credential(for:id:issuedAt:statuses:salt:)`` with the record's ``activityParts(_:)``, when the caller
    /// built them once for many records of the same activity (the credential then holds those very values).
    func credential(
        for record: ActivityRecord, id: String, issuedAt: Date, statuses: [JSONValue], salt: [UInt8]? = nil,
        shared: ActivityParts?
    ) throws(CMEError) -> JSONValue {
        guard let completion = DateText.instant(record.activity.completionDate), completion <= issuedAt else {
            throw CMEError(
                .invalidRecord, "the completion date \(record.activity.completionDate) is after the issue time",
                location: record.location.description)
        }
        // A byte search: the generic `contains(":")` took about 0.6 µs per credential.
        guard id.utf8.contains(UInt8(ascii: ":")) else {
            throw CMEError(
                .invalidRecord, "the credential id must be an absolute URI, such as urn:uuid:…",
                location: record.location.description)
        }
        for (index, status) in statuses.enumerated() {
            guard let entry = status.objectValue, entry["id"]?.stringValue != nil, entry["type"] != nil else {
                throw CMEError(
                    .invalidStatusEntry, "each status entry must be an object with an id and a type",
                    location: "/credentialStatus/\(index)")
            }
        }
        let saltText = IdentityHash.hex(salt ?? Self.randomSalt())
        let parts = shared ?? activityParts(record)
        let subject = try credentialSubject(record, parts: parts, salt: saltText)
        let validFrom = record.activity.completionDate + "T00:00:00Z"

        var credential = JSONObject()
        credential["@context"] = [
            .string(CMEVocabulary.credentialsContext), .string(CMEVocabulary.openBadgesContext),
            .string(CMEVocabulary.cmeContext),
        ]
        credential["id"] = .string(id)
        credential["type"] = ["VerifiableCredential", "OpenBadgeCredential"]
        credential["name"] = parts.name
        credential["description"] = .string(
            record.learner.displayName + " completed " + record.activity.title + " on "
                + record.activity.completionDate + parts.award)
        credential["issuer"] = issuerJSON
        credential["validFrom"] = .string(validFrom)
        credential["awardedDate"] = .string(validFrom)
        credential["credentialSubject"] = subject
        credential["credentialSchema"] = [
            ["id": .string(CMEVocabulary.openBadgesSchema), "type": .string(CMEVocabulary.openBadgesSchemaType)]
        ]
        if statuses.count == 1, let only = statuses.first {
            credential["credentialStatus"] = only
        } else if !statuses.isEmpty {
            credential["credentialStatus"] = .array(statuses)
        }
        return .object(credential)
    }

    /// 16 random bytes from the cryptographically secure generator.
    static func randomSalt() -> [UInt8] {
        var generator = SharedRandomGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for _ in 0..<2 {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return bytes
    }

    /// The subject: the learner's hashed identifiers and name, the activity's parts, the learner's dates.
    private func credentialSubject(_ record: ActivityRecord, parts: ActivityParts, salt: String) throws(CMEError)
        -> JSONValue
    {
        let learner = record.learner
        var identifiers: [JSONValue] = []
        func hashed(_ type: String, _ value: String) {
            identifiers.append([
                "type": "IdentityObject", "identityType": .string(type), "hashed": true,
                "identityHash": .string(IdentityHash.sha256(value, salt: salt)), "salt": .string(salt),
            ])
        }
        if let npi = learner.npi { hashed(CMEVocabulary.IdentityType.npi, npi.digits) }
        if let email = learner.email { hashed(CMEVocabulary.IdentityType.email, email) }
        for license in learner.licenses { hashed(CMEVocabulary.IdentityType.stateLicense, license.description) }
        for board in learner.boardIDs { hashed(CMEVocabulary.IdentityType.board(board.board), board.description) }
        if let dob = learner.dateOfBirth { hashed(CMEVocabulary.IdentityType.birthMonthDay, dob.description) }
        guard learner.did != nil || !identifiers.isEmpty else {
            throw CMEError(
                .invalidRecord, "the learner has no identifier to put in the credential",
                location: record.location.description)
        }

        var subject = JSONObject()
        subject["id"] = learner.did.map { .string($0) }
        subject["type"] = ["AchievementSubject"]
        subject["name"] = .string(learner.displayName)
        if !identifiers.isEmpty { subject["identifier"] = .array(identifiers) }
        subject["achievement"] = parts.achievement
        subject["creditsEarned"] = parts.creditsEarned
        subject["activityStartDate"] = record.activity.startDate.map { .string(DateText.dateTime($0)) }
        subject["activityEndDate"] = record.activity.endDate.map { .string(DateText.dateTime($0)) }
        subject["result"] = parts.results
        return .object(subject)
    }

    /// The id of the result description of one credit type (or `completion`) of an achievement:
    /// `<achievement id>#result-<code>`, or `<achievement id>-result-<code>` when the achievement id already has
    /// a fragment. Every credential of an activity names the same descriptions, as it holds the same achievement.
    static func resultDescriptionID(achievementID: String, _ code: String) -> String {
        achievementID.utf8.contains(UInt8(ascii: "#"))
            ? achievementID + "-result-" + code : achievementID + "#result-" + code
    }
}

/// Credit amounts as statements write them: at least one decimal place (`3.0`, `2.5`, `2.25`).
enum CMEAmount {
    static func text(_ amount: Decimal) -> String {
        let plain = DecimalText.string(amount)
        // A byte search: `contains(_:)` with a string argument goes through Foundation's `range(of:)`.
        return plain.utf8.contains(UInt8(ascii: ".")) ? plain : plain + ".0"
    }
}
