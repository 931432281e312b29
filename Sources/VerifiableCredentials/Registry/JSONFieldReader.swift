/// Strict reading of a JSON object's members, with errors that name the JSON Pointer of the bad member.
struct JSONFieldReader {
    let object: JSONObject
    let pointer: String
    let errorCode: CredentialError.Code

    init(_ value: JSONValue, at pointer: String, code: CredentialError.Code) throws(CredentialError) {
        guard case .object(let object) = value else {
            throw CredentialError(
                code, "expected an object, found \(value.kindDescription)", location: pointer.isEmpty ? "/" : pointer)
        }
        self.object = object
        self.pointer = pointer
        self.errorCode = code
    }

    func path(_ key: String) -> String { JSONPointer.appending(key, to: pointer) }

    func error(_ key: String, _ message: String) -> CredentialError {
        CredentialError(errorCode, message, location: path(key))
    }

    /// Refuses members not in `allowed`, so a misspelt field is an error, not silently ignored.
    func onlyKeys(_ allowed: Set<String>) throws(CredentialError) {
        for key in object.keys where !allowed.contains(key) {
            throw error(key, "unknown member \"\(key)\"; expected one of \(allowed.sorted().joined(separator: ", "))")
        }
    }

    func string(_ key: String) throws(CredentialError) -> String {
        guard let value = object[key] else { throw error(key, "missing required string") }
        guard let text = value.stringValue, !text.isEmpty else {
            throw error(key, "expected a non-empty string, found \(value.kindDescription)")
        }
        return text
    }

    func optionalString(_ key: String) throws(CredentialError) -> String? {
        guard object[key] != nil else { return nil }
        return try string(key)
    }

    func integer(_ key: String) throws(CredentialError) -> Int {
        guard let value = object[key] else { throw error(key, "missing required integer") }
        guard let number = value.numberValue, number >= 0, number <= 9_007_199_254_740_991,
            number.rounded(.towardZero) == number
        else { throw error(key, "expected a non-negative integer, found \(JSONSerializer.string(value))") }
        return Int(number)
    }

    func optionalInteger(_ key: String) throws(CredentialError) -> Int? {
        guard object[key] != nil else { return nil }
        return try integer(key)
    }

    func date(_ key: String) throws(CredentialError) -> RegistryDate {
        guard let text = try optionalString(key) else { throw error(key, "missing required date") }
        guard let date = RegistryDate(text) else {
            throw error(key, "expected a date (2026-01-31) or date-time (2026-01-31T00:00:00Z), found \"\(text)\"")
        }
        return date
    }

    func optionalDate(_ key: String) throws(CredentialError) -> RegistryDate? {
        guard object[key] != nil else { return nil }
        return try date(key)
    }

    func strings(_ key: String) throws(CredentialError) -> [String] {
        guard let value = object[key] else { return [] }
        guard case .array(let items) = value else { throw error(key, "expected an array of strings") }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard let text = item.stringValue, !text.isEmpty else {
                throw CredentialError(errorCode, "expected a non-empty string", location: path(key) + "/\(index)")
            }
            result.append(text)
        }
        return result
    }

    /// Each element of the array `key` (empty when absent) with its JSON Pointer.
    func elements(_ key: String) throws(CredentialError) -> [(JSONValue, String)] {
        guard let value = object[key] else { return [] }
        guard case .array(let items) = value else {
            throw error(key, "expected an array, found \(value.kindDescription)")
        }
        return items.enumerated().map { ($0.element, path(key) + "/\($0.offset)") }
    }
}
