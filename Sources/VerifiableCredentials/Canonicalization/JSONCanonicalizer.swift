/// The JSON Canonicalization Scheme of RFC 8785.
///
/// Object members are sorted by their UTF-16 code units, numbers use the ECMAScript form, strings use the
/// minimal escaping, and there is no whitespace. The output is UTF-8 with no trailing newline.
public enum JSONCanonicalizer {
    /// The canonical UTF-8 bytes of `value`.
    public static func canonicalize(_ value: JSONValue) -> [UInt8] {
        var output = ByteWriter(capacity: 4096)
        write(value, into: &output)
        return output.finish()
    }

    /// The canonical UTF-8 bytes of `value`, with the stored canonical text of every object of `fragments` it
    /// holds (the same bytes as ``canonicalize(_:)``, written faster).
    public static func canonicalize(_ value: JSONValue, reusing fragments: JSONFragments) -> [UInt8] {
        // A document that holds fragments is a whole credential: room for one without growing.
        var output = ByteWriter(capacity: 8192)
        write(value, into: &output, reusing: fragments)
        return output.finish()
    }

    /// The canonical form of a JSON text.
    public static func canonicalize(json bytes: some Collection<UInt8>) throws(CredentialError) -> [UInt8] {
        canonicalize(try JSONParser.parse(bytes))
    }

    static func write(_ value: JSONValue, into output: inout ByteWriter, reusing fragments: JSONFragments? = nil) {
        switch value {
        case .object(let object):
            if let fragment = fragments?.fragment(for: object) {
                fragment.canonical.withUnsafeBytes { output.append($0) }
                return
            }
            output.append(UInt8(ascii: "{"))
            // Members and elements are read in place (a copy of each would retain its key and value).
            object.members.withUnsafeBufferPointer { members in
                forEachInCanonicalOrder(members) { offset, index in
                    if offset > 0 { output.append(UInt8(ascii: ",")) }
                    JSONSerializer.writeString(members[index].key, into: &output)
                    output.append(UInt8(ascii: ":"))
                    write(members[index].value, into: &output, reusing: fragments)
                }
            }
            output.append(UInt8(ascii: "}"))
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            elements.withUnsafeBufferPointer { elements in
                for index in elements.indices {
                    if index > 0 { output.append(UInt8(ascii: ",")) }
                    write(elements[index], into: &output, reusing: fragments)
                }
            }
            output.append(UInt8(ascii: "]"))
        default:
            JSONSerializer.writeScalar(value, into: &output)
        }
    }

    /// Objects up to this many members are sorted by insertion (quadratic, but without allocating); larger
    /// ones, which hostile input can make huge, by the standard library's sort.
    static let smallObject = 24

    /// Calls `body` with each position in `members` in canonical (UTF-16) order, and the count of members
    /// visited before it. Most objects are small: their positions are sorted in place on the stack.
    static func forEachInCanonicalOrder(_ members: UnsafeBufferPointer<JSONObject.Member>, _ body: (Int, Int) -> Void) {
        guard members.count <= smallObject else {
            let order = members.indices.sorted { utf16Precedes(members[$0].key, members[$1].key) }
            for (offset, index) in order.enumerated() { body(offset, index) }
            return
        }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: max(members.count, 1)) { order in
            for index in members.indices {
                var slot = index
                while slot > 0, utf16Precedes(members[index].key, members[order[slot - 1]].key) {
                    order[slot] = order[slot - 1]
                    slot -= 1
                }
                order[slot] = index
            }
            for offset in members.indices { body(offset, order[offset]) }
        }
    }

    /// Whether `a` sorts before `b` by UTF-16 code units (RFC 8785 §3.2.3), computed on the UTF-8 bytes
    /// without allocating (see ``CodeUnitOrder/utf16Precedes(_:_:)``).
    public static func utf16Precedes(_ a: String, _ b: String) -> Bool {
        CodeUnitOrder.utf16Precedes(a, b)
    }
}
