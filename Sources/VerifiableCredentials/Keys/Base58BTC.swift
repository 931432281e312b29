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

    /// 58⁵: base58 digits are computed five at a time, in limbs below 2³⁰ (a literal, so dividing by it compiles
    /// to a multiplication).
    private static let digitLimb: UInt64 = 656_356_768
    /// 58 to the power 0…5: the multiplier of a group of that many digits.
    private static let groupMultipliers: [UInt64] = [1, 58, 3_364, 195_112, 11_316_496, digitLimb]

    /// Encodes `bytes` as base58btc text (without a multibase prefix).
    public static func encode(_ bytes: [UInt8]) -> String {
        let leadingZeros = bytes.prefix { $0 == 0 }.count
        let number = bytes[leadingZeros...]
        // Little-endian limbs of five base-58 digits each, fed 32 bits of the big-endian number at a time:
        // a limb times 2³² plus the carry stays below 2⁶³.
        var limbs: [UInt64] = []
        limbs.reserveCapacity(number.count * 138 / 500 + 2)
        var position = number.startIndex
        var groupLength = number.count % 4 == 0 ? 4 : number.count % 4
        while position < number.endIndex {
            var word: UInt64 = 0
            for byte in number[position..<(position + groupLength)] { word = word << 8 | UInt64(byte) }
            let shift = UInt64(8 * groupLength)
            var carry = word
            for index in limbs.indices {
                let value = limbs[index] << shift + carry
                limbs[index] = value % digitLimb
                carry = value / digitLimb
            }
            while carry > 0 {
                limbs.append(carry % digitLimb)
                carry /= digitLimb
            }
            position += groupLength
            groupLength = 4
        }
        var text = [UInt8](repeating: alphabet[0], count: leadingZeros)
        text.reserveCapacity(leadingZeros + limbs.count * 5)
        var started = false
        for limb in limbs.reversed() {
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0)
            var rest = limb
            withUnsafeMutableBytes(of: &digits) { buffer in
                for slot in (0..<5).reversed() {
                    buffer[slot] = UInt8(rest % 58)
                    rest /= 58
                }
                for digit in buffer where started || digit != 0 {
                    started = true
                    text.append(alphabet[Int(digit)])
                }
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The longest text ``decode(_:)`` accepts. Decoding takes time quadratic in the length, so a document's
    /// megabytes of base58 in a `proofValue` would stall a verifier; keys and signatures need under 200.
    public static let maximumDecodedLength = 16_384

    /// Decodes base58btc text (without a multibase prefix).
    ///
    /// - Throws: ``CredentialError`` with code `invalidBase58` when a character is outside the alphabet or the
    ///   text is longer than ``maximumDecodedLength``.
    public static func decode(_ text: String) throws(CredentialError) -> [UInt8] {
        guard text.utf8.count <= maximumDecodedLength else {
            throw .base58TooLong(text.utf8.count, limit: maximumDecodedLength)
        }
        let characters = Array(text.utf8)
        let leadingOnes = characters.prefix { $0 == alphabet[0] }.count
        // Little-endian 32-bit limbs of the number, fed five base-58 digits at a time: a limb times 58⁵ plus
        // the carry stays below 2⁶³.
        var limbs: [UInt64] = []
        limbs.reserveCapacity(characters.count * 733 / 4000 + 2)
        var offset = leadingOnes
        let digitCount = characters.count - leadingOnes
        var groupLength = digitCount % 5 == 0 ? 5 : digitCount % 5
        while offset < characters.count {
            var group: UInt64 = 0
            for position in offset..<(offset + groupLength) {
                let value = digitValues[Int(characters[position])]
                guard value != 0xFF else { throw .invalidBase58Character(at: position, in: text) }
                group = group * 58 + UInt64(value)
            }
            let multiplier = groupMultipliers[groupLength]
            var carry = group
            for index in limbs.indices {
                let value = limbs[index] * multiplier + carry
                limbs[index] = value & 0xFFFF_FFFF
                carry = value >> 32
            }
            while carry > 0 {
                limbs.append(carry & 0xFFFF_FFFF)
                carry >>= 32
            }
            offset += groupLength
            groupLength = 5
        }
        var bytes = [UInt8](repeating: 0, count: leadingOnes)
        bytes.reserveCapacity(leadingOnes + limbs.count * 4)
        var started = false
        for limb in limbs.reversed() {
            for shift in stride(from: 24, through: 0, by: -8) {
                let byte = UInt8(truncatingIfNeeded: limb >> UInt64(shift))
                if started || byte != 0 {
                    started = true
                    bytes.append(byte)
                }
            }
        }
        return bytes
    }
}
