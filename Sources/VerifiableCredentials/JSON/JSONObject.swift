/// A JSON object: members in document order, keys compared by their UTF-8 code units.
///
/// The parser guarantees that keys are unique; the mutating API keeps them unique.
public struct JSONObject: Sendable, Hashable {
    /// One member of an object.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }

        public static func == (lhs: Member, rhs: Member) -> Bool {
            JSONObject.sameKey(lhs.key, rhs.key) && lhs.value == rhs.value
        }

        public func hash(into hasher: inout Hasher) {
            JSONObject.hashCodeUnits(of: key, into: &hasher)
            hasher.combine(value)
        }
    }

    /// The members in document order.
    public private(set) var members: [Member]

    /// An empty object.
    public init() { members = [] }

    /// An object with these members; a later member with the same key replaces an earlier one.
    public init(_ members: [Member]) {
        self.members = []
        self.members.reserveCapacity(members.count)
        for member in members { self[member.key] = member.value }
    }

    /// Creates an object from members already known to have unique keys (the parser's path).
    init(uniqueMembers: [Member]) { members = uniqueMembers }

    /// The number of members.
    public var count: Int { members.count }
    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }
    /// The keys in document order.
    public var keys: [String] { members.map(\.key) }

    /// Whether two keys are the same JSON key: equal code units, no Unicode normalization.
    public static func sameKey(_ a: String, _ b: String) -> Bool {
        // The byte counts of native strings are O(1) and settle most mismatches before any byte is compared.
        a.utf8.count == b.utf8.count && CodeUnitOrder.sameBytes(a, b)
    }

    /// Hashes a string's UTF-8 code units (consistent with ``sameKey(_:_:)``, unlike `String`'s own hash, which
    /// follows Unicode canonical equivalence), in one call for native strings.
    public static func hashCodeUnits(of string: String, into hasher: inout Hasher) {
        let hashed: Void? = string.utf8.withContiguousStorageIfAvailable {
            hasher.combine(bytes: UnsafeRawBufferPointer($0))
        }
        if hashed == nil {
            var copy = string
            copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
        hasher.combine(string.utf8.count)
    }

    /// The member value for `key`; setting `nil` removes the member, setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            for member in members where Self.sameKey(member.key, key) { return member.value }
            return nil
        }
        set {
            let index = members.firstIndex { Self.sameKey($0.key, key) }
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append(Member(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// Whether the object has a member named `key`.
    public func contains(_ key: String) -> Bool {
        members.contains { Self.sameKey($0.key, key) }
    }

    /// A copy without the member named `key`.
    public func removing(_ key: String) -> JSONObject {
        var copy = self
        copy[key] = nil
        return copy
    }
}
