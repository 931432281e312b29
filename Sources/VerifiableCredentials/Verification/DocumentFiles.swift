import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading the documents a verifier is given: files, and folders of them.
///
/// A file is read with one `open`, one `fstat` and `read` calls into one buffer (Foundation's file APIs cost
/// about forty system calls a file, which dominates a folder of 100,000 credentials); a file over the size
/// limit is refused before it is read.
public enum DocumentFiles {
    /// The bytes of the file at `path`.
    ///
    /// - Parameter maximumBytes: the largest file accepted (default: the JSON parser's limit).
    /// - Throws: ``CredentialError`` `io` when the file cannot be read or is a directory; `documentTooLarge`
    ///   when it is larger than `maximumBytes` (or grows past it while being read).
    public static func read(
        _ path: String, maximumBytes: Int = JSONParser.Limits.default.maximumBytes
    ) throws(CredentialError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw readFailure(errno, path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw CredentialError(.io, "cannot read the file", location: path)
        }
        guard (status.st_mode & S_IFMT) != S_IFDIR else {
            throw CredentialError(.io, "cannot read the file (it is a directory)", location: path)
        }
        let size = Int(status.st_size)
        guard size <= maximumBytes else { throw tooLarge(size, maximumBytes, path) }
        // One byte more than the size, so a regular file that did not grow is read by a single `read`: once the
        // size `fstat` gave is read, a read of a regular file that returns fewer bytes than asked for has reached
        // the end of the file (a short read before that, as some network file systems do, is read on).
        let isRegular = (status.st_mode & S_IFMT) == S_IFREG
        var failure: Int32?
        var count = 0
        let capacity = max(size, 4096) + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            while count < buffer.count {
                let rest = UnsafeMutableBufferPointer(rebasing: buffer[count...])
                let got = systemRead(descriptor, UnsafeMutableRawBufferPointer(rest))
                if got < 0 {
                    failure = errno
                    break
                }
                let asked = buffer.count - count
                count += got
                if got == 0 || (isRegular && count >= size && got < asked) { break }
            }
            initialized = count
        }
        if let failure { throw readFailure(failure, path) }
        // The file filled the buffer: it grew since `fstat` (or is not a regular file); read on to its end.
        if count == capacity {
            while true {
                if count == bytes.count {
                    guard count <= maximumBytes else { throw tooLarge(count, maximumBytes, path) }
                    bytes.append(contentsOf: repeatElement(0, count: bytes.count))
                }
                let got = bytes.withUnsafeMutableBytes { buffer in
                    systemRead(descriptor, UnsafeMutableRawBufferPointer(rebasing: buffer[count...]))
                }
                if got < 0 { throw readFailure(errno, path) }
                if got == 0 { break }
                count += got
            }
        }
        guard count <= maximumBytes else { throw tooLarge(count, maximumBytes, path) }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// `paths` with each folder replaced by the `.json` and `.jwt` files directly in it, sorted by name.
    ///
    /// - Throws: ``CredentialError`` `io` naming a path that does not exist, or a folder with no `.json` or
    ///   `.jwt` file (so that an empty folder is never reported as verified).
    public static func expand(_ paths: [String]) throws(CredentialError) -> [String] {
        var files: [String] = []
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0 else {
                throw CredentialError(.io, "no such file or directory", location: path)
            }
            guard (status.st_mode & S_IFMT) == S_IFDIR else {
                files.append(path)
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let folder = path.hasSuffix("/") ? path : path + "/"
            let documents = names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".jwt") }.sorted()
            guard !documents.isEmpty else {
                throw CredentialError(.io, "the folder holds no .json or .jwt file", location: path)
            }
            files += documents.map { folder + $0 }
        }
        return files
    }

    /// `read(2)` into `buffer`, again when a signal interrupted it; -1 (and `errno`) on failure.
    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        while true {
            #if canImport(Glibc)
                let got = Glibc.read(descriptor, base, buffer.count)
            #elseif canImport(Musl)
                let got = Musl.read(descriptor, base, buffer.count)
            #else
                let got = Darwin.read(descriptor, base, buffer.count)
            #endif
            if got >= 0 || errno != EINTR { return got }
        }
    }

    private static func readFailure(_ code: Int32, _ path: String) -> CredentialError {
        CredentialError(.io, "cannot read the file (\(String(cString: strerror(code))))", location: path)
    }

    private static func tooLarge(_ size: Int, _ limit: Int, _ path: String) -> CredentialError {
        CredentialError(
            .documentTooLarge, "the file is \(size) bytes, more than the limit of \(limit) bytes", location: path)
    }
}
