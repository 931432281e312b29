/// A CME topic that state rules count hours for, such as `opioid-prescribing`.
///
/// The list lives in `Schemas/json-schema/topics.json`; ``CMECatalog`` loads it.
public struct CMETopic: Sendable, Hashable {
    /// The canonical code, such as `medical-ethics`.
    public var code: String
    /// The display name, such as "Medical ethics".
    public var name: String
    /// Other spellings a record may use (`ethics`); readers store the canonical ``code``.
    public var aliases: [String]

    /// Creates a topic.
    public init(code: String, name: String, aliases: [String] = []) {
        self.code = code
        self.name = name
        self.aliases = aliases
    }

    /// The framework name credentials put in `Alignment.targetFramework`.
    public static let framework = "cmevc-topics/1"
    /// The base of each topic's `Alignment.targetUrl` (the code is appended).
    public static let baseURL = "https://w3id.org/cmevc/topics#"
}
