/// Lines written one after another into one buffer, each known by its range, sorted in code point order
/// without copying them out.
struct LineBuffer {
    private(set) var bytes: [UInt8] = []
    /// Each line's range in ``bytes`` and a number the writer gives it, in the order written (or sorted).
    private(set) var lines: [(range: Range<Int>, tag: Int)] = []

    init(capacity: Int, lines count: Int) {
        bytes.reserveCapacity(capacity)
        lines.reserveCapacity(count)
    }

    /// Lines already written: `lines` are ranges of `bytes`.
    init(bytes: [UInt8], lines: [(range: Range<Int>, tag: Int)]) {
        (self.bytes, self.lines) = (bytes, lines)
    }

    /// Appends a line written by `write`, tagged `tag`.
    mutating func append(tag: Int, _ write: (inout [UInt8]) -> Void) {
        let start = bytes.count
        write(&bytes)
        lines.append((start..<bytes.count, tag))
    }

    /// The lines' tags, in the lines' order.
    var tags: [Int] { lines.map(\.tag) }

    /// Sorts the lines in code point (UTF-8 byte) order; equal lines keep no particular order.
    mutating func sort() {
        guard lines.count > 1 else { return }
        bytes.withUnsafeBufferPointer { buffer in
            lines.sort { lhs, rhs in
                CodeUnitOrder.bytesPrecede(
                    UnsafeBufferPointer(rebasing: buffer[lhs.range]), UnsafeBufferPointer(rebasing: buffer[rhs.range]))
            }
        }
    }

    /// Sorts the lines (``sort()``, whose merge sort goes through lines already in order in one pass) and
    /// returns whether their order changed: lines written one after another are still in the order written
    /// when their ranges still increase.
    mutating func sortReportingReorder() -> Bool {
        sort()
        return lines.indices.dropFirst().contains { lines[$0].range.lowerBound < lines[$0 - 1].range.lowerBound }
    }

    /// Calls `body` with each line's bytes, in the lines' order.
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, _ tag: Int) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            for line in lines { body(UnsafeBufferPointer(rebasing: buffer[line.range]), line.tag) }
        }
    }
}
