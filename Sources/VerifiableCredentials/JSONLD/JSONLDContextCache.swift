import Foundation

/// A thread-safe cache of loaded remote contexts and processed active contexts.
///
/// Reuse one cache (a ``BundledDocumentLoader`` carries one) so that the contexts of many credentials are
/// loaded and processed once.
public final class JSONLDContextCache: @unchecked Sendable {
    struct Key: Hashable {
        var parent: Int
        /// An interned scoped context (then `local` is `nil`), or 0 with the context in `local`.
        var localID: Int
        var local: JSONValue?
        var baseURL: String?
        var overrideProtected: Bool
        var propagate: Bool
        var processingMode: String
    }

    /// Expanded objects, reused when the same object comes again in the same place.
    let expansions = JSONLDExpansionMemo()
    /// Datasets of documents of one shape, with the strings that vary put in.
    let templates = DatasetTemplateCache()
    private let lock = NSLock()
    private var nextID = 1
    private var processed: [Key: ActiveContext] = [:]
    private var remote: [String: JSONValue] = [:]
    private var initialIDs: [String?: Int] = [:]
    private var interned: [JSONValue: Int] = [:]
    /// Beyond this many processed contexts the cache starts over (bounds memory for hostile input).
    private let limit = 4096

    /// An empty cache.
    public init() {}

    /// Forgets the expanded objects and dataset templates kept for reuse (processed contexts stay): what a new
    /// process would start with.
    /// For measurements that must not reuse the objects of documents seen before (a benchmark verifying what it
    /// has just signed), and for long-lived processes that move on to unrelated documents.
    public func forgetExpandedObjects() {
        expansions.removeAll()
        templates.removeAll()
    }

    func newID() -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextID += 1
        return nextID
    }

    /// The same identity for every empty context with this base, so that cached results apply across documents.
    func initialContextID(base: String?) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let id = initialIDs[base] { return id }
        nextID += 1
        initialIDs[base] = nextID
        return nextID
    }

    /// A stable small identity for a scoped context value.
    func intern(_ context: JSONValue) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let id = interned[context] { return id }
        nextID += 1
        interned[context] = nextID
        return nextID
    }

    func context(for key: Key) -> ActiveContext? {
        lock.lock()
        defer { lock.unlock() }
        return processed[key]
    }

    func store(_ context: ActiveContext, for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        if processed.count >= limit { processed.removeAll(keepingCapacity: true) }
        processed[key] = context
    }

    func remoteDocument(_ url: String) -> JSONValue? {
        lock.lock()
        defer { lock.unlock() }
        return remote[url]
    }

    func storeRemoteDocument(_ document: JSONValue, for url: String) {
        lock.lock()
        defer { lock.unlock() }
        if remote.count >= limit { remote.removeAll(keepingCapacity: true) }
        remote[url] = document
    }
}
