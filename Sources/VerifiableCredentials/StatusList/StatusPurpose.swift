/// The `statusPurpose` of a status list or status entry.
///
/// The value is an arbitrary string; the specification fixes the meaning of the four constants below.
public struct StatusPurpose: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a purpose from its string.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Cancels the validity of a credential; not reversible.
    public static let revocation = StatusPurpose("revocation")
    /// Temporarily prevents acceptance of a credential; reversible.
    public static let suspension = StatusPurpose("suspension")
    /// Signals that an updated credential is available through the refresh service.
    public static let refresh = StatusPurpose("refresh")
    /// Conveys one of the messages listed in the entry's `statusMessage`.
    public static let message = StatusPurpose("message")

    public var description: String { rawValue }
}
