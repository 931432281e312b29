public import VerifiableCredentials

/// A `cme-rules/1` rule file: one jurisdiction's (or board's) CME requirements for one license type.
///
/// Read with ``init(json:)``, which rejects unknown members, wrong shapes and dangling references, naming the
/// JSON Pointer. See `Schemas/json-schema/cme-rules.schema.json` for the format.
public struct RuleSet: Sendable, Hashable {
    /// The format identifier this model reads.
    public static let formatName = "cme-rules/1"

    public var id: String
    public var title: String
    public var jurisdiction: String
    public var licenseTypes: [String]
    /// When the rules took effect; informational (evaluation does not check it).
    public var effectiveFrom: RuleDate?
    public var effectiveUntil: RuleDate?
    public var sources: [RuleSource]
    public var cycle: RuleCycle
    /// Credit-type groups in file order: a name (`cat1`) and the credit-type codes it accepts.
    public var creditGroups: [(name: String, codes: [String])]
    /// The id of the requirement that is the total (the `total` member, else a requirement with id `total`).
    public var totalID: String?
    public var requirements: [RuleRequirement]
    /// Topics whose hours never count (PA: office management).
    public var excludedTopics: [String]
    /// When false, no hour counts toward two topic requirements unless one is nested in the other.
    public var allowDoubleCounting: Bool
    /// Days after expiry during which a renewal is still accepted; informational (evaluation does not use it).
    public var gracePeriodDays: Int?
    public var note: String?
    /// Requirement ids in the order evaluation allocates them (dependencies first, then file order).
    public private(set) var evaluationOrder: [String]

    /// Reads and checks a rule file.
    public init(json: JSONValue) throws(CMEError) {
        let reader = try RuleJSONReader(
            json, at: "",
            allowed: [
                "$schema", "format", "id", "title", "jurisdiction", "licenseTypes", "effective", "sources", "cycle",
                "creditTypes", "total", "requirements", "excludedTopics", "allowDoubleCounting", "gracePeriodDays",
                "note",
            ])
        let format = try reader.requiredString("format")
        guard format == Self.formatName else {
            throw .rules("expected format \"\(Self.formatName)\", got \"\(format)\"", at: reader.at("format"))
        }
        id = try reader.requiredString("id")
        title = try reader.requiredString("title")
        jurisdiction = try reader.requiredString("jurisdiction")
        licenseTypes = try reader.strings("licenseTypes") ?? []
        if let value = reader.object["effective"] {
            let inner = try RuleJSONReader(value, at: reader.at("effective"), allowed: ["from", "until"])
            effectiveFrom = try inner.date("from")
            effectiveUntil = try inner.date("until")
        }
        sources = try RuleSource.list(reader, required: true)
        guard let cycleValue = reader.object["cycle"] else { throw .rules("missing member \"cycle\"", at: "/") }
        cycle = try RuleCycle(json: cycleValue, at: reader.at("cycle"))
        creditGroups = []
        if let value = reader.object["creditTypes"] {
            guard let groups = value.objectValue else {
                throw .rules("expected an object", at: reader.at("creditTypes"))
            }
            let inner = try RuleJSONReader(value, at: reader.at("creditTypes"), allowed: groups.keys)
            for name in groups.keys { creditGroups.append((name, try inner.strings(name) ?? [])) }
        }
        guard let entries = try reader.array("requirements"), !entries.isEmpty else {
            throw .rules("expected a non-empty requirements array", at: reader.at("requirements"))
        }
        requirements = []
        var paths: [String: String] = [:]
        for entry in entries {
            let requirement = try RuleRequirement(json: entry.value, at: entry.path)
            guard paths[requirement.id] == nil else {
                throw .rules("duplicate requirement id \"\(requirement.id)\"", at: entry.path + "/id")
            }
            paths[requirement.id] = entry.path
            requirements.append(requirement)
        }
        let total = try reader.string("total")
        totalID = total ?? (paths["total"] != nil ? "total" : nil)
        if let total, paths[total] == nil {
            throw .rules("no requirement has id \"\(total)\"", at: reader.at("total"))
        }
        excludedTopics = try reader.strings("excludedTopics") ?? []
        allowDoubleCounting = try reader.bool("allowDoubleCounting") ?? true
        gracePeriodDays = try reader.int("gracePeriodDays")
        note = try reader.string("note")
        evaluationOrder = []
        try checkReferences(paths)
        evaluationOrder = try Self.order(requirements, totalID: totalID, paths: paths)
    }

    /// The requirement with this id.
    public func requirement(_ id: String) -> RuleRequirement? {
        requirements.first { $0.id == id }
    }

    /// The credit-type codes of a group; `nil` for an unknown group.
    public func codes(ofGroup name: String) -> [String]? {
        creditGroups.first { $0.name == name }?.codes
    }

    public static func == (lhs: RuleSet, rhs: RuleSet) -> Bool {
        lhs.id == rhs.id && lhs.requirements == rhs.requirements && lhs.cycle == rhs.cycle
            && lhs.creditGroups.map(\.name) == rhs.creditGroups.map(\.name)
            && lhs.creditGroups.map(\.codes) == rhs.creditGroups.map(\.codes)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(requirements)
    }
}
