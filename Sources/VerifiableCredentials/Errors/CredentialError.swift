/// The one error type of the `VerifiableCredentials` library.
///
/// Each error has a stable ``code`` (compare against it in code and tests), a ``message`` written for a
/// person at a shell, and an optional ``location``: a file and line, a record number, or a JSON Pointer
/// such as `/credentialSubject/achievement/id`. Two errors are equal when their codes are equal.
public struct CredentialError: Error, Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of problem this is; stable across releases.
    public var code: Code
    /// What went wrong, in sentences, without a leading "Error".
    public var message: String
    /// Where the problem is, when known (`"line 3, column 7"`, `"/proof/0/proofValue"`, `"keys/issuer.pem"`).
    public var location: String?
    /// A description of the cause, when another error led to this one.
    public var underlying: String?
    private var sourceLocation: String

    /// Creates an error. Prefer the named static factories, so each message is written once.
    public init(
        _ code: Code, _ message: String, location: String? = nil, underlying: String? = nil,
        fileID: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.underlying = underlying
        self.sourceLocation = "\(fileID):\(line)"
    }

    /// Returns the same error with a location placed in front (for example the file name).
    public func located(_ prefix: String) -> CredentialError {
        var copy = self
        copy.location = location.map { "\(prefix): \($0)" } ?? prefix
        return copy
    }

    public var description: String {
        var text = location.map { "\($0): \(message)" } ?? message
        if let underlying { text += " (\(underlying))" }
        return text
    }

    public var debugDescription: String {
        "CredentialError.\(code): \(description) [\(sourceLocation)]"
    }

    public static func == (lhs: CredentialError, rhs: CredentialError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
