#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Cryptographically secure random numbers drawn from the kernel 512 bytes at a time (two calls of 256).
///
/// The buffer is process memory: a process that forks must not draw from it in both parent and child (cmevc
/// never forks without `exec`).
///
/// `SystemRandomNumberGenerator` (and swift-crypto's random keys, which fill themselves from it) asks the
/// kernel for every 8 bytes: a `getrandom` system call each, about half a microsecond. Issuing draws a salt,
/// an id and two or more status indexes per credential, where every microsecond counts. The words come from
/// the same kernel generator through `getentropy(3)` (`getrandom(2)` on Linux); should it ever fail,
/// `SystemRandomNumberGenerator` fills the buffer instead.
struct BufferedRandomGenerator: RandomNumberGenerator {
    private static let wordsPerDraw = 64
    private var words: [UInt64] = []
    private var position = 0

    mutating func next() -> UInt64 {
        if position == words.count {
            words = Self.draw()
            position = 0
        }
        defer { position += 1 }
        return words[position]
    }

    private static func draw() -> [UInt64] {
        var words = [UInt64](repeating: 0, count: wordsPerDraw)
        let filled = words.withUnsafeMutableBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            // `getentropy` hands out at most 256 bytes a call.
            for offset in stride(from: 0, to: buffer.count, by: 256) {
                guard getentropy(base + offset, min(256, buffer.count - offset)) == 0 else { return false }
            }
            return true
        }
        if !filled {
            var system = SystemRandomNumberGenerator()
            for index in words.indices { words[index] = system.next() }
        }
        return words
    }
}
