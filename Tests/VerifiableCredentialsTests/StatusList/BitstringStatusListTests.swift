import Testing
import VerifiableCredentials

@Suite("Bitstring status list: bit order, sizes and encodedList")
struct BitstringStatusListTests {
    @Test("A new list has 131,072 entries in 16 KiB, all unset")
    func defaults() throws {
        let list = try BitstringStatusList()
        #expect(list.entryCount == 131_072)
        #expect(list.bytes.count == 16_384)
        #expect(list.setIndexes.isEmpty)
        #expect(try list.status(at: 131_071) == 0)
    }

    @Test("Index 0 is the most significant bit of byte 0")
    func bitOrder() throws {
        var list = try BitstringStatusList()
        try list.set(true, at: 0)
        try list.set(true, at: 7)
        try list.set(true, at: 8)
        #expect(list.bytes[0] == 0x81)
        #expect(list.bytes[1] == 0x80)
        try list.set(false, at: 0)
        #expect(list.bytes[0] == 0x01)
        #expect(list.setIndexes == [7, 8])
    }

    @Test("statusSize 2 writes values most significant bit first")
    func twoBitValues() throws {
        var list = try BitstringStatusList(statusSize: 2)
        #expect(list.bytes.count == 32_768)
        try list.setStatus(3, at: 0)
        try list.setStatus(1, at: 1)
        try list.setStatus(2, at: 2)
        #expect(list.bytes[0] == 0xd8)
        #expect(try list.status(at: 1) == 1)
        #expect(list.setIndexes == [0, 1, 2])
        let error = #expect(throws: CredentialError.self) { try list.setStatus(4, at: 3) }
        #expect(error?.code == .invalidStatusList)
    }

    @Test("statusSize 3 values straddle byte boundaries")
    func threeBitValues() throws {
        var list = try BitstringStatusList(statusSize: 3)
        for index in 0..<16 { try list.setStatus(UInt32(index % 8), at: index) }
        for index in 0..<16 { #expect(try list.status(at: index) == UInt32(index % 8)) }
        #expect(list.setIndexes == (0..<16).filter { $0 % 8 != 0 })
    }

    @Test("An index outside the list is a range error", arguments: [-1, 131_072, Int.max])
    func outOfRange(index: Int) throws {
        var list = try BitstringStatusList()
        let readError = #expect(throws: CredentialError.self) { try list.status(at: index) }
        #expect(readError?.code == .statusIndexOutOfRange)
        let writeError = #expect(throws: CredentialError.self) { try list.set(true, at: index) }
        #expect(writeError?.code == .statusIndexOutOfRange)
    }

    @Test("Fewer than the minimum entries is refused unless the caller lowers the bound")
    func minimumLength() throws {
        let error = #expect(throws: CredentialError.self) { try BitstringStatusList(entryCount: 131_071) }
        #expect(error?.code == .statusListTooShort)
        let small = try BitstringStatusList(entryCount: 64, minimumEntries: 64)
        #expect(small.bytes.count == 8)
        let bytesError = #expect(throws: CredentialError.self) {
            try BitstringStatusList(bytes: [UInt8](repeating: 0, count: 16_384), statusSize: 2)
        }
        #expect(bytesError?.code == .statusListTooShort)
    }

    @Test("statusSize must be 1 to 32", arguments: [0, -1, 33])
    func badStatusSize(size: Int) {
        let error = #expect(throws: CredentialError.self) { try BitstringStatusList(statusSize: size) }
        #expect(error?.code == .invalidStatusList)
    }

    @Test("Random entries survive encodedList and decoding", arguments: [1, 2, 4])
    func randomRoundTrip(statusSize: Int) throws {
        var generator = SplitMix64(seed: UInt64(statusSize))
        var list = try BitstringStatusList(statusSize: statusSize)
        var expected: [Int: UInt32] = [:]
        for _ in 0..<500 {
            let index = Int(generator.next() % UInt64(list.entryCount))
            let value = UInt32(generator.next() % (UInt64(1) << UInt64(statusSize)))
            try list.setStatus(value, at: index)
            expected[index] = value
        }
        let encoded = try list.encodedList()
        #expect(encoded.hasPrefix("u"))
        #expect(!encoded.contains("=") && !encoded.contains("+") && !encoded.contains("/"))
        let decoded = try BitstringStatusList(encodedList: encoded, statusSize: statusSize)
        #expect(decoded == list)
        for (index, value) in expected { #expect(try decoded.status(at: index) == value) }
        #expect(decoded.setIndexes == expected.filter { $0.value != 0 }.keys.sorted())
    }

    static let badEncodings: [(String, String)] = [
        ("no prefix", "H4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"),
        ("base58 prefix", "zH4sIAAAAAAAAA"),
        ("empty", ""),
        ("standard base64 alphabet", "uH4sIAAAAAAAAA+3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"),
        ("padding", "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA=="),
        ("whitespace", "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAA AAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"),
        ("impossible length", "uH4sIA"),
        ("zlib, not GZIP", "ueJzLSM3JyVeoyslMUijPL8pJAQA0WgYu"),
        ("truncated GZIP", "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbS"),
    ]

    @Test("A malformed encodedList is invalidStatusList", arguments: 0..<badEncodings.count)
    func badEncoding(case index: Int) {
        let (name, text) = Self.badEncodings[index]
        let error = #expect(throws: CredentialError.self, "\(name)") { try BitstringStatusList(encodedList: text) }
        #expect(error?.code == .invalidStatusList)
    }

    @Test("A valid but short list is statusListTooShort")
    func shortEncodedList() throws {
        let short = try BitstringStatusList(entryCount: 8_000, minimumEntries: 8)
        let encoded = try short.encodedList()
        let error = #expect(throws: CredentialError.self) { try BitstringStatusList(encodedList: encoded) }
        #expect(error?.code == .statusListTooShort)
        #expect(try BitstringStatusList(encodedList: encoded, minimumEntries: 8_000).entryCount == 8_000)
    }

    @Test("A list that expands beyond maximumBytes is refused")
    func expansionCap() throws {
        let encoded = try BitstringStatusList(entryCount: 1 << 20).encodedList()
        let error = #expect(throws: CredentialError.self) {
            try BitstringStatusList(encodedList: encoded, maximumBytes: 100_000)
        }
        #expect(error?.code == .invalidStatusList)
    }
}

/// A small deterministic generator, so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
