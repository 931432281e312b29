/// The compact and canonical (RFC 8785) text of JSON objects that many documents share, written once and
/// copied into each document that holds them.
///
/// A batch of credentials for one activity carries the same `Achievement` object in every credential; its
/// text is about half of each credential's bytes, and it was escaped, sorted and written twice per credential
/// (canonical for the signature, compact for the ledger). ``JSONSerializer/bytes(_:reusing:)`` and
/// ``JSONCanonicalizer/canonicalize(_:reusing:)`` copy the stored text instead.
///
/// A stored object is recognised by its storage, not its content: a document reuses the text only where it
/// holds the very object passed to ``init(_:)`` (a copy of that value shares its storage until either is
/// changed). This is sound because the fragments keep their objects alive: a storage address that matches
/// is that object, and an object whose storage is shared cannot change in place (changing a copy copies it
/// first). An equal object built separately is simply written out again, with the same result.
public struct JSONFragments: Sendable {
    struct Fragment: Sendable {
        /// The object, kept so that its storage lives (and so stays unchanged) as long as the fragment.
        let object: JSONObject
        let compact: [UInt8]
        let canonical: [UInt8]
    }

    /// Fragments by the address of their members' storage.
    private let byStorage: [UInt: Fragment]

    /// No fragments: documents are written out in full.
    public init() { byStorage = [:] }

    /// Fragments for the objects among `values` (other values, and empty objects, are left out).
    public init(_ values: [JSONValue]) {
        var byStorage: [UInt: Fragment] = [:]
        for case .object(let object) in values {
            guard let address = Self.storageAddress(object), byStorage[address] == nil else { continue }
            byStorage[address] = Fragment(
                object: object, compact: JSONSerializer.bytes(.object(object)),
                canonical: JSONCanonicalizer.canonicalize(.object(object)))
        }
        self.byStorage = byStorage
    }

    /// The number of objects stored.
    public var count: Int { byStorage.count }

    /// The compact text of `value` when it is a stored object itself (the same storage), as
    /// ``JSONSerializer/bytes(_:reusing:)`` writes it; every call returns the same array, so a caller can tell
    /// by the array's storage too that two documents share the text.
    public func compactText(of value: JSONValue) -> [UInt8]? {
        guard case .object(let object) = value else { return nil }
        return fragment(for: object)?.compact
    }

    /// The stored fragment that is `object` itself (the same storage), if any.
    func fragment(for object: JSONObject) -> Fragment? {
        guard !byStorage.isEmpty, let address = Self.storageAddress(object) else { return nil }
        return byStorage[address]
    }

    /// The address of a non-empty object's member storage (empty objects may all share one).
    private static func storageAddress(_ object: JSONObject) -> UInt? {
        guard !object.isEmpty else { return nil }
        return object.members.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { UInt(bitPattern: $0) }
        }
    }
}
