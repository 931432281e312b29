import CZlib

/// GZIP (RFC 1952) compression through the system zlib, as Bitstring Status Lists require.
///
/// GZIP output is not canonical, so callers compare decompressed bytes, never compressed ones. With the
/// default level, zlib writes the header `1f 8b 08 00 00000000 00 03` (no name, mtime 0, Unix), which
/// reproduces the `encodedList` examples of the Bitstring Status List specification byte for byte.
public enum GZip {
    /// The largest output ``decompress(_:maximumOutputBytes:)`` produces by default: 16 MiB, room for a
    /// status list of 134 million one-bit entries, and a bound on what a hostile "zip bomb" can cost.
    public static let defaultMaximumOutputBytes = 16 * 1024 * 1024

    /// zlib's `windowBits` for a GZIP wrapper around a 32 KiB deflate window.
    private static let gzipWindowBits: Int32 = 15 + 16
    private static let chunkSize = 64 * 1024

    /// Compresses `bytes` into one GZIP member.
    ///
    /// - Parameter level: the zlib compression level, 0 (store) to 9 (smallest); 6 by default.
    /// - Throws: ``CredentialError`` with code `compression` if zlib fails (out of memory, bad level).
    public static func compress(_ bytes: [UInt8], level: Int = 6) throws(CredentialError) -> [UInt8] {
        guard (0...9).contains(level) else {
            throw CredentialError(.compression, "GZIP compression level must be 0 to 9, found \(level)")
        }
        var stream = z_stream()
        let initStatus = deflateInit2_(
            &stream, Int32(level), Z_DEFLATED, gzipWindowBits, 8, Z_DEFAULT_STRATEGY,
            zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else { throw zlibError("could not start GZIP compression", initStatus) }
        defer { deflateEnd(&stream) }

        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 32)
        let status: Int32 = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw zlibError("GZIP compression did not finish", status) }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// Decompresses one GZIP member, refusing to produce more than `maximumOutputBytes`.
    ///
    /// - Throws: ``CredentialError`` with code `compression` when the input is not GZIP (zlib or raw
    ///   deflate data included), is truncated, fails its CRC-32 or length check, has bytes after the
    ///   member, or would expand beyond the limit.
    public static func decompress(
        _ bytes: [UInt8], maximumOutputBytes: Int = defaultMaximumOutputBytes
    ) throws(CredentialError) -> [UInt8] {
        guard bytes.count >= 18, bytes[0] == 0x1f, bytes[1] == 0x8b else {
            throw CredentialError(.compression, "data is not GZIP (it does not start with 1f 8b)")
        }
        var stream = z_stream()
        let initStatus = inflateInit2_(
            &stream, gzipWindowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else { throw zlibError("could not start GZIP decompression", initStatus) }
        defer { inflateEnd(&stream) }

        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        let outcome: Result<Void, CredentialError> = bytes.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, out.count - Int(stream.avail_out))
                }
                if output.count + produced > maximumOutputBytes {
                    return .failure(
                        CredentialError(
                            .compression, "GZIP data expands to more than \(maximumOutputBytes) bytes"))
                }
                output.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_STREAM_END:
                    guard stream.avail_in == 0 else {
                        return .failure(
                            CredentialError(.compression, "\(stream.avail_in) bytes follow the GZIP data"))
                    }
                    return .success(())
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    return .failure(CredentialError(.compression, "GZIP data is truncated"))
                default:
                    return .failure(zlibError("GZIP data is corrupt", status, stream.msg))
                }
            }
        }
        try outcome.get()
        return output
    }

    private static func zlibError(
        _ message: String, _ status: Int32, _ detail: UnsafeMutablePointer<CChar>? = nil
    ) -> CredentialError {
        let reason = detail.map { String(cString: $0) } ?? "zlib status \(status)"
        return CredentialError(.compression, message, underlying: reason)
    }
}
