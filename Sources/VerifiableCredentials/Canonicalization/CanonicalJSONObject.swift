/// The RFC 8785 canonical form of a JSON object, with where each member's `"key":value` lies in it.
///
/// A verifier that canonicalizes a document with its proof can then give the proof check the canonical form
/// of the document without its proof (``removing(_:)``: the same bytes less one member) instead of
/// canonicalizing the document a second time. A presentation's holder proof covers the canonical forms of
/// its credentials, so each is computed once, by the credential's own verification, and reused for the
/// presentation (``init(_:substituting:)``).
struct CanonicalJSONObject: Sendable {
    /// The canonical bytes of the whole object.
    let bytes: [UInt8]
    /// Each member's key and the range of its `"key":value` in `bytes`, in canonical (sorted) order.
    let members: [(key: String, range: Range<Int>)]

    /// The canonical form of `object`; a member whose key is in `substituting` is written with the given
    /// bytes as its value, which must be the canonical form of that member's value.
    init(_ object: JSONObject, substituting: [String: [UInt8]] = [:]) {
        var output = ByteWriter(capacity: 4096)
        var ranges: [(key: String, range: Range<Int>)] = []
        ranges.reserveCapacity(object.members.count)
        output.append(UInt8(ascii: "{"))
        object.members.withUnsafeBufferPointer { members in
            JSONCanonicalizer.forEachInCanonicalOrder(members) { offset, index in
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                let start = output.count
                let key = members[index].key
                JSONSerializer.writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                if let canonical = substituting.isEmpty ? nil : substituting[key] {
                    canonical.withUnsafeBufferPointer { output.append($0) }
                } else {
                    JSONCanonicalizer.write(members[index].value, into: &output)
                }
                ranges.append((key, start..<output.count))
            }
        }
        output.append(UInt8(ascii: "}"))
        self.bytes = output.finish()
        self.members = ranges
    }

    /// The canonical form of the object without the member `key` (the whole form when there is none): the
    /// remaining members keep their sorted order, so this is what canonicalizing the smaller object gives.
    func removing(_ key: String) -> [UInt8] {
        guard let position = members.firstIndex(where: { CodeUnitOrder.sameBytes($0.key, key) }) else { return bytes }
        let range = members[position].range
        // The member goes with the comma before it, or, for the first member, with the comma after it.
        let cut =
            position > 0
            ? (range.lowerBound - 1)..<range.upperBound
            : range.lowerBound..<(members.count > 1 ? range.upperBound + 1 : range.upperBound)
        var result = [UInt8]()
        result.reserveCapacity(bytes.count - cut.count)
        result += bytes[..<cut.lowerBound]
        result += bytes[cut.upperBound...]
        return result
    }
}
