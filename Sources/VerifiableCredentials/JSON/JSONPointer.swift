/// JSON Pointers (RFC 6901) as errors and reports write them: `/credentialSubject/identifier/0`.
public enum JSONPointer {
    /// One reference token escaped (RFC 6901 §3): `~` becomes `~0` and `/` becomes `~1`, so that a member
    /// name such as `a/b` is one token, not two.
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
            return token
        }
        var escaped = ""
        for scalar in token.unicodeScalars {
            switch scalar {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// The pointer made of member names and array indexes `tokens`, each escaped (`["a/b", "0"]` → `/a~1b/0`).
    public static func pointer(_ tokens: some Sequence<String>) -> String {
        tokens.map { "/" + escape($0) }.joined()
    }

    /// `pointer` followed by the member name or array index `token`, escaped.
    public static func appending(_ token: String, to pointer: String) -> String { pointer + "/" + escape(token) }
}
