import Foundation

/// The expanded forms of objects met before in the same place: credentials from one provider repeat the issuer's
/// profile and an activity's achievement word for word, so a folder or a presentation of them expands those
/// objects once.
///
/// Expansion of an object is a function of the object, the active context (its cache identity), the active
/// property, the base URL, whether it comes from a map, and the processor's mode and safe mode: all of them are
/// in the key, and a hit is an exact match of all of them (the object compared by code units, not only hashed).
/// Only results are kept, never errors. Which objects are tried is learned per active property: a property
/// whose objects are seldom repeated (the credential subject, a status entry) stops being tried after a while,
/// so unique objects are not hashed for nothing.
final class JSONLDExpansionMemo: @unchecked Sendable {
    struct Key: Hashable {
        let element: JSONObject
        let context: Int
        let activeProperty: String
        let baseURL: String?
        let fromMap: Bool
        let safeMode: Bool
        let processingMode: JSONLDProcessingMode
        /// The hash of all of the above, computed once per lookup (the element is hashed whole).
        let hash: Int

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.hash == rhs.hash && lhs.context == rhs.context && lhs.fromMap == rhs.fromMap
                && lhs.safeMode == rhs.safeMode && lhs.processingMode == rhs.processingMode
                && JSONObject.sameKey(lhs.activeProperty, rhs.activeProperty) && lhs.baseURL == rhs.baseURL
                && lhs.element == rhs.element
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    }

    /// How often objects under one active property were looked up, and found.
    private struct Tally {
        var lookups = 0
        var hits = 0
        /// Objects not looked up since the tally said they were not worth it.
        var skipped = 0

        /// Tried while young, then only while at least one lookup in eight finds its object.
        var worthTrying: Bool { lookups < 64 || hits * 8 >= lookups }

        mutating func count(hit: Bool) {
            lookups += 1
            if hit { hits += 1 }
        }
    }

    /// After this many objects skipped, a property is tried afresh (its objects may have started to repeat).
    static let retryAfter = 4096

    private let lock = NSLock()
    private var results: [Key: JSONValue?] = [:]
    private var tallies: [String: Tally] = [:]
    /// Beyond this many objects (or active properties) the memo starts over, bounding memory for hostile input.
    private let limit = 1024

    /// The key for `element`, or `nil` when objects under `activeProperty` are not worth looking up.
    func key(
        for element: JSONObject, context: Int, activeProperty: String, baseURL: String?, fromMap: Bool,
        safeMode: Bool, processingMode: JSONLDProcessingMode
    ) -> Key? {
        lock.lock()
        if var tally = tallies[activeProperty], !tally.worthTrying {
            tally.skipped += 1
            tallies[activeProperty] = tally.skipped < Self.retryAfter ? tally : Tally()
            lock.unlock()
            return nil
        }
        lock.unlock()
        var hasher = Hasher()
        hasher.combine(element)
        hasher.combine(context)
        JSONObject.hashCodeUnits(of: activeProperty, into: &hasher)
        hasher.combine(baseURL)
        hasher.combine(fromMap)
        hasher.combine(safeMode)
        hasher.combine(processingMode)
        return Key(
            element: element, context: context, activeProperty: activeProperty, baseURL: baseURL, fromMap: fromMap,
            safeMode: safeMode, processingMode: processingMode, hash: hasher.finalize())
    }

    /// The expanded form stored for `key` (`.some(nil)`: the object expands to nothing), counting the lookup.
    func expanded(_ key: Key) -> JSONValue?? {
        lock.lock()
        defer { lock.unlock() }
        let found = results[key]
        if tallies.count >= limit { tallies.removeAll(keepingCapacity: true) }
        tallies[key.activeProperty, default: Tally()].count(hit: found != nil)
        return found
    }

    /// The lookups and hits under `activeProperty` so far (for tests).
    func tally(for activeProperty: String) -> (lookups: Int, hits: Int) {
        lock.lock()
        defer { lock.unlock() }
        let tally = tallies[activeProperty] ?? Tally()
        return (tally.lookups, tally.hits)
    }

    /// The lookups and hits under every active property (for tests).
    func tallyTotals() -> (lookups: Int, hits: Int) {
        lock.lock()
        defer { lock.unlock() }
        return tallies.values.reduce((0, 0)) { ($0.0 + $1.lookups, $0.1 + $1.hits) }
    }

    /// Forgets every stored object and every property's tally.
    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        results.removeAll()
        tallies.removeAll()
    }

    /// Stores the expanded form of `key`'s object.
    func store(_ expanded: JSONValue?, for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        if results.count >= limit { results.removeAll(keepingCapacity: true) }
        results[key] = expanded
    }
}
