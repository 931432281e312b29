/// The JSON Canonicalization Scheme of RFC 8785.
///
/// Object members are sorted by their UTF-16 code units, numbers use the ECMAScript form, strings use the
/// minimal escaping, and there is no whitespace. The output is UTF-8 with no trailing newline.
public enum JSONCanonicalizer {
    /// The canonical UTF-8 bytes of `value`.
    public static func canonicalize(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(2048)
        write(value, into: &output)
        return output
    }

    /// The canonical form of a JSON text.
    public static func canonicalize(json bytes: some Collection<UInt8>) throws(CredentialError) -> [UInt8] {
        canonicalize(try JSONParser.parse(bytes))
    }

    static func write(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            let members = object.members
            let order = members.indices.sorted { utf16Precedes(members[$0].key, members[$1].key) }
            for (offset, index) in order.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                JSONSerializer.writeString(members[index].key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(members[index].value, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                write(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        default:
            JSONSerializer.writeScalar(value, into: &output)
        }
    }

    /// Whether `a` sorts before `b` by UTF-16 code units (RFC 8785 §3.2.3), computed on the UTF-8 bytes
    /// without allocating.
    ///
    /// UTF-8 byte order is code point order, which equals UTF-16 order except when a supplementary character
    /// (a surrogate pair in UTF-16, lead byte F0–F4 in UTF-8) meets a character in U+E000–U+FFFF (lead byte EE
    /// or EF): there UTF-16 puts the supplementary character first. The first differing byte is a lead byte in
    /// exactly that case, so checking it is enough.
    public static func utf16Precedes(_ a: String, _ b: String) -> Bool {
        var left = a.utf8.makeIterator()
        var right = b.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?):
                if x == y { continue }
                if x >= 0xF0 && (y == 0xEE || y == 0xEF) { return true }
                if y >= 0xF0 && (x == 0xEE || x == 0xEF) { return false }
                return x < y
            }
        }
    }
}
