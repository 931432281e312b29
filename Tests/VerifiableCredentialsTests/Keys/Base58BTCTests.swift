import Testing
import VerifiableCredentials

@Suite("Base58BTC and Multibase")
struct Base58BTCTests {
    /// Known pairs: the empty string, leading zeros, and the draft-msporny-base58 examples.
    static let pairs: [([UInt8], String)] = [
        ([], ""),
        ([0], "1"),
        ([0, 0, 1], "112"),
        (Array("Hello World!".utf8), "2NEpo7TZRRrLZSi2U"),
        (
            Array("The quick brown fox jumps over the lazy dog.".utf8),
            "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z"
        ),
        ([0x00, 0x00, 0x28, 0x7f, 0xb4, 0xcd], "11233QC4"),
    ]

    @Test(arguments: pairs)
    func encodesAndDecodes(bytes: [UInt8], text: String) throws {
        #expect(Base58BTC.encode(bytes) == text)
        #expect(try Base58BTC.decode(text) == bytes)
    }

    @Test(arguments: ["0abc", "zI", "O", "l1", "é"])
    func rejectsCharactersOutsideTheAlphabet(_ text: String) {
        let error = #expect(throws: CredentialError.self) { try Base58BTC.decode(text) }
        #expect(error?.code == .invalidBase58)
    }

    @Test("text longer than any key or signature is refused before the quadratic decoding starts")
    func refusesOverlongText() throws {
        let limit = Base58BTC.maximumDecodedLength
        #expect(try Base58BTC.decode(String(repeating: "2", count: limit)).count > 0)
        let error = #expect(throws: CredentialError.self) {
            try Base58BTC.decode(String(repeating: "2", count: 16 * 1024 * 1024))
        }
        #expect(error?.code == .invalidBase58)
        #expect(error?.message.contains("16777216 characters") == true)
    }

    @Test
    func roundTripsRandomBytes() throws {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<80 {
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if length % 3 == 0 { bytes.insert(0, at: 0) }
            #expect(try Base58BTC.decode(Base58BTC.encode(bytes)) == bytes)
        }
    }

    /// The textbook digit-at-a-time conversion, as the reference for the limb-based one.
    static func referenceEncode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
        let zeros = bytes.prefix { $0 == 0 }.count
        var digits: [Int] = []
        for byte in bytes.dropFirst(zeros) {
            var carry = Int(byte)
            for index in digits.indices {
                carry += digits[index] << 8
                digits[index] = carry % 58
                carry /= 58
            }
            while carry > 0 {
                digits.append(carry % 58)
                carry /= 58
            }
        }
        return String(repeating: "1", count: zeros) + String(digits.reversed().map { alphabet[$0] })
    }

    @Test
    func matchesTheDigitAtATimeConversion() throws {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<140 {
            for round in 0..<8 {
                var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                if round == 1, length > 0 { bytes[0] = 0 }
                if round == 2 { bytes = [UInt8](repeating: 0xFF, count: length) }
                if round == 3 {
                    bytes = [UInt8](repeating: 0, count: length / 2) + [UInt8](repeating: 1, count: length / 2)
                }
                let text = Self.referenceEncode(bytes)
                #expect(Base58BTC.encode(bytes) == text, "\(bytes)")
                #expect(try Base58BTC.decode(text) == bytes, "\(text)")
            }
        }
        // Any text of alphabet characters decodes to the number it spells (encoding it again gives it back).
        let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
        for length in 0..<120 {
            let text = String(
                (0..<length).map { index in index == 0 ? "2" : alphabet.randomElement(using: &generator)! })
            #expect(Base58BTC.encode(try Base58BTC.decode(text)) == text)
        }
    }

    @Test(arguments: [
        "eddsa/keyPair.json", "ecdsa/p256KeyPair.json", "ecdsa/p384KeyPair.json",
    ])
    func vectorKeysRoundTrip(_ file: String) throws {
        let json = try Vectors.json(file)
        for member in ["publicKeyMultibase", "privateKeyMultibase", "secretKeyMultibase"] {
            guard let text = json[member]?.stringValue else { continue }
            let bytes = try Multibase.decode(text)
            #expect(Multibase.encode(bytes, as: .base58btc) == text)
        }
    }

    @Test
    func base64URLWithoutPadding() throws {
        let bytes: [UInt8] = [0xFB, 0xFF, 0x00, 0x01]
        let text = Multibase.encode(bytes, as: .base64url)
        #expect(text == "u-_8AAQ")
        #expect(try Multibase.decode(text) == bytes)
        #expect(try Multibase.decode("u", expecting: .base64url) == [])
    }

    @Test(arguments: ["", "x123", "u-_8AAQ==", "u+/8A", "uA", "f00"])
    func rejectsBadMultibase(_ text: String) {
        let error = #expect(throws: CredentialError.self) { try Multibase.decode(text) }
        #expect(error?.code == .invalidMultibase)
    }

    @Test
    func rejectsTheWrongPrefix() {
        let error = #expect(throws: CredentialError.self) { try Multibase.decode("u-_8AAQ", expecting: .base58btc) }
        #expect(error?.code == .invalidMultibase)
    }
}
