public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that a reader (or a rerun after a crash) sees either no file or the whole file:
/// the bytes go to a temporary file in the same directory, which is then renamed over the target.
///
/// A target that exists and is not a regular file (`/dev/null`, `/dev/stdout`, a pipe, a terminal) is
/// written in place instead: renaming over it would replace the device or pipe with a file (as root,
/// `--out /dev/null` used to leave a regular file at `/dev/null`).
public enum AtomicFile {
    /// Writes `bytes` to `url` atomically. With `exclusive`, fails with `fileExists` when `url` exists.
    public static func write(_ bytes: [UInt8], to url: URL, exclusive: Bool = false) throws(CredentialError) {
        try write(bytes, toPath: url.path, exclusive: exclusive)
    }

    /// Writes `bytes` to the file at `path` atomically. With `exclusive`, fails with `fileExists` when it
    /// exists.
    public static func write(_ bytes: [UInt8], toPath path: String, exclusive: Bool = false) throws(CredentialError) {
        if !exclusive, isSpecialFile(path) {
            try writeInPlace(bytes, toPath: path)
            return
        }
        let temporary = "\(path).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw CredentialError(.io, "cannot create the file (\(String(cString: strerror(errno))))", location: path)
        }
        guard writeAll(bytes, to: descriptor) else {
            close(descriptor)
            unlink(temporary)
            throw CredentialError(.io, "cannot write the file", location: path)
        }
        close(descriptor)
        let moved = exclusive ? link(temporary, path) == 0 : rename(temporary, path) == 0
        let failure = errno
        let reason = String(cString: strerror(failure))
        if exclusive { unlink(temporary) }
        guard moved else {
            if !exclusive { unlink(temporary) }
            if exclusive, failure == EEXIST {
                throw CredentialError(.fileExists, "the file already exists", location: path)
            }
            throw CredentialError(.io, "cannot write the file (\(reason))", location: path)
        }
    }

    /// Whether `path` (its symbolic links followed) exists and is neither a regular file nor a directory: a
    /// device or pipe such as `/dev/stdout`, `/dev/null` or a FIFO, which is written in place.
    public static func isSpecialFile(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        let kind = status.st_mode & S_IFMT
        return kind != S_IFREG && kind != S_IFDIR
    }

    /// Writes `bytes` to the device, pipe or terminal at `path`, which is opened as it is.
    private static func writeInPlace(_ bytes: [UInt8], toPath path: String) throws(CredentialError) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CredentialError(.io, "cannot open (\(String(cString: strerror(errno))))", location: path)
        }
        defer { close(descriptor) }
        guard writeAll(bytes, to: descriptor) else {
            throw CredentialError(.io, "cannot write (\(String(cString: strerror(errno))))", location: path)
        }
    }

    /// Writes all of `bytes` to an open file, retrying short and interrupted writes; false on an error.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                writeBytes(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return false }
            written += result
        }
        return true
    }
}

/// `write(2)`, under a name the `AtomicFile.write` method does not shadow.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
