import Foundation
public import VerifiableCredentials

/// Builds a ``DepartmentReport``: sorts verified input files by physician, checks each physician's credentials
/// with a ``ComplianceCheck``, and evaluates them against one ``RuleSet``.
///
/// Files are grouped by the presentation's `holder` (or, for a lone credential, its subject's id) unless the
/// caller names the physician (a physician's folder). A file that cannot be read is a ``ReportProblem``,
/// never a crash, and the other files are still reported. Verification is separate from adding, so callers
/// can verify on all cores:
///
/// ```swift
/// var builder = DepartmentReportBuilder(ruleSet: rules, verifier: verifier, defaults: PhysicianFacts(asOf: day))
/// let documents = ConcurrentMap.map(files) { builder.verify(bytes: $0.bytes, name: $0.name) }
/// for document in documents { builder.add(document) }
/// let report = builder.build()
/// ```
public struct DepartmentReportBuilder: Sendable {
    /// One input file, parsed and verified.
    public struct VerifiedDocument: Sendable {
        public var name: String
        /// The parsed document; `nil` when it was not JSON.
        public var document: JSONValue?
        public var report: DocumentReport

        public init(name: String, document: JSONValue?, report: DocumentReport) {
            self.name = name
            self.document = document
            self.report = report
        }
    }

    private struct Physician: Sendable {
        var key: String
        var check: ComplianceCheck
        var files: [String] = []
        var factsFile: PhysicianFactsFile?
        var subjectName: String?
    }

    public let ruleSet: RuleSet
    public let verifier: Verifier
    /// Facts for physicians without a facts file (and under the facts a file gives).
    public let defaults: PhysicianFacts
    /// The physicians in the order their first file was added, and where each key is in that list.
    private var physicians: [Physician] = []
    private var positions: [String: Int] = [:]
    /// Files that could not be used, in the order they were met.
    public private(set) var problems: [ReportProblem] = []

    public init(ruleSet: RuleSet, verifier: Verifier, defaults: PhysicianFacts) {
        self.ruleSet = ruleSet
        self.verifier = verifier
        self.defaults = defaults
    }

    /// Parses and verifies one file; does not change the builder, so it may run concurrently.
    public func verify(bytes: [UInt8], name: String) -> VerifiedDocument {
        do {
            let document = try JSONParser(limits: verifier.context.limits).parse(bytes)
            return verify(document: document, name: name)
        } catch {
            let explained = UnreadableDocument.explain(error, bytes: bytes)
            let report = DocumentReport(
                name: name, kind: .unreadable, checks: [.fail("json", explained.code, explained.description)])
            return VerifiedDocument(name: name, document: nil, report: report)
        }
    }

    /// Verifies one parsed file; does not change the builder.
    public func verify(document: JSONValue, name: String) -> VerifiedDocument {
        VerifiedDocument(
            name: name, document: document,
            report: verifier.verify(document, name: name, expecting: PresentationExpectations()))
    }

    /// Adds a verified file to its physician: `physician` (a folder name) when given, else the holder the
    /// document names. A file that is neither a credential nor a presentation becomes a ``ReportProblem``.
    /// `facts` is the physician's facts file, when one was found for this file.
    public mutating func add(_ verified: VerifiedDocument, physician: String? = nil, facts: PhysicianFactsFile? = nil) {
        guard verified.report.kind != .unreadable, let document = verified.document else {
            let problem = verified.report.checks.firstProblem
            addProblem(file: verified.name, message: problem?.message ?? "neither a credential nor a presentation")
            return
        }
        let key = physician ?? Self.holder(of: document) ?? verified.name
        let position: Int
        if let known = positions[key] {
            position = known
        } else {
            position = physicians.count
            positions[key] = position
            physicians.append(Physician(key: key, check: ComplianceCheck(verifier: verifier)))
        }
        // Mutated in place, so the physician's lists are never copied.
        physicians[position].check.add(report: verified.report, document: document)
        physicians[position].files.append(verified.name)
        if let facts { physicians[position].factsFile = facts }
        if physicians[position].subjectName == nil {
            physicians[position].subjectName = Self.subjectName(in: document, report: verified.report)
        }
    }

    /// Records a file that could not be used (unreadable, or a bad facts file).
    public mutating func addProblem(file: String, message: String) {
        problems.append(ReportProblem(file: file, message: message))
    }

    /// Evaluates every physician (on all cores; physicians are independent) and assembles the report.
    public func build() -> DepartmentReport {
        let evaluator = ComplianceEvaluator(ruleSet: ruleSet)
        let reports = ConcurrentMap.map(physicians) { (entry: Physician) -> PhysicianReport in
            let key = entry.key
            let facts = entry.factsFile?.facts ?? defaults
            let check = entry.check
            let result = evaluator.evaluate(verified: check.verified, notCounted: check.notCounted, facts: facts)
            return PhysicianReport(
                key: key, name: entry.factsFile?.name ?? entry.subjectName ?? key, files: entry.files,
                verifiedCount: check.verified.count,
                creditsByGroup: creditsByGroup(check.verified, window: result.cycle, asOf: facts.asOf),
                result: result)
        }
        return DepartmentReport(
            ruleSetID: ruleSet.id, ruleSetTitle: ruleSet.title, asOf: defaults.asOf,
            creditGroups: ruleSet.creditGroups.map(\.name),
            requirements: ruleSet.requirements.map { DepartmentReport.Column(id: $0.id, title: $0.title) },
            physicians: reports, problems: problems, sources: ruleSet.sources)
    }

    /// Credit per group from credentials completed in the cycle (when known) and not after the as-of day.
    private func creditsByGroup(_ credits: [VerifiedCredit], window: DateWindow?, asOf: RuleDate) -> [GroupCredit] {
        ruleSet.creditGroups.map { group in
            var total: Decimal = 0
            for credit in credits
            where credit.completionDate <= asOf && (window?.contains(credit.completionDate) ?? true) {
                for code in group.codes { total += credit.credits[code] ?? 0 }
            }
            return GroupCredit(group: group.name, amount: total)
        }
    }

    /// The presentation's holder, else a lone credential's subject id.
    static func holder(of document: JSONValue) -> String? {
        if let holder = document["holder"], let id = holder.stringValue ?? holder["id"]?.stringValue { return id }
        return document["credentialSubject"]?.asArray.first?["id"]?.stringValue
    }

    /// The first subject name among the document's credentials that verified in full.
    static func subjectName(in document: JSONValue, report: DocumentReport) -> String? {
        guard report.checks.allSatisfy({ $0.status != .fail }) else { return nil }
        for credential in report.credentials where credential.verified {
            let json = ComplianceCheck.credentialJSON(in: document, report: report, credential: credential)
            if let name = json?["credentialSubject"]?.asArray.first?["name"]?.stringValue, !name.isEmpty {
                return name
            }
        }
        return nil
    }
}
