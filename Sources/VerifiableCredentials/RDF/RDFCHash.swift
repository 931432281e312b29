import Crypto
import Foundation

/// The incremental hash of RDFC-1.0 (§3.1 "hash"): SHA-256 or SHA-384, rendered as lowercase hex bytes.
struct RDFCHash {
    private enum State {
        case sha256(SHA256)
        case sha384(SHA384)
        /// Held only while a digest is being updated, so the digest's storage stays uniquely referenced and
        /// is updated in place rather than copied.
        case updating
    }

    private var state: State

    init(_ algorithm: RDFCanonicalizer.HashAlgorithm) {
        switch algorithm {
        case .sha256: state = .sha256(SHA256())
        case .sha384: state = .sha384(SHA384())
        }
    }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { update($0) }
    }

    mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        let buffer = UnsafeRawBufferPointer(bytes)
        switch state {
        case .sha256(var hash):
            state = .updating
            hash.update(bufferPointer: buffer)
            state = .sha256(hash)
        case .sha384(var hash):
            state = .updating
            hash.update(bufferPointer: buffer)
            state = .sha384(hash)
        case .updating:
            break
        }
    }

    /// The digest as lowercase hexadecimal ASCII bytes.
    func finalizeHex() -> [UInt8] {
        switch state {
        case .sha256(let hash): return Self.hex(hash.finalize())
        case .sha384(let hash): return Self.hex(hash.finalize())
        case .updating: return []
        }
    }

    /// The hash of one byte string, as lowercase hex.
    static func hex(of bytes: [UInt8], using algorithm: RDFCanonicalizer.HashAlgorithm) -> [UInt8] {
        var hash = RDFCHash(algorithm)
        hash.update(bytes)
        return hash.finalizeHex()
    }

    private static func hex(_ digest: some Digest) -> [UInt8] {
        digest.withUnsafeBytes { digest in
            [UInt8](unsafeUninitializedCapacity: 2 * digest.count) { out, count in
                for (index, byte) in digest.enumerated() {
                    out[2 * index] = hexDigit(byte >> 4)
                    out[2 * index + 1] = hexDigit(byte & 0xF)
                }
                count = 2 * digest.count
            }
        }
    }

    /// The lowercase hex digit of a value below 16.
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") &+ nibble : UInt8(ascii: "a") &+ (nibble &- 10)
    }
}
