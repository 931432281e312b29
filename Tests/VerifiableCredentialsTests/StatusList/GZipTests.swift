import Testing
import VerifiableCredentials

@Suite("GZIP (RFC 1952) through zlib")
struct GZipTests {
    @Test("Compressed output is a GZIP member with zlib's Unix header and round-trips")
    func roundTrip() throws {
        let input = (0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }
        let compressed = try GZip.compress(input)
        #expect(Array(compressed.prefix(10)) == [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03])
        #expect(try GZip.decompress(compressed) == input)
    }

    @Test("Empty input round-trips", arguments: [0, 1, 9])
    func emptyInput(level: Int) throws {
        let compressed = try GZip.compress([], level: level)
        #expect(try GZip.decompress(compressed) == [])
    }

    @Test("The trailer holds CRC-32 and ISIZE of the input (little-endian)")
    func trailer() throws {
        let input = Array("The quick brown fox jumps over the lazy dog".utf8)
        let compressed = try GZip.compress(input)
        let trailer = Array(compressed.suffix(8))
        // CRC-32 of the pangram is 0x414fa339.
        #expect(trailer[0..<4] == [0x39, 0xa3, 0x4f, 0x41])
        #expect(trailer[4..<8] == [UInt8(input.count), 0, 0, 0])
    }

    @Test("A level outside 0…9 is refused")
    func badLevel() {
        let error = #expect(throws: CredentialError.self) { try GZip.compress([1, 2, 3], level: 10) }
        #expect(error?.code == .compression)
    }

    @Test("Output beyond the cap is refused (zip bomb)")
    func outputCap() throws {
        let compressed = try GZip.compress([UInt8](repeating: 0, count: 16_384))
        #expect(try GZip.decompress(compressed, maximumOutputBytes: 16_384).count == 16_384)
        let error = #expect(throws: CredentialError.self) {
            try GZip.decompress(compressed, maximumOutputBytes: 16_383)
        }
        #expect(error?.code == .compression)
    }

    @Test("17 MiB of zeros compress to a few KiB and exceed the default cap")
    func defaultCap() throws {
        let bomb = try GZip.compress([UInt8](repeating: 0, count: 17 * 1024 * 1024), level: 9)
        #expect(bomb.count < 64 * 1024)
        let error = #expect(throws: CredentialError.self) { try GZip.decompress(bomb) }
        #expect(error?.code == .compression)
    }

    static let hostile: [(String, @Sendable ([UInt8]) -> [UInt8])] = [
        ("truncated", { Array($0.dropLast(5)) }),
        (
            "bad CRC",
            {
                var bytes = $0; bytes[bytes.count - 6] ^= 0xff; return bytes
            }
        ),
        (
            "bad length",
            {
                var bytes = $0; bytes[bytes.count - 1] ^= 0x01; return bytes
            }
        ),
        ("trailing bytes", { $0 + [0, 0, 0] }),
        (
            "bad magic",
            {
                var bytes = $0; bytes[1] = 0x8c; return bytes
            }
        ),
        (
            "bad method",
            {
                var bytes = $0; bytes[2] = 0x07; return bytes
            }
        ),
        (
            "corrupt deflate",
            {
                var bytes = $0; bytes[10] = 0xff; bytes[11] = 0xff; return bytes
            }
        ),
        ("empty", { _ in [] }),
    ]

    @Test("Damaged GZIP data is refused", arguments: 0..<hostile.count)
    func damaged(case index: Int) throws {
        let good = try GZip.compress(Array("status list bits".utf8) + [UInt8](repeating: 7, count: 300))
        let bad = Self.hostile[index].1(good)
        let error = #expect(throws: CredentialError.self, "\(Self.hostile[index].0)") { try GZip.decompress(bad) }
        #expect(error?.code == .compression)
    }

    @Test("zlib-wrapped (not GZIP) data is refused")
    func zlibWrapperRefused() {
        // zlib header 78 9c, then deflate of "a", then Adler-32.
        let zlibData: [UInt8] = [0x78, 0x9c, 0x4b, 0x04, 0x00, 0x00, 0x62, 0x00, 0x62, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        let error = #expect(throws: CredentialError.self) { try GZip.decompress(zlibData) }
        #expect(error?.code == .compression)
    }
}
