/// Large arrays parsed on all cores: a presentation of hundreds of credentials is one JSON document, and
/// parsing it on one core was the serial part of verifying it.
///
/// A fast scan finds the array's elements (by brackets outside strings); each element is then parsed by its
/// own reader over the same bytes, starting at the element with the nesting depth it has in the document, so
/// limits, duplicate-key checks and error positions are exactly those of a serial parse. When anything does
/// not line up (a malformed element, a scan that disagrees with the parse), the array is parsed again
/// serially, which reports the first error just as before.
extension JSONReader {
    /// Arrays spanning fewer bytes than this are parsed serially: the scan would cost more than it saves.
    static let parallelArrayBytes = 64 * 1024
    /// Arrays whose elements average fewer bytes than this are parsed serially too: a list of millions of tiny
    /// values gains nothing from threads, and its element positions alone would take memory.
    static let parallelElementBytes = 256

    /// The value of a member of the top-level object.
    mutating func parseValueOfMember() throws(CredentialError) -> JSONValue {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "["),
            bytes.count - index >= Self.parallelArrayBytes, depth + 1 <= maximumDepth,
            let elements = Self.scanElements(
                bytes, arrayStart: index, maximumCount: (bytes.count - index) / Self.parallelElementBytes),
            elements.end - index >= Self.parallelArrayBytes, elements.ranges.count >= 2
        else {
            return try parseValue()
        }
        nonisolated(unsafe) let shared = bytes
        let maximumDepth = self.maximumDepth
        let elementDepth = depth + 1
        let values = ConcurrentMap.map(elements.ranges) { range -> JSONValue? in
            var reader = JSONReader(bytes: shared, maximumDepth: maximumDepth)
            reader.index = range.lowerBound
            reader.depth = elementDepth
            guard let value = try? reader.parseValue() else { return nil }
            return reader.index == range.upperBound ? value : nil
        }
        let parsed = values.compactMap { $0 }
        guard parsed.count == values.count else { return try parseValue() }
        index = elements.end
        return .array(parsed)
    }

    /// The elements of the array whose `[` is at `arrayStart`: for each, its first byte and the offset of the
    /// `,` or `]` that ends it; and the offset just past the closing `]`. Nil for an empty array, more than
    /// `maximumCount` elements, or bytes the scan cannot follow (the serial parse then says what is wrong).
    static func scanElements(
        _ bytes: UnsafeBufferPointer<UInt8>, arrayStart: Int, maximumCount: Int = .max
    ) -> (ranges: [Range<Int>], end: Int)? {
        var ranges: [Range<Int>] = []
        var index = arrayStart + 1
        func skipWhitespace() {
            while index < bytes.count,
                bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D
            {
                index += 1
            }
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] != UInt8(ascii: "]"), bytes[index] != UInt8(ascii: ",") else {
                return nil
            }
            let start = index
            var nesting = 0
            scan: while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    // To the closing quote (the `index += 1` below steps past it); an open string ends the scan.
                    guard let end = JSONWordScan.stringEnd(bytes, openingQuoteAt: index) else { return nil }
                    index = end - 1
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    nesting += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if nesting == 0 { break scan }
                    nesting -= 1
                case UInt8(ascii: ","):
                    if nesting == 0 { break scan }
                default:
                    break
                }
                index += 1
            }
            guard index < bytes.count else { return nil }
            // The element ends before the whitespace that precedes its delimiter.
            var end = index
            while end > start,
                bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D
            {
                end -= 1
            }
            ranges.append(start..<end)
            guard ranges.count <= maximumCount else { return nil }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "]"):
                return (ranges, index + 1)
            default:
                return nil
            }
        }
    }
}
