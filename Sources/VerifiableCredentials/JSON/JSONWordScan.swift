/// Eight-byte-at-a-time tests for the bytes JSON strings treat specially, shared by the serializer (which
/// escapes them) and the parser (which leaves its fast path on them).
enum JSONWordScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `word` is `"`, `\` or below 0x20. For each test, a byte of `word ^ pattern` (or of
    /// `word` itself) below the bound sets its high bit in `(x - bound) & ~x & 0x80…80`, which is exact as a
    /// whole-word test for bounds up to 0x80, whatever the other bytes hold.
    static func hasSpecialByte(_ word: UInt64) -> Bool {
        hasByteBelow(word, 0x20) || hasByteBelow(word ^ (ones &* 0x22), 1) || hasByteBelow(word ^ (ones &* 0x5C), 1)
    }

    /// Nonzero when a byte of `word` (loaded little-endian) is `"` or `\` (the bytes that end a string's plain
    /// text for a scan that does not validate it); the lowest set bit is then the high bit of the first such
    /// byte. Each zero-byte mask is exact at its lowest set bit (a borrow only spreads upwards), so their union
    /// is too.
    static func quoteOrBackslashMask(_ word: UInt64) -> UInt64 {
        byteBelowMask(word ^ (ones &* 0x22), 1) | byteBelowMask(word ^ (ones &* 0x5C), 1)
    }

    /// The index just past the closing quote of the string whose opening quote is at `start`, found eight bytes
    /// at a time (escapes are skipped, not checked); nil when the string never closes.
    static func stringEnd(_ bytes: UnsafeBufferPointer<UInt8>, openingQuoteAt start: Int) -> Int? {
        var index = start + 1
        while true {
            if let base = bytes.baseAddress {
                while index + 8 <= bytes.count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                    let found = quoteOrBackslashMask(word)
                    if found != 0 {
                        index += found.trailingZeroBitCount >> 3
                        break
                    }
                    index += 8
                }
            }
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "\"") { return index + 1 }
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
    }

    /// Whether any byte of `word` is 0x80 or above (not ASCII).
    static func hasNonASCIIByte(_ word: UInt64) -> Bool { word & highs != 0 }

    private static func hasByteBelow(_ word: UInt64, _ bound: UInt64) -> Bool { byteBelowMask(word, bound) != 0 }

    /// The high bits of the bytes of `word` below `bound` (exact at the lowest set bit; see above).
    private static func byteBelowMask(_ word: UInt64, _ bound: UInt64) -> UInt64 {
        (word &- ones &* bound) & ~word & highs
    }
}
