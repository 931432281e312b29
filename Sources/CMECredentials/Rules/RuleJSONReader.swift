import Foundation
import VerifiableCredentials

/// Strict reading of one JSON object in a rule file: unknown members are rejected and every error names
/// the JSON Pointer of the offending member.
struct RuleJSONReader {
    let object: JSONObject
    let path: String

    init(_ value: JSONValue, at path: String, allowed: [String]) throws(CMEError) {
        guard let object = value.objectValue else {
            throw .rules("expected an object, found \(value.kindDescription)", at: path)
        }
        for key in object.keys where !allowed.contains(where: { JSONObject.sameKey($0, key) }) {
            throw .rules("unknown member \"\(key)\"", at: Self.pointer(path, key))
        }
        self.object = object
        self.path = path
    }

    /// The pointer to a member of this object.
    func at(_ key: String) -> String { Self.pointer(path, key) }

    static func pointer(_ path: String, _ token: String) -> String {
        JSONPointer.appending(token, to: path)
    }

    func has(_ key: String) -> Bool { object.contains(key) }

    func string(_ key: String) throws(CMEError) -> String? {
        guard let value = object[key] else { return nil }
        guard let text = value.stringValue, !text.isEmpty else {
            throw .rules("expected a non-empty string, found \(value.kindDescription)", at: at(key))
        }
        return text
    }

    func requiredString(_ key: String) throws(CMEError) -> String {
        guard let text = try string(key) else { throw .rules("missing member \"\(key)\"", at: path) }
        return text
    }

    func date(_ key: String) throws(CMEError) -> RuleDate? {
        guard let text = try string(key) else { return nil }
        guard let date = RuleDate(text), text.utf8.count == 10 else {
            throw .rules("expected a date YYYY-MM-DD, got \"\(text)\"", at: at(key))
        }
        return date
    }

    func bool(_ key: String) throws(CMEError) -> Bool? {
        guard let value = object[key] else { return nil }
        guard let bool = value.boolValue else { throw .rules("expected true or false", at: at(key)) }
        return bool
    }

    /// A non-negative decimal amount (credits, hours, percent).
    func decimal(_ key: String) throws(CMEError) -> Decimal? {
        guard let value = object[key] else { return nil }
        guard let number = value.numberValue, let amount = DecimalText.decimal(fromJSONNumber: number) else {
            throw .rules("expected a non-negative number, found \(value.kindDescription)", at: at(key))
        }
        return amount
    }

    /// A positive whole number.
    func int(_ key: String) throws(CMEError) -> Int? {
        guard let value = object[key] else { return nil }
        guard let number = value.numberValue, number >= 1, number <= 100_000, number.rounded() == number else {
            throw .rules("expected a positive whole number", at: at(key))
        }
        return Int(number)
    }

    func strings(_ key: String) throws(CMEError) -> [String]? {
        guard let value = object[key] else { return nil }
        guard let array = value.arrayValue, !array.isEmpty else {
            throw .rules("expected a non-empty array of strings", at: at(key))
        }
        var result: [String] = []
        for (index, element) in array.enumerated() {
            guard let text = element.stringValue, !text.isEmpty else {
                throw .rules("expected a non-empty string", at: Self.pointer(at(key), String(index)))
            }
            result.append(text)
        }
        return result
    }

    /// The elements of an array member with their pointers.
    func array(_ key: String) throws(CMEError) -> [(value: JSONValue, path: String)]? {
        guard let value = object[key] else { return nil }
        guard let array = value.arrayValue else {
            throw .rules("expected an array, found \(value.kindDescription)", at: at(key))
        }
        return array.enumerated().map { ($0.element, Self.pointer(at(key), String($0.offset))) }
    }
}
