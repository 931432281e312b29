import Testing

@testable import CMECredentials

@Suite("Status list bitmaps of taken indexes")
struct IndexBitmapTests {
    @Test("inserting and removing keep the count; indexes outside the list count as taken and are ignored")
    func insertRemove() {
        var bitmap = IndexBitmap(size: 130)
        #expect(bitmap.freeCount == 130)
        for index in [0, 63, 64, 129, 64] { bitmap.insert(index) }
        #expect(bitmap.freeCount == 126)
        #expect(bitmap.contains(63) && bitmap.contains(64) && bitmap.contains(129))
        #expect(!bitmap.contains(1) && !bitmap.contains(128))
        #expect(bitmap.contains(-1) && bitmap.contains(130))
        bitmap.insert(130)
        bitmap.insert(-5)
        #expect(bitmap.freeCount == 126)
        bitmap.remove(64)
        bitmap.remove(64)
        bitmap.remove(1)
        #expect(bitmap.freeCount == 127)
        #expect(!bitmap.contains(64))
    }

    @Test("the rank-th free index walks the free indexes in order, across words and a partial last word")
    func freeIndexByRank() {
        for size in [1, 63, 64, 65, 200] {
            var bitmap = IndexBitmap(size: size)
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<(size / 2) { bitmap.insert(Int.random(in: 0..<size, using: &generator)) }
            let free = (0..<size).filter { !bitmap.contains($0) }
            #expect(free.count == bitmap.freeCount)
            #expect((0..<free.count).map { bitmap.freeIndex(rank: $0) } == free.map { Optional($0) })
            #expect(bitmap.freeIndex(rank: free.count) == nil)
            #expect(bitmap.freeIndex(rank: -1) == nil)
        }
    }

    @Test("a full list has no free index")
    func full() {
        var bitmap = IndexBitmap(size: 70)
        for index in 0..<70 { bitmap.insert(index) }
        #expect(bitmap.freeCount == 0)
        #expect(bitmap.freeIndex(rank: 0) == nil)
    }
}

@Suite("Status list bitmaps as stored in the ledger")
struct IndexBitmapBytesTests {
    @Test("the stored bytes read back as the same bitmap, index i as bit i % 8 of byte i / 8")
    func roundTrip() throws {
        for size in [1, 63, 64, 65, 200] {
            var bitmap = IndexBitmap(size: size)
            for index in stride(from: 0, to: size, by: 3) { bitmap.insert(index) }
            let bytes = bitmap.bytes
            #expect(bytes.count == (size + 63) / 64 * 8)
            #expect(bytes[0] == (size == 1 ? 0b0000_0001 : 0b0100_1001))
            let read = try #require(IndexBitmap(size: size, bytes: bytes))
            #expect(read == bitmap)
            #expect(read.freeCount == bitmap.freeCount)
        }
    }

    @Test("bytes of the wrong length, or with bits past the list's end, are not a bitmap")
    func rejects() {
        #expect(IndexBitmap(size: 64, bytes: [UInt8](repeating: 0, count: 7)) == nil)
        #expect(IndexBitmap(size: 64, bytes: [UInt8](repeating: 0, count: 16)) == nil)
        var pastEnd = [UInt8](repeating: 0, count: 8)
        pastEnd[1] = 0b0000_0100  // index 10 of a list of 10
        #expect(IndexBitmap(size: 10, bytes: pastEnd) == nil)
        pastEnd[1] = 0b0000_0010  // index 9
        #expect(IndexBitmap(size: 10, bytes: pastEnd)?.contains(9) == true)
    }
}
