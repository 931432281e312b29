/// The taken indexes of one status list, one bit each (a full list of 131,072 entries is 16 KB).
struct IndexBitmap: Sendable, Hashable {
    private var words: [UInt64]
    /// The number of indexes the list holds.
    let size: Int
    /// The number of taken indexes.
    private(set) var count = 0

    init(size: Int) {
        self.size = max(0, size)
        words = [UInt64](repeating: 0, count: (self.size + 63) / 64)
    }

    /// The bitmap stored as ``bytes``; nil when `bytes` is not a bitmap of `size` indexes (the wrong length,
    /// or bits set past the end).
    init?(size: Int, bytes: [UInt8]) {
        self.init(size: size)
        guard bytes.count == words.count * 8 else { return nil }
        var count = 0
        for wordIndex in words.indices {
            var word: UInt64 = 0
            for byte in 0..<8 { word |= UInt64(bytes[wordIndex * 8 + byte]) << UInt64(byte * 8) }
            words[wordIndex] = word
            count += word.nonzeroBitCount
        }
        if let last = words.last, size % 64 != 0, last & ~Self.mask(size % 64) != 0 { return nil }
        self.count = count
    }

    /// The bitmap as bytes, 8 per 64 indexes: index `i` is bit `i % 8` of byte `i / 8` (little-endian
    /// words), so a list of 131,072 entries takes 16 KB.
    var bytes: [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(words.count * 8)
        for word in words {
            for byte in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(byte * 8))) }
        }
        return bytes
    }

    /// Whether `index` is taken; indexes outside the list count as taken, so they are never handed out.
    func contains(_ index: Int) -> Bool {
        guard index >= 0, index < size else { return true }
        return words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// Marks `index` taken (indexes outside the list are ignored).
    mutating func insert(_ index: Int) {
        guard index >= 0, index < size else { return }
        let bit: UInt64 = 1 << UInt64(index & 63)
        if words[index >> 6] & bit == 0 {
            words[index >> 6] |= bit
            count += 1
        }
    }

    /// Marks `index` free again.
    mutating func remove(_ index: Int) {
        guard index >= 0, index < size else { return }
        let bit: UInt64 = 1 << UInt64(index & 63)
        if words[index >> 6] & bit != 0 {
            words[index >> 6] &= ~bit
            count -= 1
        }
    }

    /// The number of free indexes.
    var freeCount: Int { size - count }

    /// The `rank`-th free index in increasing order (0-based), or nil when there are not that many.
    func freeIndex(rank: Int) -> Int? {
        guard rank >= 0, rank < freeCount else { return nil }
        var remaining = rank
        for (wordIndex, word) in words.enumerated() {
            let base = wordIndex * 64
            let bitsInWord = min(64, size - base)
            let free = bitsInWord - (word & Self.mask(bitsInWord)).nonzeroBitCount
            if remaining >= free {
                remaining -= free
                continue
            }
            var freeBits = ~word & Self.mask(bitsInWord)
            for _ in 0..<remaining { freeBits &= freeBits - 1 }
            return base + freeBits.trailingZeroBitCount
        }
        return nil
    }

    private static func mask(_ bits: Int) -> UInt64 { bits >= 64 ? ~0 : (1 << UInt64(bits)) - 1 }
}
