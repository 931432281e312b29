public import Foundation
import VerifiableCredentials

/// Where a batch writes its credentials.
public enum CredentialOutput: Sendable, Hashable {
    /// One pretty-printed file per credential (the ledger's compact copy laid out pretty), named by
    /// ``fileName(for:)`` (`.jwt` instead of `.json` for a `vc+jwt`), each written after the ledger has
    /// committed; a rerun compares the files of credentials already issued with the ledger's copy and rewrites
    /// any that a crash left missing or short.
    case directory(URL)
    /// One JSON Lines file holding every credential of the batch (new and already issued), written to a
    /// temporary file and renamed into place when the batch ends.
    case jsonLines(URL)
    /// Record in the ledger only.
    case none

    /// The file name for a credential id: every character other than `A-Z a-z 0-9 . _ -` becomes `_`, and
    /// `.json` is appended (`urn:uuid:0f…` → `urn_uuid_0f….json`).
    public static func fileName(for credentialID: String) -> String {
        var name = [UInt8]()
        name.reserveCapacity(credentialID.utf8.count + 5)
        for byte in credentialID.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                name.append(byte)
            case 0x80...0xBF:
                // A UTF-8 continuation byte: its scalar's lead byte already became "_".
                continue
            default:
                name.append(UInt8(ascii: "_"))
            }
        }
        return String(decoding: name + Array(".json".utf8), as: UTF8.self)
    }

    /// The file name for an issued credential: ``fileName(for:)`` of its id, with `.jwt` instead of `.json`
    /// when the ledger holds a `vc+jwt` (``CredentialSecuring/jwt``).
    static func fileName(for credential: LedgerCredential) -> String {
        let name = fileName(for: credential.credentialID)
        guard CompactJWS.looksCompact(credential.credentialBytes) else { return name }
        return String(name.dropLast(".json".count)) + ".jwt"
    }
}
