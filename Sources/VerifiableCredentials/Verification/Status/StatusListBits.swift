import CZlib

/// Decodes and encodes a Bitstring Status List's `encodedList` (multibase base64url of GZIP).
///
/// A deliberately small reader for the verifier: when the `StatusList` module (BitstringStatusList, GZip)
/// is merged, this is the one place to switch over to it.
public enum StatusListBits {
    /// The largest decompressed list accepted (16 MiB), a bound on a compression bomb.
    public static let maximumBytes = 16 * 1024 * 1024

    /// The bytes of the bitstring.
    public static func decode(_ encodedList: String) throws(CredentialError) -> [UInt8] {
        let compressed: [UInt8]
        do {
            compressed = try Multibase.decode(encodedList, expecting: .base64url)
        } catch {
            throw CredentialError(.statusListInvalid, "encodedList is not multibase base64url: \(error.message)")
        }
        return try inflate(compressed)
    }

    /// The `encodedList` text of `bits` (for tests and tools that publish lists).
    public static func encode(_ bits: [UInt8]) throws(CredentialError) -> String {
        Multibase.encode(try deflate(bits), as: .base64url)
    }

    /// The status value of `size` bits at entry `index`; bit 0 is the most significant bit of byte 0.
    public static func value(in bits: [UInt8], index: Int, size: Int) -> UInt32? {
        guard size >= 1, size <= 32, index >= 0, (index + 1) * size <= bits.count * 8 else { return nil }
        var value: UInt32 = 0
        for position in (index * size)..<((index + 1) * size) {
            let bit = (bits[position / 8] >> (7 - UInt8(position % 8))) & 1
            value = value << 1 | UInt32(bit)
        }
        return value
    }

    /// Sets the one-bit entry `index` (for tests and tools).
    public static func set(_ bits: inout [UInt8], index: Int) {
        guard index >= 0, index / 8 < bits.count else { return }
        bits[index / 8] |= 0x80 >> UInt8(index % 8)
    }

    private static func inflate(_ input: [UInt8]) throws(CredentialError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw CredentialError(.compression, "could not start GZIP decompression")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = input
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = UInt32(inBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = UInt32(outBuffer.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: outBuffer[0..<(outBuffer.count - Int(stream.avail_out))])
                }
            } while status == Z_OK && output.count <= maximumBytes
        }
        guard output.count <= maximumBytes else {
            throw CredentialError(.statusListInvalid, "the status list decompresses to more than \(maximumBytes) bytes")
        }
        guard status == Z_STREAM_END else {
            throw CredentialError(.compression, "encodedList is not valid GZIP data (zlib status \(status))")
        }
        return output
    }

    private static func deflate(_ input: [UInt8]) throws(CredentialError) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(
            &stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
            == Z_OK
        else { throw CredentialError(.compression, "could not start GZIP compression") }
        defer { deflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = input
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = UInt32(inBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = UInt32(outBuffer.count)
                    status = CZlib.deflate(&stream, Z_FINISH)
                    output.append(contentsOf: outBuffer[0..<(outBuffer.count - Int(stream.avail_out))])
                }
            } while status == Z_OK
        }
        guard status == Z_STREAM_END else { throw CredentialError(.compression, "GZIP compression failed (zlib status \(status))") }
        return output
    }
}
