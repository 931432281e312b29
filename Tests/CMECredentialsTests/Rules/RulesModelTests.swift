import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

/// `cme-rules/1` files: the examples load and validate against the JSON Schema; malformed files are rejected
/// with the JSON Pointer of the problem, by the Swift model and (where a schema can tell) by the schema.
@Suite("Rules: cme-rules/1 model and schema")
struct RulesModelTests {
    typealias F = RuleFixtures

    static let schemaPath = SharedFiles.packageDirectory.appendingPathComponent(
        "Schemas/json-schema/cme-rules.schema.json"
    ).path

    /// Prints, per stdin line (one JSON document), the number of schema errors.
    static let schemaCheck = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        v = jsonschema.Draft202012Validator(schema)
        for line in sys.stdin:
            if line.strip():
                print(len(list(v.iter_errors(json.loads(line)))))
        """

    static func schemaErrorCounts(_ documents: [JSONValue]) throws -> [Int] {
        let input = documents.map { JSONSerializer.string($0) }.joined(separator: "\n")
        let output = try Python.run(schemaCheck, arguments: [schemaPath], input: input)
        try #require(output.status == 0, "jsonschema failed: \(output.stderr)")
        return output.stdout.split(separator: "\n").compactMap { Int($0) }
    }

    @Test(arguments: RuleFixtures.exampleNames)
    func exampleLoadsIntoTheModel(_ name: String) throws {
        let rules = try F.ruleSet(name)
        #expect(!rules.sources.isEmpty)
        #expect(rules.evaluationOrder.count == rules.requirements.count)
    }

    @Test func examplesValidateAgainstTheSchema() throws {
        let documents = try RuleFixtures.exampleNames.map(F.json)
        #expect(try Self.schemaErrorCounts(documents) == Array(repeating: 0, count: documents.count))
    }

    static func document(_ requirements: String, cycle: String = #"{"kind": "rolling", "lengthMonths": 24}"#) -> String
    {
        """
        {"format": "cme-rules/1", "id": "X", "title": "T", "jurisdiction": "US-XX",
         "sources": [{"url": "https://example.org", "retrieved": "2026-01-01", "confidence": "high"}],
         "cycle": \(cycle), "creditTypes": {"cat1": ["AMA_PRA_CAT1"]}, "requirements": [\(requirements)]}
        """
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var pointer: String
        /// Whether the JSON Schema can tell (references and loops it cannot).
        var schemaRejects: Bool
        var testDescription: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(
            name: "unknown member", text: document(#"{"id": "t", "kind": "min", "amount": 1, "amout": 2}"#),
            pointer: "/requirements/0/amout", schemaRejects: true),
        BadCase(
            name: "min without amount", text: document(#"{"id": "t", "kind": "min"}"#),
            pointer: "/requirements/0", schemaRejects: true),
        BadCase(
            name: "unknown kind", text: document(#"{"id": "t", "kind": "most", "amount": 1}"#),
            pointer: "/requirements/0/kind", schemaRejects: true),
        BadCase(
            name: "negative amount", text: document(#"{"id": "t", "kind": "min", "amount": -1}"#),
            pointer: "/requirements/0/amount", schemaRejects: true),
        BadCase(
            name: "bad recurrence",
            text: document(#"{"id": "t", "kind": "min", "amount": 1, "recurrence": {"everyYears": 8, "offset": 1}}"#),
            pointer: "/requirements/0/recurrence/offset", schemaRejects: true),
        BadCase(
            name: "condition with two tests",
            text: document(
                #"{"id": "t", "kind": "min", "amount": 1, "appliesIf": {"fact": "a", "equals": true, "in": ["x"]}}"#),
            pointer: "/requirements/0/appliesIf", schemaRejects: true),
        BadCase(
            name: "fixed cycle without start",
            text: document(
                #"{"id": "t", "kind": "min", "amount": 1}"#, cycle: #"{"kind": "fixed", "lengthMonths": 24}"#),
            pointer: "/cycle", schemaRejects: true),
        BadCase(
            name: "fixed cycle end inconsistent",
            text: document(
                #"{"id": "t", "kind": "min", "amount": 1}"#,
                cycle: #"{"kind": "fixed", "lengthMonths": 24, "start": "odd-year-01-01", "end": "even-year-11-30"}"#),
            pointer: "/cycle/end", schemaRejects: false),
        BadCase(
            name: "dangling within", text: document(#"{"id": "t", "kind": "min", "amount": 1, "within": "nope"}"#),
            pointer: "/requirements/0/within", schemaRejects: false),
        BadCase(
            name: "unknown credit group", text: document(#"{"id": "t", "kind": "min", "amount": 1, "credit": "cat9"}"#),
            pointer: "/requirements/0/credit", schemaRejects: false),
        BadCase(
            name: "duplicate id",
            text: document(#"{"id": "t", "kind": "min", "amount": 1}, {"id": "t", "kind": "min", "amount": 2}"#),
            pointer: "/requirements/1/id", schemaRejects: false),
        BadCase(
            name: "exclusion loop",
            text: document(
                #"{"id": "a", "kind": "min", "amount": 1, "excludeCreditsUsedBy": ["b"]}, {"id": "b", "kind": "min", "amount": 1, "excludeCreditsUsedBy": ["a"]}"#
            ),
            pointer: "/requirements/0", schemaRejects: false),
    ]

    @Test(arguments: badCases)
    func malformedRulesAreRejectedWithThePointer(_ bad: BadCase) throws {
        let json = try JSONParser.parse(bad.text)
        let error = #expect(throws: CMEError.self) { try RuleSet(json: json) }
        #expect(error?.code == .invalidRules)
        #expect(error?.location == bad.pointer)
    }

    @Test func schemaRejectsWhatItCanExpress() throws {
        let cases = Self.badCases.filter(\.schemaRejects)
        let counts = try Self.schemaErrorCounts(try cases.map { try JSONParser.parse($0.text) })
        #expect(counts.count == cases.count)
        for (bad, count) in zip(cases, counts) { #expect(count > 0, "schema accepted: \(bad.name)") }
    }

    @Test func evaluationOrderPutsDependenciesFirst() throws {
        let rules = try F.ruleSet("pennsylvania")
        let order = rules.evaluationOrder
        let position = { (id: String) in order.firstIndex(of: id) ?? -1 }
        #expect(position("child-abuse") < position("patient-safety"))
        #expect(position("opioids") < position("patient-safety"))
        let michigan = try F.ruleSet("michigan").evaluationOrder
        #expect(michigan.firstIndex(of: "human-trafficking") ?? 99 < michigan.firstIndex(of: "total") ?? -1)
    }

    @Test func dateArithmeticClampsToMonthEnds() throws {
        #expect(try F.date("2024-01-31").adding(months: 1) == (try F.date("2024-02-29")))
        #expect(try F.date("2025-03-01").adding(days: -1) == (try F.date("2025-02-28")))
        #expect(try F.date("2026-12-31").adding(days: 1) == (try F.date("2027-01-01")))
        #expect(RuleDate("2025-02-29") == nil)
        #expect(try F.date("2025-01-15").months(until: try F.date("2026-01-14")) == 11)
    }
}
