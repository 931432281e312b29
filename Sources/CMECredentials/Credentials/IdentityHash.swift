import Crypto
import Foundation

/// OB 3.0 `IdentityHash`: `sha256$` and the lower-case hex SHA-256 of the UTF-8 identifier followed by the salt.
public enum IdentityHash {
    /// `sha256$<hex>` of `identifier + salt`.
    public static func sha256(_ identifier: String, salt: String) -> String {
        let digest = SHA256.hash(data: Array((identifier + salt).utf8))
        return "sha256$" + hex(Array(digest))
    }

    /// Whether `hash` (`sha256$<hex>`) is the hash of `identifier` with `salt`. Hex digits compare
    /// case-insensitively, as OB 3.0 allows either case; other algorithms (`md5$`) never match.
    public static func matches(_ hash: String, identifier: String, salt: String) -> Bool {
        guard hash.hasPrefix("sha256$") else { return false }
        return sha256(identifier, salt: salt) == "sha256$" + hash.dropFirst("sha256$".count).lowercased()
    }

    /// Lower-case hex.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
