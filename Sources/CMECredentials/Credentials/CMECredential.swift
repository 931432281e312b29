public import Foundation
public import VerifiableCredentials

/// A typed summary of a CME credential from any issuer, for wallets, transcripts and requirement rules.
///
/// Reads the OB 3.0 shape that ``CMECredentialBuilder`` writes, and tolerates other issuers' credentials:
/// single values where arrays are usual, an issuer given as a URL, VC 1.1 `issuanceDate`. Credits are read
/// from `result` values linked to `resultDescription`s that name a credit type. The summary does not verify
/// anything; verify the proof and status first.
public struct CMECredential: Sendable, Hashable {
    /// The credential id.
    public var id: String
    /// The issuer's id (DID or URL).
    public var issuerID: String
    /// The issuer's self-asserted name, when the issuer is an embedded profile.
    public var issuerName: String?
    /// The achievement's id.
    public var achievementID: String
    /// The provider's activity id (`ext:ProviderActivityId`, else `humanCode`, else the achievement id).
    public var activityID: String
    /// The activity title (`achievement.name`).
    public var activityTitle: String
    /// The learning format, when the credential names one cmevc knows.
    public var format: ActivityFormat?
    /// The completion date `YYYY-MM-DD` (from `awardedDate`, else `validFrom`, else `issuanceDate`).
    public var completionDate: String
    /// Credit by credit-type code (`AMA_PRA_CAT1` → 3).
    public var credits: [String: Decimal]
    /// `credentialSubject.creditsEarned` as written, whatever its unit.
    public var creditsEarned: Decimal?
    /// Topic hours (`topicCredits`), or topic codes without hours when only alignments name them.
    public var topicCredits: [TopicCredit]
    /// The holder's id (`credentialSubject.id`), usually a DID.
    public var subjectID: String?
    /// The learner's display name (`credentialSubject.name`).
    public var subjectName: String?
    /// The learner's identifiers, usually hashed.
    public var identifiers: [HashedIdentifier]
    /// Whether the achievement is typed `CMEAchievement` (written by cmevc or a compatible issuer).
    public var isCMEAchievement: Bool
    /// The credential as read.
    public var json: JSONValue

    /// Reads a credential.
    ///
    /// - Throws: ``CMEError`` `.invalidCredential` naming the JSON Pointer of a missing or malformed member.
    public init(json: JSONValue) throws(CMEError) {
        guard let credential = json.objectValue else {
            throw .credential("expected a credential object, found \(json.kindDescription)", at: "/")
        }
        guard let id = credential["id"]?.stringValue else { throw .credential("expected a credential id", at: "/id") }
        guard Self.strings(credential["type"]).contains("VerifiableCredential") else {
            throw .credential("expected a type that includes VerifiableCredential", at: "/type")
        }
        let issuer = credential["issuer"]
        guard let issuerID = issuer?.stringValue ?? issuer?["id"]?.stringValue else {
            throw .credential("expected an issuer id", at: "/issuer")
        }
        guard let subject = (credential["credentialSubject"]?.asArray.first)?.objectValue else {
            throw .credential("expected a credentialSubject object", at: "/credentialSubject")
        }
        guard let achievement = subject["achievement"]?.objectValue else {
            throw .credential("expected an achievement object", at: "/credentialSubject/achievement")
        }
        guard let achievementID = achievement["id"]?.stringValue, let title = achievement["name"]?.stringValue else {
            throw .credential("expected an achievement id and name", at: "/credentialSubject/achievement")
        }
        let dateText =
            credential["awardedDate"]?.stringValue ?? credential["validFrom"]?.stringValue
            ?? credential["issuanceDate"]?.stringValue
        guard let dateText, DateText.instant(dateText) != nil else {
            throw .credential("expected an awardedDate or validFrom date-time", at: "/validFrom")
        }

        self.id = id
        self.issuerID = issuerID
        self.issuerName = issuer?["name"]?.stringValue
        self.achievementID = achievementID
        self.activityTitle = title
        self.completionDate = String(dateText.prefix(10))
        self.isCMEAchievement = Self.isCMEAchievement(achievement)
        self.format =
            achievement["activityFormat"]?.stringValue.flatMap(ActivityFormat.init(rawValue:))
            ?? achievement["parsActivityType"]?.stringValue.flatMap(ActivityFormat.init(parsCode:))
        let others = achievement["otherIdentifier"]?.asArray ?? []
        self.activityID =
            others.first { $0["identifierType"]?.stringValue == CMEVocabulary.ActivityIdentifier.provider }?[
                "identifier"]?.stringValue
            ?? achievement["humanCode"]?.stringValue ?? achievementID
        self.subjectID = subject["id"]?.stringValue
        self.subjectName = subject["name"]?.stringValue
        self.creditsEarned = subject["creditsEarned"].flatMap(Self.amount)
        self.identifiers = (subject["identifier"]?.asArray ?? []).compactMap { entry in
            guard let type = entry["identityType"]?.stringValue, let hash = entry["identityHash"]?.stringValue
            else { return nil }
            return HashedIdentifier(
                identityType: type, identityHash: hash, hashed: entry["hashed"]?.boolValue ?? false,
                salt: entry["salt"]?.stringValue ?? "")
        }
        self.credits = Self.credits(subject: subject, achievement: achievement)
        if credits[CreditType.amaCategory1] == nil, let implied = Self.impliedAMACredits(subject: subject) {
            credits[CreditType.amaCategory1] = implied
        }
        self.topicCredits = Self.topics(achievement)
        self.json = json
    }

