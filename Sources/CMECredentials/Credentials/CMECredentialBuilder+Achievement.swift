import Foundation
import VerifiableCredentials

extension CMECredentialBuilder {
    /// The OB 3.0 `Achievement` for the record's activity, with the CME extension terms.
    ///
    /// It depends only on what ``AchievementKey`` holds of the record, so every credential of an activity holds
    /// the same achievement (a batch builds it once per activity); its result descriptions are named after the
    /// achievement (``resultDescriptionID(achievementID:_:)``), not after one credential.
    func achievement(_ record: ActivityRecord) -> JSONValue {
        let activity = record.activity
        let designation = designationStatement(record)
        let accreditation = accreditationStatement(for: activity)
        let id = achievementID(activity.id)

        var achievement = JSONObject()
        achievement["id"] = .string(id)
        achievement["type"] = ["Achievement", .string(CMEVocabulary.achievementType)]
        achievement["achievementType"] = "Course"
        achievement["name"] = .string(activity.title)
        achievement["description"] = .string(activity.description ?? activity.title)
        let narrative = [designationStatement(record, markdown: true), accreditation].compactMap { $0 }
        achievement["criteria"] = [
            "narrative": .string(
                narrative.isEmpty ? "Completion of \(activity.title)." : narrative.joined(separator: "\n\n"))
        ]
        achievement["humanCode"] = .string(activity.id)
        var identifiers: [JSONValue] = [
            [
                "type": "IdentifierEntry", "identifier": .string(activity.id),
                "identifierType": .string(CMEVocabulary.ActivityIdentifier.provider),
            ]
        ]
        if let pars = activity.parsActivityID {
            identifiers.append([
                "type": "IdentifierEntry", "identifier": .string(pars),
                "identifierType": .string(CMEVocabulary.ActivityIdentifier.pars),
            ])
        }
        achievement["otherIdentifier"] = .array(identifiers)
        if let available = record.maxAMACredits ?? record.credits(of: CreditType.amaCategory1) {
            achievement["creditsAvailable"] = .number(DecimalText.double(available))
        }
        if !record.topics.isEmpty {
            achievement["alignment"] = .array(record.topics.map(topicAlignment))
        }
        var descriptions: [JSONValue] = record.credits.map { credit in
            creditDescription(credit, record: record, achievementID: id)
        }
        descriptions.append([
            "id": .string(Self.resultDescriptionID(achievementID: id, "completion")), "type": ["ResultDescription"],
            "name": "Completion", "resultType": "Status",
        ])
        achievement["resultDescription"] = .array(descriptions)
        achievement["activityFormat"] = .string(activity.format.rawValue)
        achievement["parsActivityType"] = .string(activity.format.parsCode)
        achievement["providership"] = .string(activity.jointProvider == nil ? "direct" : "joint")
        if let joint = activity.jointProvider { achievement["jointProviders"] = [.string(joint)] }
        achievement["creditDesignationStatement"] = designation.map { .string($0) }
        achievement["accreditationStatement"] = accreditation.map { .string($0) }
        if !record.topics.isEmpty {
            achievement["topicCredits"] = .array(
                record.resolvedTopicHours.map { topic in
                    ["topic": .string(topic.code), "credits": .number(DecimalText.double(topic.hours))]
                })
        }
        return .object(achievement)
    }

    /// The achievement id: the activity id when it is already an absolute URI, otherwise a URL under the
    /// issuer's web site, otherwise a `urn:cmevc:activity:` URN that names the issuer.
    func achievementID(_ activityID: String) -> String {
        if Self.isAbsoluteURI(activityID) { return activityID }
        let encoded = Self.percentEncoded(activityID)
        if let url = issuer.url, url.hasPrefix("https://") || url.hasPrefix("http://") {
            return (url.hasSuffix("/") ? String(url.dropLast()) : url) + "/activities/" + encoded
        }
        return "urn:cmevc:activity:" + Self.percentEncoded(issuer.id) + ":" + encoded
    }

