#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Comparing and ordering strings by their code units, on the UTF-8 bytes at once: `String.UTF8View`'s
/// element-by-element `elementsEqual` and `lexicographicallyPrecedes` were a measurable share of JSON member
/// lookups, JSON-LD expansion, RDF conversion and JCS.
enum CodeUnitOrder {
    /// Whether `a` sorts before `b` by UTF-8 bytes, which is Unicode code point order.
    static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        withBytes(a, b, bytesPrecede)
    }

    /// Whether `left` sorts before `right` in byte order (`memcmp`'s, then the shorter first).
    static func bytesPrecede(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        let shared = min(left.count, right.count)
        if shared > 0, let leftBase = left.baseAddress, let rightBase = right.baseAddress {
            let order = memcmp(leftBase, rightBase, shared)
            if order != 0 { return order < 0 }
        }
        return left.count < right.count
    }

    /// Whether `a` and `b` have the same UTF-8 bytes (no Unicode normalization, unlike `==`).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        withBytes(a, b, sameBytes)
    }

    /// Whether two byte buffers hold the same bytes (`memcmp`).
    static func sameBytes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
        return memcmp(leftBase, rightBase, left.count) == 0
    }

    /// Whether `a` sorts before `b` by UTF-16 code units (RFC 8785 §3.2.3).
    ///
    /// UTF-8 byte order is code point order, which equals UTF-16 order except when a supplementary character
    /// (a surrogate pair in UTF-16, lead byte F0–F4 in UTF-8) meets a character in U+E000–U+FFFF (lead byte EE
    /// or EF): there UTF-16 puts the supplementary character first. The first differing byte is a lead byte in
    /// exactly that case, so checking it is enough.
    static func utf16Precedes(_ a: String, _ b: String) -> Bool {
        withBytes(a, b) { left, right in
            let shared = min(left.count, right.count)
            var index = 0
            while index < shared {
                let x = left[index]
                let y = right[index]
                if x != y {
                    if x >= 0xF0 && (y == 0xEE || y == 0xEF) { return true }
                    if y >= 0xF0 && (x == 0xEE || x == 0xEF) { return false }
                    return x < y
                }
                index += 1
            }
            return left.count < right.count
        }
    }

    /// Runs `body` on the UTF-8 bytes of both strings (copied only for strings that are not stored as UTF-8).
    private static func withBytes<T>(
        _ a: String, _ b: String, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> T
    ) -> T {
        let direct = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right in body(left, right) }
        }
        if let direct, let result = direct { return result }
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        return left.withUnsafeBufferPointer { left in right.withUnsafeBufferPointer { right in body(left, right) } }
    }
}
