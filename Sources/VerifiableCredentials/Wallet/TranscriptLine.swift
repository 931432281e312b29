public import Foundation

/// One credential as a transcript line: when, who, what, credits by type, topics.
public struct TranscriptLine: Sendable {
    public var id: String?
    /// `awardedDate`, else `validFrom`.
    public var completed: DateTimeStamp?
    public var provider: String
    public var activity: String
    /// Credit amounts by credit type code, in the credential's order.
    public var credits: [(type: String, amount: Double)]
    public var topics: [String]

    /// Reads the generic OB 3.0 CME shape (DOMAIN §1.7).
    public init(credential: JSONObject) {
        id = credential["id"]?.stringValue
        let dateText = credential["awardedDate"]?.stringValue ?? credential["validFrom"]?.stringValue
        completed = dateText.flatMap(DateTimeStamp.init)
        provider =
            credential["issuer"]?["name"]?.stringValue ?? CredentialUnderVerification.issuerID(of: credential) ?? "?"
        let subject = credential["credentialSubject"]?.asArray.first
        let achievement = subject?["achievement"]
        activity = achievement?["name"]?.stringValue ?? credential["name"]?.stringValue ?? "?"
        var typeByDescription: [String: String] = [:]
        for description in achievement?["resultDescription"]?.asArray ?? [] {
            if let id = description["id"]?.stringValue, let code = description["creditType"]?.stringValue {
                typeByDescription[id] = code
            }
        }
        var credits: [(type: String, amount: Double)] = []
        for result in subject?["result"]?.asArray ?? [] {
            guard let description = result["resultDescription"]?.stringValue, let code = typeByDescription[description],
                let value = result["value"]?.stringValue.flatMap(Double.init) ?? result["value"]?.numberValue
            else { continue }
            credits.append((code, value))
        }
        if credits.isEmpty, let earned = subject?["creditsEarned"]?.numberValue {
            credits.append((typeByDescription.values.sorted().first ?? "credits", earned))
        }
        self.credits = credits
        var topics: [String] = []
        for alignment in achievement?["alignment"]?.asArray ?? []
        where alignment["targetFramework"]?.stringValue != ResultDescriptionCreditTypes.framework {
            if let code = alignment["targetCode"]?.stringValue, !topics.contains(code) { topics.append(code) }
        }
        for entry in achievement?["cme"]?["topicCredits"]?.asArray ?? [] {
            if let code = entry["topic"]?.stringValue, !topics.contains(code) { topics.append(code) }
        }
        self.topics = topics
    }
}

/// Which wallet credentials to present or list.
public struct WalletSelection: Sendable {
    public var since: Date?
    public var until: Date?
    public var creditTypes: [String]
    public var topics: [String]
    public var ids: [String]

    public init(
        since: Date? = nil, until: Date? = nil, creditTypes: [String] = [], topics: [String] = [], ids: [String] = []
    ) {
        self.since = since
        self.until = until
        self.creditTypes = creditTypes
        self.topics = topics
        self.ids = ids
    }

    /// Whether the credential passes every given filter (each list filter is any-of).
    public func matches(_ line: TranscriptLine) -> Bool {
        if !ids.isEmpty, !ids.contains(line.id ?? "") { return false }
        if let since, (line.completed?.date).map({ $0 < since }) ?? true { return false }
        if let until, (line.completed?.date).map({ $0 > until }) ?? true { return false }
        if !creditTypes.isEmpty, !line.credits.contains(where: { creditTypes.contains($0.type) }) { return false }
        if !topics.isEmpty, !line.topics.contains(where: { topics.contains($0) }) { return false }
        return true
    }
}
