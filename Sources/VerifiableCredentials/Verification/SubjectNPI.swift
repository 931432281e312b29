import Crypto

/// Matching a physician's NPI against a credential's hashed NPI identifiers (OB 3.0 `IdentityObject` with
/// `identityType` `ext:NPI`, `hashed` true, `identityHash` = `sha256$` + hex(SHA-256(npi + salt))).
public enum SubjectNPI {
    /// The `identityHash` of `npi` with `salt`.
    public static func identityHash(npi: String, salt: String) -> String {
        "sha256$"
            + SHA256.hash(data: Array((npi + salt).utf8)).map { byte in
                let hex = String(byte, radix: 16)
                return byte < 16 ? "0" + hex : hex
            }.joined()
    }

    /// Whether any hashed NPI identifier of any subject matches `npi`.
    public static func matches(_ credential: JSONObject, npi: String) -> Bool {
        for subject in credential["credentialSubject"]?.asArray ?? [] {
            for identifier in subject["identifier"]?.asArray ?? []
            where identifier["identityType"]?.stringValue == "ext:NPI" {
                guard let hash = identifier["identityHash"]?.stringValue else { continue }
                if identifier["hashed"]?.boolValue == true {
                    if hash.hasPrefix("sha256$"),
                        "sha256$" + hash.dropFirst(7).lowercased()
                            == identityHash(npi: npi, salt: identifier["salt"]?.stringValue ?? "")
                    {
                        return true
                    }
                } else if hash == npi {
                    return true
                }
            }
        }
        return false
    }

    /// The `subjectNPI` check.
    public static func check(_ credential: JSONObject, npi: String) -> Check {
        matches(credential, npi: npi)
            ? .pass("subjectNPI", "a hashed NPI identifier matches")
            : .fail("subjectNPI", .subjectNPIMismatch, "no NPI identifier of the credential matches the expected NPI")
    }
}
