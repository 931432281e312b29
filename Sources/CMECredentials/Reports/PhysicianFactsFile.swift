public import VerifiableCredentials

/// A physician's facts file for a department report (`NAME.facts.json` next to a presentation, or
/// `facts.json` in a physician's folder):
///
/// ```json
/// {"name": "Dr. Ada Example", "renewalDate": "2027-01-31", "licenseDate": "2012-06-01",
///  "facts": {"specialty": "internal-medicine", "deaRegistered": true, "patientsOver65Percent": 30}}
/// ```
///
/// Every member is optional. Facts are merged over the defaults (`--fact`), and a fact given nowhere stays
/// unknown. Booleans become `"true"`/`"false"`, numbers their shortest decimal text, arrays of strings a
/// comma-separated list, as ``PhysicianFacts`` expects.
public struct PhysicianFactsFile: Sendable, Hashable {
    /// The display name, when given.
    public var name: String?
    /// The facts and dates, merged over the defaults.
    public var facts: PhysicianFacts

    public init(name: String? = nil, facts: PhysicianFacts) {
        self.name = name
        self.facts = facts
    }

    /// Reads a facts file over `defaults` (whose `asOf` is kept).
    ///
    /// - Throws: ``CMEError`` `.invalidEvaluationInput` naming the JSON Pointer of an unknown member or a value
    ///   of the wrong shape.
    public init(json: JSONValue, defaults: PhysicianFacts) throws(CMEError) {
        guard let object = json.objectValue else {
            throw CMEError(.invalidEvaluationInput, "expected a facts object", location: "/")
        }
        var facts = defaults
        var name: String?
        for member in object.members {
            let pointer = "/" + member.key
            switch member.key {
            case "name":
                guard let text = member.value.stringValue else { throw Self.wrong("a string", at: pointer) }
                name = text
            case "renewalDate", "licenseDate":
                guard let text = member.value.stringValue, let date = RuleDate(text) else {
                    throw Self.wrong("a date YYYY-MM-DD", at: pointer)
                }
                if member.key == "renewalDate" { facts.renewalDate = date } else { facts.licenseDate = date }
            case "facts":
                guard let named = member.value.objectValue else { throw Self.wrong("an object", at: pointer) }
                for fact in named.members {
                    facts.facts[fact.key] = try Self.text(fact.value, at: JSONPointer.appending(fact.key, to: pointer))
                }
            default:
                throw CMEError(
                    .invalidEvaluationInput,
                    "unknown member \"\(member.key)\"; expected name, renewalDate, licenseDate or facts",
                    location: pointer)
            }
        }
        self.name = name
        self.facts = facts
    }

    /// A fact value as text.
    private static func text(_ value: JSONValue, at pointer: String) throws(CMEError) -> String {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.ecmaScriptString
        case .array(let items):
            var texts: [String] = []
            for item in items {
                guard let text = item.stringValue else { throw wrong("an array of strings", at: pointer) }
                texts.append(text)
            }
            return texts.joined(separator: ",")
        default: throw wrong("a string, number, boolean or array of strings", at: pointer)
        }
    }

    private static func wrong(_ expected: String, at pointer: String) -> CMEError {
        CMEError(.invalidEvaluationInput, "expected \(expected)", location: pointer)
    }
}
