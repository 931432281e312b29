/// Every `@context` URL anywhere in the document is one of the bundled contexts; an unknown URL fails and
/// is never fetched. Inline context objects are allowed.
public struct ContextPolicy: CredentialPolicy {
    public init() {}

    public func checks(for credential: CredentialUnderVerification, context: VerificationContext) -> [Check] {
        [Self.check(.object(credential.json), known: context.knownContexts)]
    }

    /// The context check of any document (credentials, presentations, status lists).
    public static func check(_ document: JSONValue, known: Set<String>) -> Check {
        guard let top = document["@context"] else {
            return .fail("context", .invalidContext, "the document has no @context")
        }
        guard top.asArray.first?.stringValue == "https://www.w3.org/ns/credentials/v2" else {
            return .fail(
                "context", .invalidContext, "the first @context must be https://www.w3.org/ns/credentials/v2 (VC 2.0)")
        }
        var count = 0
        /// The first problem at or below `value` and the JSON Pointer tokens leading to it, innermost first (the
        /// pointer is only built for a problem, so the walk itself allocates nothing).
        func visit(_ value: JSONValue) -> (problem: ContextProblem, tokens: [String])? {
            switch value {
            case .object(let object):
                for member in object.members {
                    if member.key == "@context" {
                        for (index, entry) in member.value.asArray.enumerated() {
                            switch entry {
                            case .string(let url):
                                count += 1
                                if !known.contains(url) { return (.unknown(url), ["@context"]) }
                            case .object: count += 1
                            case .null: break
                            default: return (.notURLOrObject(index), ["@context"])
                            }
                        }
                    } else if member.value.isContainer, var found = visit(member.value) {
                        found.tokens.append(member.key)
                        return found
                    }
                }
            case .array(let items):
                for (index, item) in items.enumerated() where item.isContainer {
                    if var found = visit(item) {
                        found.tokens.append(String(index))
                        return found
                    }
                }
            default: break
            }
            return nil
        }
        var problem: Check?
        if let found = visit(document) {
            let pointer = JSONPointer.pointer(found.tokens.reversed())
            switch found.problem {
            case .unknown(let url):
                problem = .fail(
                    "context", .unknownContext,
                    "\(pointer): @context \(url) is not bundled; cmevc never fetches contexts")
            case .notURLOrObject(let index):
                problem = .fail(
                    "context", .invalidContext, "\(pointer)/\(index): a context must be a URL or an object")
            }
        }
        return problem ?? .pass("context", "\(count) context\(count == 1 ? "" : "s"), all bundled or inline")
    }
}

/// What ``ContextPolicy`` found wrong with one `@context` entry.
private enum ContextProblem {
    /// A URL that is not bundled.
    case unknown(String)
    /// The entry at this index is neither a URL nor an object.
    case notURLOrObject(Int)
}

extension JSONValue {
    /// Whether this is an object or an array.
    fileprivate var isContainer: Bool {
        switch self {
        case .object, .array: true
        default: false
        }
    }
}
