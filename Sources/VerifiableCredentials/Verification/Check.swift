/// The outcome of one verification check.
public enum CheckStatus: String, Sendable, Hashable {
    case pass
    case fail
    /// The check could not be decided (for example a status list is missing); never counts as a pass.
    case unknown
}

/// One named check with its outcome and, unless it passed, a stable code and a reason for a person.
public struct Check: Sendable, Hashable, CustomStringConvertible {
    /// A short stable name, such as `signature`, `proofPurpose` or `status`.
    public var name: String
    public var status: CheckStatus
    /// Why it failed or is unknown (nil when it passed).
    public var code: CredentialError.Code?
    /// What was checked and what was found.
    public var message: String

    public init(_ name: String, _ status: CheckStatus, code: CredentialError.Code? = nil, _ message: String) {
        self.name = name
        self.status = status
        self.code = code
        self.message = message
    }

    /// A passed check.
    public static func pass(_ name: String, _ message: String) -> Check { Check(name, .pass, message) }
    /// A failed check.
    public static func fail(_ name: String, _ code: CredentialError.Code, _ message: String) -> Check {
        Check(name, .fail, code: code, message)
    }
    /// A check that could not be decided.
    public static func unknown(_ name: String, _ code: CredentialError.Code, _ message: String) -> Check {
        Check(name, .unknown, code: code, message)
    }

    public var description: String { "\(status.rawValue) \(name): \(message)" }

    /// The check as JSON, for `--format json` reports.
    public var json: JSONValue {
        var object = JSONObject()
        object["check"] = .string(name)
        object["result"] = .string(status.rawValue)
        if let code { object["code"] = .string(code.name) }
        object["reason"] = .string(message)
        return .object(object)
    }
}

extension Array where Element == Check {
    /// Whether every check passed (an empty list does not count as verified).
    public var allPassed: Bool { !isEmpty && allSatisfy { $0.status == .pass } }
    /// The first check that did not pass.
    public var firstProblem: Check? { first { $0.status != .pass } }
}
