/// The error type of the `CMECredentials` library, in the same shape as `CredentialError`.
///
/// Each error has a stable ``code`` (compare against it in code and tests), a ``message`` written for a
/// person at a shell, and an optional ``location``: a file and line, or a JSON Pointer such as
/// `/credentialSubject/achievement`. Two errors are equal when their codes are equal.
public struct CMEError: Error, Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// A stable identifier for a kind of error. New codes may be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name, as printed in JSON reports.
        public let name: String

        /// Creates a code.
        public init(_ name: String) { self.name = name }

        public var description: String { name }

        /// A file could not be read.
        public static let io = Code("io")
        /// A records file has an extension that names no known record format.
        public static let unsupportedFormat = Code("unsupportedFormat")
        /// A bundled catalog (credit types, topics) is missing or malformed.
        public static let invalidCatalog = Code("invalidCatalog")
        /// An activity record cannot be turned into a credential.
        public static let invalidRecord = Code("invalidRecord")
        /// An issuer profile is missing a member or has one of the wrong shape.
        public static let invalidIssuerProfile = Code("invalidIssuerProfile")
        /// A credential status entry is not an object with an `id`.
        public static let invalidStatusEntry = Code("invalidStatusEntry")
        /// A credential does not have the CME credential shape.
        public static let invalidCredential = Code("invalidCredential")
    }

    /// What kind of problem this is; stable across releases.
    public var code: Code
    /// What went wrong, in sentences, without a leading "Error".
    public var message: String
    /// Where the problem is, when known (`"attendance.csv:14"`, `"/issuer/id"`).
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

    public var description: String {
        var text = location.map { "\($0): \(message)" } ?? message
        if let underlying { text += " (\(underlying))" }
        return text
    }

    public var debugDescription: String {
        "CMEError.\(code): \(description) [\(sourceLocation)]"
    }

    public static func == (lhs: CMEError, rhs: CMEError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

extension CMEError {
    /// A credential member is missing or has the wrong shape.
    static func credential(_ message: String, at pointer: String) -> CMEError {
        CMEError(.invalidCredential, message, location: pointer)
    }

    /// An issuer profile member is missing or has the wrong shape.
    static func issuerProfile(_ message: String, at pointer: String) -> CMEError {
        CMEError(.invalidIssuerProfile, message, location: pointer)
    }
}