    /// Whether the credential names this NPI (OB 3.0 recipient check with the stored salt).
    public func matches(npi: String) -> Bool { matches(identityType: CMEVocabulary.IdentityType.npi, value: npi) }

    /// Whether the credential names this e-mail address (compared lower-case, as cmevc hashes it).
    public func matches(email: String) -> Bool {
        matches(identityType: CMEVocabulary.IdentityType.email, value: email.lowercased())
    }

    /// Whether the credential names this state license (`CA:A123456`, any case).
    public func matches(license: String) -> Bool {
        guard let license = StateLicense(license) else { return false }
        return matches(identityType: CMEVocabulary.IdentityType.stateLicense, value: license.description)
    }

    /// Whether any identifier of this type is `value`.
    public func matches(identityType: String, value: String) -> Bool {
        identifiers.contains { $0.identityType == identityType && $0.matches(value) }
    }

    // MARK: Reading helpers

    private static func strings(_ value: JSONValue?) -> [String] {
        (value?.asArray ?? []).compactMap(\.stringValue)
    }

    /// Whether the achievement's types include `CMEAchievement`.
    static func isCMEAchievement(_ achievement: JSONObject) -> Bool {
        strings(achievement["type"]).contains(CMEVocabulary.achievementType)
    }

    /// The AMA PRA Category 1 credits a subject states as `creditsEarned` for a `CMEAchievement` (cmevc writes
    /// the AMA credits there), which count when no result names AMA PRA Category 1.
    static func impliedAMACredits(subject: JSONObject) -> Decimal? {
        guard let achievement = subject["achievement"]?.objectValue, isCMEAchievement(achievement) else { return nil }
        return subject["creditsEarned"].flatMap(amount)
    }

    /// A credit amount written as a JSON number or a decimal string.
    static func amount(_ value: JSONValue) -> Decimal? {
        if let number = value.numberValue { return DecimalText.decimal(fromJSONNumber: number) }
        if let text = value.stringValue { return DecimalText.decimal(text.trimmingSpaces()) }
        return nil
    }

    private static func credits(subject: JSONObject, achievement: JSONObject) -> [String: Decimal] {
        var codes: [String: String] = [:]  // result description id → credit type code
        for description in achievement["resultDescription"]?.asArray ?? [] {
            guard let id = description["id"]?.stringValue else { continue }
            let aligned = (description["alignment"]?.asArray ?? []).first {
                $0["targetFramework"]?.stringValue == CMEVocabulary.creditTypesFramework
            }
            if let code = description["creditType"]?.stringValue ?? aligned?["targetCode"]?.stringValue {
                codes[id] = code
            }
        }
        var credits: [String: Decimal] = [:]
        for result in subject["result"]?.asArray ?? [] {
            guard let link = result["resultDescription"]?.stringValue, let code = codes[link],
                let value = result["value"].flatMap(amount)
            else { continue }
            credits[code, default: 0] += value
        }
        return credits
    }

    private static func topics(_ achievement: JSONObject) -> [TopicCredit] {
        if let entries = achievement["topicCredits"]?.asArray {
            return entries.compactMap { entry in
                guard let code = entry["topic"]?.stringValue else { return nil }
                return TopicCredit(code: code, hours: entry["credits"].flatMap(amount))
            }
        }
        return (achievement["alignment"]?.asArray ?? []).compactMap { alignment in
            guard alignment["targetFramework"]?.stringValue == CMETopic.framework,
                let code = alignment["targetCode"]?.stringValue
            else { return nil }
            return TopicCredit(code: code)
        }
    }
}
