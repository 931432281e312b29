import VerifiableCredentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes one credential file of a directory output.
///
/// A new credential's file is created in place (`O_CREAT | O_EXCL`, one file-system entry, no temporary
/// file and rename): its name comes from a fresh random id, so no reader expects it before the ledger has
/// committed, and no other writer makes it except by rewriting it from the ledger's copy. A `kill -9` between
/// the creation and the end of the write leaves a short file, but its credential is already committed, so
/// the rerun finds it already issued, sees that the file's bytes differ from the ledger's copy and rewrites
/// it atomically (``AtomicFile``). A file found for an already issued credential is therefore compared
/// byte for byte, not just tested for existence.
enum CredentialFile {
    /// Writes `credential`'s file in `directory`: created in place when `isNew`, otherwise only when it is
    /// missing or differs from the ledger's copy (then atomically).
    ///
    /// - Returns: whether the file of an already issued credential was rewritten.
    /// - Throws: ``CredentialError`` `io` when the file cannot be written.
    static func write(_ credential: LedgerCredential, isNew: Bool, in directory: OutputDirectory)
        throws(CredentialError) -> Bool
    {
        let name = CredentialOutput.fileName(for: credential)
        let bytes = try fileBytes(credential)
        if isNew {
            do throws(CredentialError) {
                try create(bytes, named: name, in: directory)
                return false
            } catch {
                guard error.code == .fileExists else { throw error }
                // Another issuer on this directory rewrote it from the ledger first: replace it whole.
                try AtomicFile.write(bytes, toPath: directory.path(of: name))
                return false
            }
        }
        let path = directory.path(of: name)
        if holds(bytes, atPath: path) { return false }
        try AtomicFile.write(bytes, toPath: path)
        return true
    }

    /// What a credential's file holds: a `vc+jwt` as the ledger has it, JSON laid out pretty (the ledger keeps
    /// it compact; ledgers written before 2026-11-24 kept it pretty, which lays out the same).
    static func fileBytes(_ credential: LedgerCredential) throws(CredentialError) -> [UInt8] {
        let stored = credential.credentialBytes
        if CompactJWS.looksCompact(stored) { return stored }
        guard let pretty = JSONWhitespace.prettified(stored) else {
            throw CredentialError(
                .ledger, "the ledger's copy of \(credential.credentialID) is not JSON (a string never ends)")
        }
        return pretty
    }

    /// Creates the file `name` in `directory` with `bytes`, failing with `fileExists` when it exists; a file
    /// that cannot be written whole is removed.
    static func create(_ bytes: [UInt8], named name: String, in directory: OutputDirectory) throws(CredentialError) {
        let descriptor = directory.open(name, flags: O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode: 0o644)
        guard descriptor >= 0 else {
            let path = directory.path(of: name)
            if errno == EEXIST { throw CredentialError(.fileExists, "the file already exists", location: path) }
            throw CredentialError(.io, "cannot create the file (\(String(cString: strerror(errno))))", location: path)
        }
        let complete = AtomicFile.writeAll(bytes, to: descriptor)
        close(descriptor)
        guard complete else {
            let path = directory.path(of: name)
            unlink(path)
            throw CredentialError(.io, "cannot write the file", location: path)
        }
    }

    /// Whether the file at `path` holds exactly `bytes` (false when it is missing, unreadable or longer: the
    /// read stops past `bytes.count`).
    static func holds(_ bytes: [UInt8], atPath path: String) -> Bool {
        (try? DocumentFiles.read(path, maximumBytes: bytes.count)) == bytes
    }
}
