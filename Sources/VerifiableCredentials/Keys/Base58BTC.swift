/// Base58 with the Bitcoin alphabet, as used by `z`-prefixed multibase strings.
///
/// Each leading zero byte becomes a leading `1`, and each leading `1` decodes to a zero byte, so the
/// encoding is a bijection between byte strings and canonical base58btc text.
public enum Base58BTC {
    /// The 58 characters, in digit order.
    static let alphabet: [UInt8] = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

    /// Digit value for each ASCII byte; 0xFF marks a byte outside the alphabet.
    private static let digitValues: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
        return table
    }()

    /// Encodes `bytes` as base58btc text (without a multibase prefix).
    public static func encode(_ bytes: [UInt8]) -> String {
        let leadingZeros = bytes.prefix { $0 == 0 }.count
        // Little-endian base-58 digits of the big-endian number formed by the remaining bytes.
        var digits: [UInt8] = []
        digits.reserveCapacity(bytes.count * 138 / 100 + 1)
        for byte in bytes.dropFirst(leadingZeros) {
            var carry = Int(byte)
            for index in digits.indices {
                carry += Int(digits[index]) << 8
                digits[index] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 {
                digits.append(UInt8(carry % 58))
                carry /= 58
            }
        }
        var text = [UInt8](repeating: alphabet[0], count: leadingZeros)
        text.reserveCapacity(leadingZeros + digits.count)
        for digit in digits.reversed() { text.append(alphabet[Int(digit)]) }
        return String(decoding: text, as: UTF8.self)
    }

    /// Decodes base58btc text (without a multibase prefix).
    ///
    /// - Throws: ``CredentialError`` with code `invalidBase58` when a character is outside the alphabet.
    public static func decode(_ text: String) throws(CredentialError) -> [UInt8] {
        let characters = Array(text.utf8)
        let leadingOnes = characters.prefix { $0 == alphabet[0] }.count
        // Little-endian base-256 bytes of the number.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count * 733 / 1000 + 1)
        for (offset, character) in characters.enumerated().dropFirst(leadingOnes) {
            let value = digitValues[Int(character)]
            guard value != 0xFF else { throw .invalidBase58Character(at: offset, in: text) }
            var carry = Int(value)
            for index in bytes.indices {
                carry += Int(bytes[index]) * 58
                bytes[index] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.append(UInt8(carry & 0xFF))
                carry >>= 8
            }
        }
        return [UInt8](repeating: 0, count: leadingOnes) + bytes.reversed()
    }
}