    /// The AMA credit designation statement with the format's wording, when the record has AMA credit; with
    /// `markdown`, the credit name in italics as the AMA requires (for `criteria.narrative`).
    func designationStatement(_ record: ActivityRecord, markdown: Bool = false) -> String? {
        guard let maximum = record.maxAMACredits ?? record.credits(of: CreditType.amaCategory1) else { return nil }
        let name = maximum == 1 ? "AMA PRA Category 1 Credit" : "AMA PRA Category 1 Credits"
        let unit = markdown ? "*\(name)*™" : "\(name)™"
        return "\(IssuerProfile.withArticle(issuer.name)) designates this \(record.activity.format.designationWording) "
            + "for a maximum of \(CMEAmount.text(maximum)) \(unit). Physicians should claim only the credit "
            + "commensurate with the extent of their participation in the activity."
    }

    /// The accreditation statement for the activity: the joint-providership form when the activity has a joint
    /// provider and the issuer is ACCME-accredited, otherwise the issuer's own statement.
    func accreditationStatement(for activity: Activity) -> String? {
        if let joint = activity.jointProvider, issuer.providerID != nil,
            issuer.accreditationStatement == nil
                || issuer.accreditationStatement == IssuerProfile.accmeAccreditationStatement(providerName: issuer.name)
        {
            return IssuerProfile.accmeJointProvidershipStatement(providerName: issuer.name, jointProvider: joint)
        }
        return issuer.effectiveAccreditationStatement
    }

    private func topicAlignment(_ topic: TopicCredit) -> JSONValue {
        [
            "type": ["Alignment"], "targetName": .string(catalog.topic(topic.code)?.name ?? topic.code),
            "targetUrl": .string(CMETopic.baseURL + topic.code), "targetCode": .string(topic.code),
            "targetFramework": .string(CMETopic.framework), "targetType": "ext:CMETopic",
        ]
    }

    private func creditDescription(_ credit: CreditAmount, record: ActivityRecord, achievementID: String) -> JSONValue {
        let type = catalog.creditType(credit.code)
        let maximum = credit.code == CreditType.amaCategory1 ? (record.maxAMACredits ?? credit.amount) : credit.amount
        return [
            "id": .string(Self.resultDescriptionID(achievementID: achievementID, credit.code)),
            "type": ["ResultDescription"],
            "name": .string(type?.name ?? credit.code), "resultType": .string(CMEVocabulary.creditAmountResultType),
            "valueMin": "0", "valueMax": .string(DecimalText.string(maximum)), "creditType": .string(credit.code),
            "alignment": [
                [
                    "type": ["Alignment"], "targetName": .string(type?.name ?? credit.code),
                    "targetUrl": .string(CMEVocabulary.creditTypesBaseURL + credit.code),
                    "targetCode": .string(credit.code), "targetFramework": .string(CMEVocabulary.creditTypesFramework),
                    "targetDescription": .string(
                        type.map { "Unit: \($0.unit). Awarding body: \($0.awardingBody)." } ?? credit.code),
                ]
            ],
        ]
    }

    /// Whether an activity id is already a URI to use as the achievement id (`https:`, `http:` or `urn:`).
    static func isAbsoluteURI(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("urn:"))
            && !text.unicodeScalars.contains { $0.value <= 0x20 || $0 == "\"" || $0 == "<" || $0 == ">" }
    }

    static func percentEncoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if scalar.isASCII,
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~".unicodeScalars.contains(scalar)
            {
                output.unicodeScalars.append(scalar)
            } else {
                output +=
                    "%" + String(byte >> 4, radix: 16, uppercase: true)
                    + String(byte & 0x0F, radix: 16, uppercase: true)
            }
        }
        return output
    }
}

/// What a record's achievement depends on: records with equal keys share one
/// ``CMECredentialBuilder/achievement(_:)``.
struct AchievementKey: Hashable, Sendable {
    let activity: [String?]
    let format: ActivityFormat
    let credits: [CreditAmount]
    let maxAMACredits: Decimal?
    let topics: [TopicCredit]

    init(_ record: ActivityRecord) {
        let activity = record.activity
        // The achievement uses these activity fields and no others (not the learner's dates).
        self.activity = [
            activity.id, activity.title, activity.description, activity.parsActivityID, activity.jointProvider,
        ]
        format = activity.format
        credits = record.credits
        maxAMACredits = record.maxAMACredits
        topics = record.topics
    }
}
