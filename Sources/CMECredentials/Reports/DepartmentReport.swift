public import Foundation

/// A department's compliance at a glance: one ``PhysicianReport`` per physician checked against one rule
/// set, plus the input files that could not be read and the warnings about the inputs as a whole.
///
/// Built by ``DepartmentReportBuilder``; rendered by ``HTMLReportRenderer``, ``CSVReportRenderer`` and
/// ``JSONReportRenderer``.
public struct DepartmentReport: Sendable, Hashable {
    /// A requirement of the rule set, as a report column.
    public struct Column: Sendable, Hashable {
        public var id: String
        public var title: String?

        public init(id: String, title: String?) {
            self.id = id
            self.title = title
        }

        /// The title, else the id.
        public var label: String { title ?? id }
    }

    public var ruleSetID: String
    public var ruleSetTitle: String
    public var asOf: RuleDate
    /// The rule set's credit-type group names, in rule-file order.
    public var creditGroups: [String]
    /// The rule set's requirements, in rule-file order.
    public var requirements: [Column]
    /// The physicians, in the order their first file was added.
    public var physicians: [PhysicianReport]
    /// Files that could not be read (not JSON, neither a credential nor a presentation, a bad facts file).
    public var problems: [ReportProblem]
    /// The rule set's sources.
    public var sources: [RuleSource]
    /// Warnings about the inputs as a whole that did not stop the report (a stale registry, a status list file
    /// that cannot be used), one line each, set by the caller that found them. They do not change ``allClear``.
    public var warnings: [String]

    public init(
        ruleSetID: String, ruleSetTitle: String, asOf: RuleDate, creditGroups: [String], requirements: [Column],
        physicians: [PhysicianReport], problems: [ReportProblem], sources: [RuleSource], warnings: [String] = []
    ) {
        self.ruleSetID = ruleSetID
        self.ruleSetTitle = ruleSetTitle
        self.asOf = asOf
        self.creditGroups = creditGroups
        self.requirements = requirements
        self.physicians = physicians
        self.problems = problems
        self.sources = sources
        self.warnings = warnings
    }

    /// Whether every physician meets everything with no credential left out, and every file was read.
    public var allClear: Bool { problems.isEmpty && physicians.allSatisfy(\.isClear) }

    /// How many physicians are clear.
    public var clearCount: Int { physicians.filter(\.isClear).count }
}

/// One physician's row and detail section in a ``DepartmentReport``.
public struct PhysicianReport: Sendable, Hashable {
    /// The grouping key: the presentation holder's DID, the credential subject's id, or a folder name.
    public var key: String
    /// The display name: from the facts file, else a verified credential's subject name, else ``key``.
    /// Credential subject names are written by issuers: render them escaped.
    public var name: String
    /// The input files that belong to this physician.
    public var files: [String]
    /// How many credentials verified and count.
    public var verifiedCount: Int
    /// Verified credit per credit-type group, completed in the evaluated cycle (up to the as-of day).
    public var creditsByGroup: [GroupCredit]
    /// The evaluation, requirement by requirement, with the credentials not counted.
    public var result: ComplianceResult

    public init(
        key: String, name: String, files: [String], verifiedCount: Int, creditsByGroup: [GroupCredit],
        result: ComplianceResult
    ) {
        self.key = key
        self.name = name
        self.files = files
        self.verifiedCount = verifiedCount
        self.creditsByGroup = creditsByGroup
        self.result = result
    }

    /// The credentials that do not count, with the reason.
    public var notCounted: [NotCountedCredential] { result.notCounted }

    /// Every requirement met (or not applicable) and no credential left out.
    public var isClear: Bool { result.allMet && result.notCounted.isEmpty }

    /// The verified credit of a group.
    public func credits(inGroup name: String) -> Decimal {
        creditsByGroup.first { $0.group == name }?.amount ?? 0
    }
}

/// Verified credit in one credit-type group.
public struct GroupCredit: Sendable, Hashable {
    public var group: String
    public var amount: Decimal

    public init(group: String, amount: Decimal) {
        self.group = group
        self.amount = amount
    }
}

/// An input file that could not be used, with why (one line, naming the file).
public struct ReportProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
