public import Foundation
import VerifiableCredentials

/// A test over physician facts for `appliesIf` and `exemptIf`, with three-valued logic: a fact that was not
/// given makes a test unknown, never false.
///
/// JSON: `{"fact": NAME, OP: VALUE}` with OP one of `equals` (string, number or Boolean), `notEquals`, `in`
/// (array of strings), `contains` (the fact is a comma-separated list), `lessThan`, `greaterThan` (numbers);
/// or `{"allOf": [...]}`, `{"anyOf": [...]}`, `{"not": {...}}`.
public indirect enum RuleCondition: Sendable, Hashable {
    public enum Test: Sendable, Hashable {
        case equals(String)
        case notEquals(String)
        case isIn([String])
        case contains(String)
        case lessThan(Decimal)
        case greaterThan(Decimal)
    }

    case fact(String, Test)
    case allOf([RuleCondition])
    case anyOf([RuleCondition])
    case not(RuleCondition)

    /// The outcome of a condition.
    public enum Outcome: Sendable, Hashable {
        case yes, no
        case unknown(missing: [String])
    }

    init(json: JSONValue, at path: String) throws(CMEError) {
        guard let object = json.objectValue else { throw .rules("expected a condition object", at: path) }
        if object.contains("allOf") || object.contains("anyOf") {
            let key = object.contains("allOf") ? "allOf" : "anyOf"
            let reader = try RuleJSONReader(json, at: path, allowed: [key])
            guard let entries = try reader.array(key), !entries.isEmpty else {
                throw .rules("expected a non-empty array of conditions", at: reader.at(key))
            }
            var parts: [RuleCondition] = []
            for entry in entries { parts.append(try RuleCondition(json: entry.value, at: entry.path)) }
            self = key == "allOf" ? .allOf(parts) : .anyOf(parts)
            return
        }
        if let inner = object["not"] {
            _ = try RuleJSONReader(json, at: path, allowed: ["not"])
            self = .not(try RuleCondition(json: inner, at: RuleJSONReader.pointer(path, "not")))
            return
        }
        let operators = ["equals", "notEquals", "in", "contains", "lessThan", "greaterThan"]
        let reader = try RuleJSONReader(json, at: path, allowed: ["fact"] + operators)
        let name = try reader.requiredString("fact")
        let given = operators.filter { reader.has($0) }
        guard given.count == 1, let op = given.first, let value = object[op] else {
            throw .rules("expected exactly one of \(operators.joined(separator: ", "))", at: path)
        }
        let test: Test
        switch op {
        case "equals", "notEquals":
            let text: String
            switch value {
            case .string(let string): text = string
            case .bool(let bool): text = bool ? "true" : "false"
            case .number(let number): text = number.ecmaScriptString
            default: throw .rules("expected a string, number or Boolean", at: reader.at(op))
            }
            test = op == "equals" ? .equals(text) : .notEquals(text)
        case "in":
            guard let list = try reader.strings("in") else { throw .rules("expected strings", at: reader.at(op)) }
            test = .isIn(list)
        case "contains":
            test = .contains(try reader.requiredString("contains"))
        default:
            guard let number = value.numberValue, let amount = Decimal(string: number.ecmaScriptString) else {
                throw .rules("expected a number", at: reader.at(op))
            }
            test = op == "lessThan" ? .lessThan(amount) : .greaterThan(amount)
        }
        self = .fact(name, test)
    }

    /// Evaluates the condition over `facts`.
    public func evaluate(_ facts: [String: String]) -> Outcome {
        switch self {
        case .fact(let name, let test):
            guard let value = facts[name]?.trimmingCharacters(in: .whitespaces) else {
                return .unknown(missing: [name])
            }
            return Self.check(test, value) ? .yes : .no
        case .not(let inner):
            switch inner.evaluate(facts) {
            case .yes: return .no
            case .no: return .yes
            case .unknown(let missing): return .unknown(missing: missing)
            }
        case .allOf(let parts), .anyOf(let parts):
            var isAll = false
            if case .allOf = self { isAll = true }
            let decisive: Outcome = isAll ? .no : .yes
            let other: Outcome = isAll ? .yes : .no
            var missing: [String] = []
            for part in parts {
                let outcome = part.evaluate(facts)
                if outcome == decisive { return decisive }
                if case .unknown(let names) = outcome { missing += names.filter { !missing.contains($0) } }
            }
            return missing.isEmpty ? other : .unknown(missing: missing)
        }
    }

    private static func check(_ test: Test, _ value: String) -> Bool {
        switch test {
        case .equals(let expected): return value == expected
        case .notEquals(let expected): return value != expected
        case .isIn(let list): return list.contains(value)
        case .contains(let item):
            return value.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == item }
        case .lessThan(let limit):
            guard let number = Decimal(string: value) else { return false }
            return number < limit
        case .greaterThan(let limit):
            guard let number = Decimal(string: value) else { return false }
            return number > limit
        }
    }
}
