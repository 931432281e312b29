public import VerifiableCredentials

/// Where a rule comes from: a public page or regulation, when it was read, and how sure we are.
public struct RuleSource: Sendable, Hashable {
    /// How far the rule's author trusts the source.
    public enum Confidence: String, Sendable, Hashable, CaseIterable {
        case high, medium, low
    }

    /// The page or regulation.
    public var url: String
    /// The date the source was read.
    public var retrieved: RuleDate
    public var confidence: Confidence
    /// What the source says or where in it, free text.
    public var note: String?

    public init(url: String, retrieved: RuleDate, confidence: Confidence, note: String? = nil) {
        self.url = url
        self.retrieved = retrieved
        self.confidence = confidence
        self.note = note
    }

    init(json: JSONValue, at path: String) throws(CMEError) {
        let reader = try RuleJSONReader(json, at: path, allowed: ["url", "retrieved", "confidence", "note"])
        url = try reader.requiredString("url")
        guard let retrieved = try reader.date("retrieved") else {
            throw .rules("missing member \"retrieved\"", at: path)
        }
        self.retrieved = retrieved
        let level = try reader.requiredString("confidence")
        guard let confidence = Confidence(rawValue: level) else {
            throw .rules("expected high, medium or low, got \"\(level)\"", at: reader.at("confidence"))
        }
        self.confidence = confidence
        note = try reader.string("note")
    }

    static func list(_ reader: RuleJSONReader, required: Bool) throws(CMEError) -> [RuleSource] {
        guard let entries = try reader.array("sources") else {
            if required { throw .rules("missing member \"sources\"", at: reader.path) }
            return []
        }
        if entries.isEmpty { throw .rules("expected at least one source", at: reader.at("sources")) }
        var sources: [RuleSource] = []
        for entry in entries { sources.append(try RuleSource(json: entry.value, at: entry.path)) }
        return sources
    }

    /// The source as JSON, for reports.
    public var json: JSONValue {
        var object = JSONObject()
        object["url"] = .string(url)
        object["retrieved"] = .string(retrieved.description)
        object["confidence"] = .string(confidence.rawValue)
        if let note { object["note"] = .string(note) }
        return .object(object)
    }
}
