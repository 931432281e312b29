import Crypto
import Foundation

/// The SHA-256 digest of a presentation's RFC 8785 canonical form less its `proof`, hashed while its
/// credentials are still being verified.
///
/// The canonical form is the presentation's other members around its credentials' canonical forms. Each
/// credential's verification computes its canonical form anyway and hands it in with ``add(_:at:)`` as it
/// ends; the forms are hashed in the presentation's order by whichever thread hands in the one that is due,
/// while the other threads go on verifying. The holder's proof then needs only the digest (``finish()``),
/// not a copy of the whole presentation.
///
/// `@unchecked Sendable` is safe: `waiting`, `next` and `hashing` are read and written only while holding
/// `lock`; `hasher` is used only by the one thread that has set `hashing`, which hands it on through `lock`.
final class PresentationCanonicalDigest: @unchecked Sendable {
    private let lock = NSLock()
    private var hasher = SHA256()
    /// The canonical forms handed in and not hashed yet, by credential index.
    private var waiting: [[UInt8]?]
    /// The index of the next canonical form to hash.
    private var next = 0
    /// Whether a thread is hashing.
    private var hashing = false
    /// What follows the last credential: `]` when `verifiableCredential` is an array, and the members after it.
    private let suffix: [UInt8]

    /// Starts the digest of `presentation` (whose `verifiableCredential` holds `credentialCount` credentials)
    /// by hashing everything before its first credential; nil when it has no `verifiableCredential` member,
    /// or one that is not an array yet counts other than one credential.
    init?(presentation: JSONObject, credentialCount: Int) {
        let member = "verifiableCredential"
        guard let credentials = presentation[member] else { return nil }
        let isArray = credentials.arrayValue != nil
        guard isArray || credentialCount == 1 else { return nil }
        // The canonical form with an empty value for the credentials: it splits where they go.
        let around = CanonicalJSONObject(presentation.removing("proof"), substituting: [member: []])
        guard let split = around.members.first(where: { CodeUnitOrder.sameBytes($0.key, member) })?.range.upperBound
        else { return nil }
        hasher.update(data: around.bytes[..<split])
        if isArray { hasher.update(data: [UInt8(ascii: "[")]) }
        suffix = (isArray ? [UInt8(ascii: "]")] : []) + around.bytes[split...]
        waiting = Array(repeating: nil, count: credentialCount)
    }

    /// Hands in the canonical form of the credential at `index`; hashes it, and the ones after it that are
    /// already waiting, when it is the one due and no other thread is hashing.
    func add(_ canonical: [UInt8], at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard waiting.indices.contains(index), index >= next, waiting[index] == nil else { return }
        waiting[index] = canonical
        guard !hashing else { return }
        hashing = true
        while next < waiting.count, let form = waiting[next] {
            waiting[next] = nil
            let isFirst = next == 0
            next += 1
            lock.unlock()
            if !isFirst { hasher.update(data: [UInt8(ascii: ",")]) }
            hasher.update(data: form)
            lock.lock()
        }
        hashing = false
    }

    /// The digest, once every credential's canonical form has been handed in and hashed; nil before.
    func finish() -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        guard !hashing, next == waiting.count else { return nil }
        var finished = hasher
        finished.update(data: suffix)
        return Array(finished.finalize())
    }
}
