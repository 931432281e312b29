import Foundation

/// Cryptographically secure random numbers for any thread, from one ``BufferedRandomGenerator`` behind a lock.
///
/// Each credential draws a salt and an id (four 64-bit words); asking the kernel for each word cost about
/// 2 µs a credential in system calls. The lock is held for a copy of one word (and, once every 64 words, for
/// one draw of 512 bytes).
struct SharedRandomGenerator: RandomNumberGenerator {
    private static let shared = Locked()

    mutating func next() -> UInt64 {
        Self.shared.next()
    }

    private final class Locked: @unchecked Sendable {
        private let lock = NSLock()
        // Guarded by `lock`.
        private var generator = BufferedRandomGenerator()

        func next() -> UInt64 {
            lock.lock()
            defer { lock.unlock() }
            return generator.next()
        }
    }
}
