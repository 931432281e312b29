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
                let value = result["value"].flatMap(Self.amount)
            else { continue }
            credits.append((code, value))
        }
        if credits.isEmpty, let earned = subject?["creditsEarned"].flatMap(Self.amount) {
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

extension TranscriptLine {
    /// The largest credit amount a transcript counts; anything larger is no credit amount (a signed credential
    /// can still claim 1e300 credits, or a value the file system's copy had edited in).
    public static let largestAmount = 1_000_000.0

    /// A credit amount written as a JSON number or as a plain decimal string (`3`, `1.5`, `.25`): finite, from 0
    /// to ``largestAmount``; `nil` for anything else (`"nan"`, `"inf"`, `"1e400"`, signs, spaces).
    static func amount(_ value: JSONValue) -> Double? {
        let number: Double
        if let json = value.numberValue {
            number = json
        } else if let text = value.stringValue, !text.isEmpty, text.utf8.count <= 32,
            text.utf8.allSatisfy({ $0 == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            text.utf8.count(where: { $0 == UInt8(ascii: ".") }) <= 1, let parsed = Double(text)
        {
            number = parsed
        } else {
            return nil
        }
        return number.isFinite && number >= 0 && number <= largestAmount ? number : nil
    }

    /// The credits of `lines` added up by credit type, in the order the types first appear.
    public static func totals(of lines: [TranscriptLine]) -> [(type: String, amount: Double)] {
        var totals: [(type: String, amount: Double)] = []
        for line in lines {
            for credit in line.credits {
                if let index = totals.firstIndex(where: { $0.type == credit.type }) {
                    totals[index].amount += credit.amount
                } else {
                    totals.append(credit)
                }
            }
        }
        return totals
    }

    /// A credit amount as a transcript writes it: a whole number without decimals, else two decimals.
    public static func amountText(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return String(value) }
        return value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
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
