/// RFC 8785 canonical JSON written directly, piece by piece, by a caller that knows its document's members in
/// their canonical order: the same bytes ``JSONCanonicalizer`` writes for the equivalent ``JSONValue``, without
/// building it. The caller writes the syntax and the keys (ASCII text that needs no escaping) as literals, and
/// strings and numbers through ``append(string:)`` and ``append(number:)``, which escape and format them as
/// the canonicalizer does. A test of each caller compares its output with the canonicalizer's.
public struct CanonicalJSONText: ~Copyable {
    private var output: ByteWriter

    public init(capacity: Int = 512) {
        output = ByteWriter(capacity: capacity)
    }

    /// Appends `syntax` as it is: punctuation and keys, such as `{"activity":{"completionDate":`.
    public mutating func append(_ syntax: StaticString) {
        output.append(syntax)
    }

    /// Appends `text` as a JSON string, escaped as RFC 8785 escapes it.
    public mutating func append(string text: String) {
        JSONSerializer.writeString(text, into: &output)
    }

    /// Appends `key` (syntax, such as `,"endDate":`), `value` as a JSON string, then `suffix`, when `value` is
    /// present; nothing when it is nil.
    public mutating func append(_ key: StaticString, ifPresent value: String?, then suffix: StaticString = "") {
        guard let value else { return }
        output.append(key)
        JSONSerializer.writeString(value, into: &output)
        output.append(suffix)
    }

    /// Appends `number` in the ECMAScript form RFC 8785 gives numbers.
    public mutating func append(number: Double) {
        output.append(number.ecmaScriptString)
    }

    /// Appends `bytes`, which must be canonical JSON already (a value canonicalized before).
    public mutating func append(canonical bytes: [UInt8]) {
        bytes.withUnsafeBytes { output.append($0) }
    }

    /// The bytes written.
    public consuming func finish() -> [UInt8] {
        output.finish()
    }
}
