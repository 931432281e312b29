/// Random (version 4) UUIDs, RFC 9562 §5.4, drawn from the system's cryptographically secure generator.
///
/// Foundation's `UUID()` gives the same kind of id, but on Linux it opens and reads `/dev/urandom` for every
/// one; `SystemRandomNumberGenerator` asks the kernel (`getrandom`) without opening a file.
enum RandomUUID {
    /// A new lowercase UUID such as `0f8fad5b-d9cb-469f-a165-70867728950e`.
    static func lowercase() -> String {
        var generator = SystemRandomNumberGenerator()
        return lowercase(high: generator.next(), low: generator.next())
    }

    /// The UUID made of 128 random bits, with the version (4) and variant (`10`) bits set.
    static func lowercase(high: UInt64, low: UInt64) -> String {
        let high = high & ~0xF000 | 0x4000
        let low = low & ~(0xC000 << 48) | (0x8000 << 48)
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (position, word) in [(0, high), (16, low)] {
            for nibble in 0..<16 {
                // Dashes before hex digits 8, 12, 16 and 20: 8-4-4-4-12.
                if [8, 12, 16, 20].contains(position + nibble) { text.append(UInt8(ascii: "-")) }
                text.append(digits[Int(truncatingIfNeeded: word >> UInt64(60 - 4 * nibble)) & 0xF])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
