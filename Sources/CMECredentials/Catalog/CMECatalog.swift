import CMESchemas
import Foundation
public import VerifiableCredentials

/// The credit types and topics cmevc knows, read from the bundled `credit-types.json` and `topics.json`.
public struct CMECatalog: Sendable, Hashable {
    /// The credit types, in file order.
    public var creditTypes: [CreditType]
    /// The topics, in file order.
    public var topics: [CMETopic]

    /// Creates a catalog from lists.
    public init(creditTypes: [CreditType], topics: [CMETopic]) {
        self.creditTypes = creditTypes
        self.topics = topics
    }

    /// The credit type with this code.
    public func creditType(_ code: String) -> CreditType? {
        creditTypes.first { $0.code == code }
    }

    /// The topic with this code or alias.
    public func topic(_ codeOrAlias: String) -> CMETopic? {
        topics.first { $0.code == codeOrAlias } ?? topics.first { $0.aliases.contains(codeOrAlias) }
    }

    /// The catalog bundled with cmevc; empty only if the bundle is broken (``loadBundled()`` says why).
    public static let bundled: CMECatalog = (try? loadBundled()) ?? CMECatalog(creditTypes: [], topics: [])

    /// Loads the bundled catalog.
    public static func loadBundled() throws(CMEError) -> CMECatalog {
        let credits = try bundledJSON("credit-types.json")
        let topics = try bundledJSON("topics.json")
        return try CMECatalog(creditTypesJSON: credits, topicsJSON: topics)
    }

    /// Reads a catalog from the two files' JSON.
    public init(creditTypesJSON: JSONValue, topicsJSON: JSONValue) throws(CMEError) {
        guard let creditList = creditTypesJSON["creditTypes"]?.arrayValue else {
            throw CMEError(.invalidCatalog, "credit-types.json has no creditTypes array")
        }
        var creditTypes: [CreditType] = []
        for (index, entry) in creditList.enumerated() {
            guard let code = entry["code"]?.stringValue, let name = entry["name"]?.stringValue,
                let unit = entry["unit"]?.stringValue, let body = entry["awardingBody"]?.stringValue,
                let designated = entry["providerDesignated"]?.boolValue
            else {
                throw CMEError(
                    .invalidCatalog, "credit type \(index) lacks code, name, unit, awardingBody or providerDesignated",
                    location: "credit-types.json")
            }
            let step = entry["step"]?.numberValue.flatMap { DecimalText.decimal(fromJSONNumber: $0) }
            creditTypes.append(
                CreditType(
                    code: code, name: name, unit: unit, step: step, awardingBody: body, providerDesignated: designated))
        }
        guard let topicList = topicsJSON["topics"]?.arrayValue else {
            throw CMEError(.invalidCatalog, "topics.json has no topics array")
        }
        var topics: [CMETopic] = []
        for (index, entry) in topicList.enumerated() {
            guard let code = entry["code"]?.stringValue, let name = entry["name"]?.stringValue else {
                throw CMEError(.invalidCatalog, "topic \(index) lacks code or name", location: "topics.json")
            }
            let aliases = (entry["aliases"]?.arrayValue ?? []).compactMap(\.stringValue)
            topics.append(CMETopic(code: code, name: name, aliases: aliases))
        }
        self.init(creditTypes: creditTypes, topics: topics)
    }

    private static func bundledJSON(_ name: String) throws(CMEError) -> JSONValue {
        guard let data = CMESchemas.schema(named: name) else {
            throw CMEError(.invalidCatalog, "the bundled \(name) is missing")
        }
        do {
            return try JSONParser.parse(Array(data))
        } catch {
            throw CMEError(.invalidCatalog, "the bundled \(name) is not valid JSON", underlying: error.description)
        }
    }
}
