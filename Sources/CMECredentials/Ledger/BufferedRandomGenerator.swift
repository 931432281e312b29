import Crypto

/// Cryptographically secure random numbers drawn 512 bytes at a time from swift-crypto's generator.
///
/// `SystemRandomNumberGenerator` asks the kernel for every 8 bytes (a `getrandom` system call each, about a
/// microsecond in a virtual machine); a batch draws two or more status indexes per credential on the thread
/// that records the batch, where every microsecond counts.
struct BufferedRandomGenerator: RandomNumberGenerator {
    private static let wordsPerDraw = 64
    private var words: [UInt64] = []
    private var position = 0

    mutating func next() -> UInt64 {
        if position == words.count {
            // A fresh random key's bytes are fresh random bytes.
            let key = SymmetricKey(size: SymmetricKeySize(bitCount: Self.wordsPerDraw * 64))
            words = key.withUnsafeBytes { bytes in
                (0..<Self.wordsPerDraw).map { bytes.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self) }
            }
            position = 0
        }
        defer { position += 1 }
        return words[position]
    }
}
