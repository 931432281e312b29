public import Foundation

/// Access to the JSON Schemas and JSON-LD contexts that ship with cmevc.
///
/// The files live in `Schemas/json-schema` and `Schemas/contexts` and are bundled as resources,
/// so a verifier never needs the network to find them.
public enum CMESchemas {
    /// The folder that holds the bundled JSON-LD contexts (`index.json` maps URL to file).
    public static var contextsDirectory: URL? {
        Bundle.module.url(forResource: "contexts", withExtension: nil)
    }

    /// The folder that holds the bundled JSON Schemas.
    public static var schemasDirectory: URL? {
        Bundle.module.url(forResource: "json-schema", withExtension: nil)
    }

    /// The bytes of a bundled JSON Schema, such as `activity-record.schema.json`.
    public static func schema(named name: String) -> Data? {
        guard let url = schemasDirectory?.appendingPathComponent(name) else { return nil }
        return try? Data(contentsOf: url)
    }
}
