/// A JSON document seen as a shape and its scalars: the shape is every object's keys (code unit for code unit,
/// in document order), every array's length and the kind of every scalar; the scalars (*leaves*) are listed in
/// document order. Two documents with the same shape differ only in their leaves, which is what a
/// ``DatasetTemplate`` needs to know.
struct DocumentShape {
    /// The shape, serialized: `{`, each key as its byte count and bytes followed by its value, `}`; `[`, the items,
    /// `]`; `s` for a string, `n` a number, `b` a boolean, `0` null.
    private(set) var bytes: [UInt8] = []
    /// The scalars, in document order.
    private(set) var leaves: [JSONValue] = []
    /// The hash of ``bytes``.
    private(set) var hash = 0

    init(_ document: JSONValue) {
        // Written through a ByteWriter: a shape is a few hundred appends, most of one or a few bytes, and an
        // Array's append checks uniqueness and capacity each time (that was most of the walk's time).
        var writer = ByteWriter(capacity: 2048)
        leaves.reserveCapacity(128)
        Self.walk(document, into: &writer, leaves: &leaves)
        bytes = writer.finish()
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        hash = hasher.finalize()
    }

    /// Whether `other` has the same shape, compared byte for byte (not only by hash).
    func hasSameShape(as other: DocumentShape) -> Bool {
        hash == other.hash && bytes.count == other.bytes.count
            && bytes.withUnsafeBufferPointer { mine in
                other.bytes.withUnsafeBufferPointer { CodeUnitOrder.sameBytes(mine, $0) }
            }
    }

    private static func walk(_ value: JSONValue, into writer: inout ByteWriter, leaves: inout [JSONValue]) {
        switch value {
        case .object(let object):
            writer.append(UInt8(ascii: "{"))
            object.members.withUnsafeBufferPointer { members in
                for index in members.indices {
                    let written: Void? = members[index].key.utf8.withContiguousStorageIfAvailable { key in
                        appendCount(key.count, to: &writer)
                        writer.append(key)
                    }
                    if written == nil {
                        let key = Array(members[index].key.utf8)
                        appendCount(key.count, to: &writer)
                        key.withUnsafeBufferPointer { writer.append($0) }
                    }
                    walk(members[index].value, into: &writer, leaves: &leaves)
                }
            }
            writer.append(UInt8(ascii: "}"))
        case .array(let items):
            writer.append(UInt8(ascii: "["))
            items.withUnsafeBufferPointer { items in
                for index in items.indices { walk(items[index], into: &writer, leaves: &leaves) }
            }
            writer.append(UInt8(ascii: "]"))
        case .string, .number, .bool, .null:
            writer.append(kind(of: value))
            leaves.append(value)
        }
    }

    /// A scalar's kind in the shape: `s`, `n`, `b` or `0`.
    private static func kind(of scalar: JSONValue) -> UInt8 {
        switch scalar {
        case .string: UInt8(ascii: "s")
        case .number: UInt8(ascii: "n")
        case .bool: UInt8(ascii: "b")
        default: UInt8(ascii: "0")
        }
    }

    /// A count as seven bits per byte, the high bit set on all but the last byte.
    private static func appendCount(_ count: Int, to writer: inout ByteWriter) {
        var rest = count
        while rest >= 0x80 {
            writer.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        writer.append(UInt8(rest))
    }
}

extension DocumentShape {
    /// Whether two leaves are the same scalar: strings by code units, numbers bit for bit (so `0` and `-0` differ).
    static func sameLeaf(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): JSONObject.sameKey(x, y)
        case (.number(let x), .number(let y)): x.bitPattern == y.bitPattern
        case (.bool(let x), .bool(let y)): x == y
        case (.null, .null): true
        default: false
        }
    }

    /// Hashes a leaf consistently with ``sameLeaf(_:_:)``.
    static func hashLeaf(_ leaf: JSONValue, into hasher: inout Hasher) {
        switch leaf {
        case .string(let text): JSONObject.hashCodeUnits(of: text, into: &hasher)
        case .number(let number): hasher.combine(number.bitPattern)
        case .bool(let flag): hasher.combine(flag)
        default: hasher.combine(0)
        }
    }

    /// `document` with its leaves replaced, in document order, by what `replacement` returns for each leaf's index
    /// and value.
    static func replacingLeaves(of document: JSONValue, with replacement: (Int, JSONValue) -> JSONValue) -> JSONValue {
        var next = 0
        func rebuild(_ value: JSONValue) -> JSONValue {
            switch value {
            case .object(let object):
                return .object(
                    JSONObject(uniqueMembers: object.members.map { .init(key: $0.key, value: rebuild($0.value)) }))
            case .array(let items):
                return .array(items.map(rebuild))
            default:
                defer { next += 1 }
                return replacement(next, value)
            }
        }
        return rebuild(document)
    }

    /// For each leaf of `document`, in document order: the key of the object member it is (or is an item of),
    /// and whether it is inside an `@context` value.
    static func leafPlaces(of document: JSONValue) -> [(key: String?, inContext: Bool)] {
        var places: [(key: String?, inContext: Bool)] = []
        func visit(_ value: JSONValue, key: String?, inContext: Bool) {
            switch value {
            case .object(let object):
                for member in object.members {
                    visit(
                        member.value, key: member.key,
                        inContext: inContext || JSONObject.sameKey(member.key, "@context"))
                }
            case .array(let items):
                for item in items { visit(item, key: key, inContext: inContext) }
            default:
                places.append((key, inContext))
            }
        }
        visit(document, key: nil, inContext: false)
        return places
    }
}
