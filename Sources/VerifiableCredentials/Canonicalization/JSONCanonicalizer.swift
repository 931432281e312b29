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
    /// without allocating (see ``CodeUnitOrder/utf16Precedes(_:_:)``).
    public static func utf16Precedes(_ a: String, _ b: String) -> Bool {
        CodeUnitOrder.utf16Precedes(a, b)
    }
}
