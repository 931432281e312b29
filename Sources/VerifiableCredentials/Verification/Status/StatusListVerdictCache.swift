import Foundation

/// What the verifier concluded about one status list for one issuer: a problem (the same for every credential
/// that points at the list), or the decoded list to read bits from.
enum StatusListVerdict: Sendable {
    case problem(Check)
    case usable(BitstringStatusListCredential)
}

/// Status list verdicts by list and issuer, shared by every credential verified with one ``VerificationContext``.
///
/// A folder of credentials usually points at a handful of lists; verifying a list's proof and decompressing its
/// bitstring once per list instead of once per credential is most of the cost of the status check. The verdict
/// depends only on the list document, the issuer, the registry and the time, which are fixed for a context
/// (``VerificationContext`` starts a new cache whenever one of them changes).
final class StatusListVerdictCache: @unchecked Sendable {
    private struct Key: Hashable {
        var listID: String
        var issuerID: String
    }

    private let lock = NSLock()
    private var verdicts: [Key: StatusListVerdict] = [:]
    /// Beyond this many lists the cache starts over (bounds memory for hostile input).
    private let limit = 1024

    init() {}

    /// The cached verdict, or `compute()`'s, which is then cached. Two threads may compute the same verdict
    /// at once; both get equal results, so the first stored one simply stays.
    func verdict(listID: String, issuerID: String, compute: () -> StatusListVerdict) -> StatusListVerdict {
        let key = Key(listID: listID, issuerID: issuerID)
        lock.lock()
        let cached = verdicts[key]
        lock.unlock()
        if let cached { return cached }
        let computed = compute()
        lock.lock()
        defer { lock.unlock() }
        if let raced = verdicts[key] { return raced }
        if verdicts.count >= limit { verdicts.removeAll(keepingCapacity: true) }
        verdicts[key] = computed
        return computed
    }
}
