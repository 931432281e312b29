import Foundation

/// Credential ids: UUIDs (RFC 9562) drawn from the system's cryptographically secure generator.
///
/// Issuing uses time-ordered ids (version 7: 48 bits of Unix milliseconds, then 74 random bits), so each new
/// credential's id lands at the end of the ledger's indexes instead of at a random page of them: with random
/// (version 4) ids every 1,000-credential transaction rewrote most index pages of a large ledger. The
/// millisecond of issue is no secret: the credential's proof states its `created` time.
///
/// Foundation's `UUID()` draws the same kind of random bits, but on Linux it opens and reads `/dev/urandom` for
/// every one; ``SharedRandomGenerator`` asks the kernel for 256 bytes a call.
enum RandomUUID {
    /// A new random (version 4) lowercase UUID such as `0f8fad5b-d9cb-469f-a165-70867728950e`.
    static func lowercase() -> String {
        var generator = SharedRandomGenerator()
        return lowercase(high: generator.next(), low: generator.next())
    }

    /// The UUID made of 128 random bits, with the version (4) and variant (`10`) bits set.
    static func lowercase(high: UInt64, low: UInt64) -> String {
        text(high: high & ~0xF000 | 0x4000, low: withVariant(low))
    }

    /// A new time-ordered (version 7) lowercase UUID for the instant `date`.
    static func timeOrdered(at date: Date = Date()) -> String {
        var generator = SharedRandomGenerator()
        let milliseconds = UInt64(max(0, (date.timeIntervalSince1970 * 1000).rounded(.down)))
        return timeOrdered(milliseconds: milliseconds, random: generator.next(), low: generator.next())
    }

    /// The version 7 UUID of `milliseconds` since 1970 (48 bits), 12 bits of `random` and 62 bits of `low`.
    static func timeOrdered(milliseconds: UInt64, random: UInt64, low: UInt64) -> String {
        let high = (milliseconds & 0xFFFF_FFFF_FFFF) << 16 | 0x7000 | random & 0x0FFF
        return text(high: high, low: withVariant(low))
    }

    private static func withVariant(_ low: UInt64) -> UInt64 {
        low & ~(0xC000 << 48) | (0x8000 << 48)
    }

    /// The 8-4-4-4-12 lowercase hex form of the 128 bits.
    private static func text(high: UInt64, low: UInt64) -> String {
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
