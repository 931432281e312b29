import Crypto
import Foundation
import GRDB
import VerifiableCredentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text that many credentials share, kept once in `shared_texts` (ledger migration v4).
///
/// Every credential of an activity holds the very same achievement, about half of its bytes. A credential's
/// row keeps its bytes with that text cut out (`credential_json`), the text's row (`shared_text_id`) and where
/// it was cut (`shared_text_offset`); reading puts it back, so the ledger still returns the credential byte
/// for byte. A text is found by its SHA-256, so later batches of the same activity reuse its row.
enum SharedTexts {
    /// Texts shorter than this are not worth a row of their own.
    static let minimumLength = 64

    /// The texts one write transaction has stored or found, by the storage of the caller's array.
    ///
    /// A batch passes the same array (``JSONFragments/compactText(of:)``) for every credential of an
    /// activity, so its storage address finds the row without hashing the text again. The cache keeps
    /// each array alive, so a matching address is that array, which cannot have changed (an array's shared
    /// storage is never written in place).
    struct Cache {
        private var ids: [UInt: (text: [UInt8], id: Int)] = [:]

        /// The id of `text`'s row, stored now if the ledger has none.
        mutating func id(of text: [UInt8], in db: Database) throws -> Int {
            let address = text.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
            if let known = ids[address], known.text.count == text.count { return known.id }
            let digest = IdentityHash.hex(Array(SHA256.hash(data: text)))
            let id: Int
            if let stored = try Int.fetchOne(
                db.cachedStatement(sql: "SELECT text_id FROM shared_texts WHERE digest = ?"), arguments: [digest])
            {
                id = stored
            } else {
                try db.cachedStatement(sql: "INSERT INTO shared_texts (digest, text) VALUES (?, ?)")
                    .execute(arguments: [digest, Data(text)])
                id = Int(db.lastInsertedRowID)
            }
            ids[address] = (text, id)
            return id
        }
    }

    /// `bytes` with the first occurrence of `text` cut out, and where it was; nil when `text` is too short,
    /// not there, or all of `bytes` (a row keeps some bytes of its own).
    static func cut(_ text: [UInt8], from bytes: [UInt8]) -> (rest: [UInt8], offset: Int)? {
        guard text.count >= minimumLength, text.count < bytes.count else { return nil }
        let found = bytes.withUnsafeBytes { haystack in
            text.withUnsafeBytes { needle in firstOffset(of: needle, in: haystack) }
        }
        guard let offset = found else { return nil }
        var rest = [UInt8]()
        rest.reserveCapacity(bytes.count - text.count)
        rest += bytes[..<offset]
        rest += bytes[(offset + text.count)...]
        return (rest, offset)
    }

    /// Where `needle` (not empty) first starts in `haystack`: candidates found by their first byte
    /// (`memchr`), then compared whole.
    private static func firstOffset(of needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> Int? {
        guard let pattern = needle.baseAddress, let start = haystack.baseAddress, !needle.isEmpty else { return nil }
        let first = Int32(needle[0])
        var offset = 0
        while haystack.count - offset >= needle.count {
            guard let match = memchr(start + offset, first, haystack.count - offset - needle.count + 1) else {
                return nil
            }
            let candidate = start.distance(to: UnsafeRawPointer(match))
            if memcmp(start + candidate, pattern, needle.count) == 0 { return candidate }
            offset = candidate + 1
        }
        return nil
    }

    /// The stored bytes of credential `credentialID` with shared text `textID` put back at `offset`.
    ///
    /// - Throws: ``CredentialError`` `ledger` when the text is missing or the offset lies outside the bytes.
    static func restore(_ db: Database, _ stored: [UInt8], textID: Int, offset: Int, credentialID: String) throws
        -> [UInt8]
    {
        guard offset >= 0, offset <= stored.count,
            let text = try Data.fetchOne(
                db.cachedStatement(sql: "SELECT text FROM shared_texts WHERE text_id = ?"), arguments: [textID])
        else {
            throw CredentialError(.ledger, "the ledger's copy of \(credentialID) names a shared text it cannot find")
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(stored.count + text.count)
        bytes += stored[..<offset]
        bytes += text
        bytes += stored[offset...]
        return bytes
    }
}
