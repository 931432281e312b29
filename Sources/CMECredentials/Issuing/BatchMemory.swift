#if canImport(Glibc)
    import Glibc
#endif

/// The allocator settings a long batch runs best with (glibc only; elsewhere nothing changes).
///
/// A batch allocates and frees the same few megabytes again and again (each transaction's credentials, their
/// files, the next transaction's records). With glibc's defaults, every free that leaves more than 128 KB at
/// the top of a heap gives those pages back to the kernel, and the next transaction faults them in again,
/// zeroed: in a `perf` profile of 20,000 records, growing the heaps (`sysmalloc`) alone took about 2 % of
/// issuing; with the settings below (and credential buffers that no longer grow) interleaved runs of 100,000
/// records used 94 → 91 µs of CPU per credential (one-off measurements, 2026-11-24).
public enum BatchMemory {
    /// Keeps up to 256 MB of freed memory for reuse instead of returning it at every free, and grows a heap
    /// 16 MB at a time. Process-wide: `cmevc issue` calls it before its batch; a program that issues
    /// batches through the library may do the same. Peak memory stays that of the batch's working set.
    ///
    /// - Returns: whether the allocator took the settings (false where there is no glibc `mallopt`).
    @discardableResult
    public static func keepFreedMemory() -> Bool {
        #if canImport(Glibc)
            // `mallopt` is not in Swift's Glibc module (malloc.h is not part of it): looked up by name, with
            // the parameter numbers of glibc's malloc.h. It returns 1 when it takes a setting.
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
            let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
            let trimThreshold: Int32 = -1
            let topPad: Int32 = -2
            return mallopt(trimThreshold, 256 << 20) == 1 && mallopt(topPad, 16 << 20) == 1
        #else
            return false
        #endif
    }
}
