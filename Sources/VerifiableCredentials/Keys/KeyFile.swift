public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Private key files: PEM PKCS#8, optionally passphrase-encrypted, readable and writable by OpenSSL.
public enum KeyFile {
    /// Key files larger than this are refused unread (a PEM key is well under 1 KiB).
    public static let maximumFileSize = 64 * 1024

    /// Reads a PEM private key file (`PRIVATE KEY`, `ENCRYPTED PRIVATE KEY` or `EC PRIVATE KEY`).
    ///
    /// - Throws: ``CredentialError`` `io` when the file cannot be read, and the errors of
    ///   ``SigningKey/init(pemEncoded:passphrase:)``; each error's location is the file path.
    public static func read(at url: URL, passphrase: [UInt8]?) throws(CredentialError) -> SigningKey {
        let text = try readText(at: url)
        do {
            return try SigningKey(pemEncoded: text, passphrase: passphrase)
        } catch {
            throw error.located(url.path)
        }
    }

    /// The text of the key file at `url`, at most ``maximumFileSize`` bytes of UTF-8.
    ///
    /// - Throws: ``CredentialError`` `io` when the file cannot be read, `invalidKeyFile` when it is too large
    ///   or not text.
    static func readText(at url: URL) throws(CredentialError) -> String {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = (attributes[.size] as? NSNumber)?.intValue, size > maximumFileSize {
                throw CredentialError(
                    .invalidKeyFile, "the file is \(size) bytes; a key file is at most \(maximumFileSize)"
                )
                .located(url.path)
            }
            data = try Data(contentsOf: url)
        } catch let error as CredentialError {
            throw error
        } catch {
            throw CredentialError(
                .io, "the key file cannot be read", location: url.path, underlying: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CredentialError(.invalidKeyFile, "the key file is not PEM text", location: url.path)
        }
        return text
    }

    /// Writes `key` as PEM PKCS#8 (encrypted with `passphrase` when given) to `url`.
    ///
    /// The file is created with mode 0600 and appears atomically, complete or not at all. An existing
    /// file is never replaced unless `force` is true.
    /// - Throws: ``CredentialError`` `fileExists` when `url` exists and `force` is false, `io` when the
    ///   file cannot be written, `invalidKeyFile` for invalid `kdf` parameters.
    public static func write(
        _ key: SigningKey, to url: URL, passphrase: [UInt8]?, force: Bool, kdf: PBES2KDF = .default
    ) throws(CredentialError) {
        if !force, FileManager.default.fileExists(atPath: url.path) {
            throw fileExists(url.path)
        }
        try write(pem: Array(try key.pemEncoded(passphrase: passphrase, kdf: kdf).utf8), to: url, force: force)
    }

    /// Writes PEM text to `url` with mode 0600, atomically; an existing file is replaced only when `force`.
    static func write(pem bytes: [UInt8], to url: URL, force: Bool) throws(CredentialError) {
        let path = url.path
        if !force, FileManager.default.fileExists(atPath: path) {
            throw fileExists(path)
        }
        let directory = url.deletingLastPathComponent().path
        let temporary = "\(directory)/.\(url.lastPathComponent).\(UUID().uuidString).tmp"
        try writeNewFile(bytes, at: temporary)
        if force {
            guard rename(temporary, path) == 0 else {
                let error = posixError()
                unlink(temporary)
                throw CredentialError(.io, "the key file cannot be written", location: path, underlying: error)
            }
        } else {
            // link(2) fails with EEXIST instead of replacing, so a file created meanwhile is not lost.
            let linked = link(temporary, path) == 0
            let error = linked ? "" : posixError()
            let exists = !linked && errno == EEXIST
            unlink(temporary)
            if exists { throw fileExists(path) }
            guard linked else {
                throw CredentialError(.io, "the key file cannot be written", location: path, underlying: error)
            }
        }
    }

    /// Creates `path` (which must not exist) with mode 0600 and writes `bytes`, flushed to disk.
    private static func writeNewFile(_ bytes: [UInt8], at path: String) throws(CredentialError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw CredentialError(.io, "the key file cannot be created", location: path, underlying: posixError())
        }
        var failure: String?
        if fchmod(descriptor, 0o600) != 0 { failure = posixError() }
        var offset = 0
        while failure == nil, offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { posixWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                failure = posixError()
            } else {
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = posixError() }
        if close(descriptor) != 0, failure == nil { failure = posixError() }
        if let failure {
            unlink(path)
            throw CredentialError(.io, "the key file cannot be written", location: path, underlying: failure)
        }
    }

    private static func fileExists(_ path: String) -> CredentialError {
        CredentialError(
            .fileExists, "a file already exists here; it is not overwritten without --force", location: path)
    }

    private static func posixError() -> String {
        String(cString: strerror(errno))
    }
}

/// `write(2)`, named so it does not clash with ``KeyFile/write(_:to:passphrase:force:kdf:)``.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
    #else
        Darwin.write(descriptor, buffer, count)
    #endif
}
