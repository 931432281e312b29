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
        var problem: Check?
        var count = 0
        // The JSON Pointer is only rendered for a problem, so the walk keeps its tokens on a stack.
        var tokens: [String] = []
        func pointer() -> String { tokens.map { "/" + $0 }.joined() }
        func visit(_ value: JSONValue) {
            guard problem == nil else { return }
            switch value {
            case .object(let object):
                for member in object.members {
                    tokens.append(member.key)
                    defer { tokens.removeLast() }
                    if member.key == "@context" {
                        for (index, entry) in member.value.asArray.enumerated() {
                            switch entry {
                            case .string(let url):
                                count += 1
                                if !known.contains(url) {
                                    problem = .fail(
                                        "context", .unknownContext,
                                        "\(pointer()): @context \(url) is not bundled; cmevc never fetches contexts")
                                }
                            case .object: count += 1
                            case .null: break
                            default:
                                problem = .fail(
                                    "context", .invalidContext,
                                    "\(pointer())/\(index): a context must be a URL or an object")
                            }
                        }
                    } else {
                        visit(member.value)
                    }
                }
            case .array(let items):
                for (index, item) in items.enumerated() {
                    tokens.append(String(index))
                    defer { tokens.removeLast() }
                    visit(item)
                }
            default: break
            }
        }
        visit(document)
        return problem ?? .pass("context", "\(count) context\(count == 1 ? "" : "s"), all bundled or inline")
    }
}
