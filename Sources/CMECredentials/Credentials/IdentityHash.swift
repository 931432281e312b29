import Crypto
import Foundation

/// OB 3.0 `IdentityHash`: `sha256$` and the lower-case hex SHA-256 of the UTF-8 identifier followed by the salt.
public enum IdentityHash {
    /// `sha256$<hex>` of `identifier + salt`.
    public static func sha256(_ identifier: String, salt: String) -> String {
        var hasher = SHA256()
        var identifier = identifier
        var salt = salt
        identifier.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        salt.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return hasher.finalize().withUnsafeBytes { hex($0, prefix: "sha256$") }
    }

    /// Whether `hash` (`sha256$<hex>`) is the hash of `identifier` with `salt`. Hex digits compare
    /// case-insensitively, as OB 3.0 allows either case; other algorithms (`md5$`) never match.
    public static func matches(_ hash: String, identifier: String, salt: String) -> Bool {
        guard hash.hasPrefix("sha256$") else { return false }
        return sha256(identifier, salt: salt) == "sha256$" + hash.dropFirst("sha256$".count).lowercased()
    }

    /// Lower-case hex.
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hex($0) }
    }

    /// Lower-case hex of `bytes`, after `prefix`, written straight into the string's storage.
    static func hex(_ bytes: UnsafeRawBufferPointer, prefix: StaticString = "") -> String {
        let digits: StaticString = "0123456789abcdef"
        let prefixCount = prefix.utf8CodeUnitCount
        return String(unsafeUninitializedCapacity: prefixCount + bytes.count * 2) { text in
            for index in 0..<prefixCount { text[index] = prefix.utf8Start[index] }
            for (offset, byte) in bytes.enumerated() {
                text[prefixCount + 2 * offset] = digits.utf8Start[Int(byte >> 4)]
                text[prefixCount + 2 * offset + 1] = digits.utf8Start[Int(byte & 0x0F)]
            }
            return prefixCount + bytes.count * 2
        }
    }
}
