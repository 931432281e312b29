/// The verification of one credential: every check, in order, and who issued it according to the registry.
public struct CredentialReport: Sendable {
    /// The credential's position in its file (0 for a lone credential) and JSON Pointer.
    public var index: Int
    public var pointer: String
    public var id: String?
    public var issuer: String?
    /// The issuer's display name from the registry (never the self-asserted one).
    public var issuerName: String?
    public var checks: [Check]

    public init(
        index: Int, pointer: String, id: String? = nil, issuer: String? = nil, issuerName: String? = nil,
        checks: [Check] = []
    ) {
        self.index = index
        self.pointer = pointer
        self.id = id
        self.issuer = issuer
        self.issuerName = issuerName
        self.checks = checks
    }

    /// Whether every check passed.
    public var verified: Bool { checks.allPassed }

    /// The first check with this name.
    public func check(_ name: String) -> Check? { checks.first { $0.name == name } }

    public var json: JSONValue {
        var object = JSONObject()
        object["credential"] = .number(Double(index + 1))
        object["pointer"] = .string(pointer)
        if let id { object["id"] = .string(id) }
        if let issuer { object["issuer"] = .string(issuer) }
        if let issuerName { object["issuerName"] = .string(issuerName) }
        object["verified"] = .bool(verified)
        object["checks"] = .array(checks.map(\.json))
        return .object(object)
    }
}

/// The verification of one input: a credential or a presentation (and each credential it holds).
public struct DocumentReport: Sendable {
    public enum Kind: String, Sendable {
        case credential, presentation
        /// Not JSON, over a limit, or neither a credential nor a presentation.
        case unreadable
    }

    /// The file name or another label for the input.
    public var name: String
    public var kind: Kind
    /// Document-level checks: JSON, and for a presentation its structure, holder proof and bindings.
    public var checks: [Check]
    public var credentials: [CredentialReport]

    public init(name: String, kind: Kind, checks: [Check] = [], credentials: [CredentialReport] = []) {
        self.name = name
        self.kind = kind
        self.checks = checks
        self.credentials = credentials
    }

    /// Verified only when every check passed and at least one credential was verified in full.
    public var verified: Bool {
        checks.allSatisfy { $0.status == .pass } && !credentials.isEmpty && credentials.allSatisfy(\.verified)
    }

    /// Every check, document-level first.
    public var allChecks: [Check] { checks + credentials.flatMap(\.checks) }

    /// The first check with this name, anywhere in the report.
    public func check(_ name: String) -> Check? { allChecks.first { $0.name == name } }

    public var json: JSONValue {
        var object = JSONObject()
        object["file"] = .string(name)
        object["kind"] = .string(kind.rawValue)
        object["verified"] = .bool(verified)
        object["checks"] = .array(checks.map(\.json))
        object["credentials"] = .array(credentials.map(\.json))
        return .object(object)
    }
}
