#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The growable output buffer of the JSON serializer and canonicalizer: an append is a capacity check and a
/// copy, where appending to an `Array` also checks that the buffer is uniquely referenced each time (about
/// a third of serializing a credential went to `Array.append` bookkeeping).
///
/// The buffer comes from `malloc` and grows with `realloc` (which often extends it in place): Swift's
/// `allocate(capacity:)` goes through `posix_memalign` on Linux, a slower path of the allocator, and growing
/// it meant a new buffer and a copy. Should `malloc` fail, the buffer comes from Swift's allocator instead,
/// which reports the failure as it always does.
struct ByteWriter: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    /// Whether `storage` came from `malloc` (freed with `free`), not from Swift's allocator.
    private var fromMalloc: Bool

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        if let raw = malloc(self.capacity) {
            storage = raw.bindMemory(to: UInt8.self, capacity: self.capacity)
            fromMalloc = true
        } else {
            storage = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
            fromMalloc = false
        }
    }

    deinit { Self.release(storage, fromMalloc: fromMalloc) }

    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        storage[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        UnsafeMutableRawPointer(storage + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(UnsafeRawBufferPointer(bytes)) }

    mutating func append(_ text: StaticString) {
        append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Appends `byte` `count` times.
    mutating func append(repeating byte: UInt8, count repeated: Int) {
        guard repeated > 0 else { return }
        if count + repeated > capacity { grow(to: count + repeated) }
        (storage + count).initialize(repeating: byte, count: repeated)
        count += repeated
    }

    /// The bytes written, as an array.
    consuming func finish() -> [UInt8] {
        let result = [UInt8](UnsafeBufferPointer(start: storage, count: count))
        Self.release(storage, fromMalloc: fromMalloc)
        discard self
        return result
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        if fromMalloc, let raw = realloc(storage, newCapacity) {
            storage = raw.bindMemory(to: UInt8.self, capacity: newCapacity)
        } else {
            // Swift's allocator (also when `realloc` failed: the old buffer is still valid then).
            let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newStorage.update(from: storage, count: count)
            Self.release(storage, fromMalloc: fromMalloc)
            storage = newStorage
            fromMalloc = false
        }
        capacity = newCapacity
    }

    private static func release(_ storage: UnsafeMutablePointer<UInt8>, fromMalloc: Bool) {
        if fromMalloc { free(storage) } else { storage.deallocate() }
    }
}
