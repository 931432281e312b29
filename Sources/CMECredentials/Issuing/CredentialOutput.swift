public import Foundation
import VerifiableCredentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a batch writes its credentials.
public enum CredentialOutput: Sendable, Hashable {
    /// One pretty-printed file per credential, named by ``fileName(for:)`` (`.jwt` instead of `.json` for a
    /// `vc+jwt`), each written atomically after the ledger has committed.
    case directory(URL)
    /// One JSON Lines file holding every credential of the batch (new and already issued), written to a
    /// temporary file and renamed into place when the batch ends.
    case jsonLines(URL)
    /// Record in the ledger only.
    case none

    /// The file name for a credential id: every character other than `A-Z a-z 0-9 . _ -` becomes `_`, and
    /// `.json` is appended (`urn:uuid:0f…` → `urn_uuid_0f….json`).
    public static func fileName(for credentialID: String) -> String {
        var name = ""
        name.reserveCapacity(credentialID.utf8.count + 5)
        for scalar in credentialID.unicodeScalars {
            let allowed =
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "_" || scalar == "-"
            name.unicodeScalars.append(allowed ? scalar : "_")
        }
        return name + ".json"
    }

    /// The file name for an issued credential: ``fileName(for:)`` of its id, with `.jwt` instead of `.json`
    /// when the ledger holds a `vc+jwt` (``CredentialSecuring/jwt``).
    static func fileName(for credential: LedgerCredential) -> String {
        let name = fileName(for: credential.credentialID)
        guard CompactJWS.looksCompact(credential.credentialBytes) else { return name }
        return String(name.dropLast(".json".count)) + ".jwt"
    }
}

/// Writes the credentials of one batch to a ``CredentialOutput``.
final class CredentialWriter {
    let output: CredentialOutput
    private var lines: FileHandle?
    private var linesTemporary: URL?
    /// How many missing credential files were rewritten from the ledger.
    private(set) var rewritten = 0

    init(output: CredentialOutput) throws(CredentialError) {
        self.output = output
        switch output {
        case .directory(let url):
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw CredentialError(.io, "cannot create the output directory", location: url.path)
            }
            Self.removeAbandonedTemporaryFiles(in: url)
        case .jsonLines(let url):
            let temporary = URL(fileURLWithPath: "\(url.path).\(getpid()).tmp")
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
                let handle = FileHandle(forWritingAtPath: temporary.path)
            else {
                throw CredentialError(.io, "cannot create the JSON Lines file", location: url.path)
            }
            lines = handle
            linesTemporary = temporary
        case .none:
            break
        }
    }

    /// Writes a credential; `isNew` is false for one found in the ledger, whose file is written only when
    /// missing.
    func write(_ credential: LedgerCredential, isNew: Bool) throws(CredentialError) {
        switch output {
        case .directory(let url):
            let file = url.appendingPathComponent(CredentialOutput.fileName(for: credential))
            if !isNew {
                guard !FileManager.default.fileExists(atPath: file.path) else { return }
                rewritten += 1
            }
            try AtomicFile.write(credential.credentialBytes, to: file)
        case .jsonLines(let url):
            let compact: [UInt8]
            if CompactJWS.looksCompact(credential.credentialBytes) {
                // A vc+jwt is one JSON string per line.
                compact = JSONSerializer.bytes(.string(String(decoding: credential.credentialBytes, as: UTF8.self)))
            } else {
                do {
                    compact = JSONSerializer.bytes(try JSONParser.parse(credential.credentialBytes))
                } catch {
                    throw CredentialError(
                        .ledger, "the ledger's copy of \(credential.credentialID) does not parse", location: url.path)
                }
            }
            do {
                try lines?.write(contentsOf: compact + [0x0A])
            } catch {
                throw CredentialError(.io, "cannot write the JSON Lines file", location: url.path)
            }
        case .none:
            break
        }
    }

    /// Writes the credentials of one ledger transaction: for a directory on all cores (each file is
    /// independent), otherwise in order.
    func write(_ credentials: [(credential: LedgerCredential, isNew: Bool)]) throws(CredentialError) {
        guard case .directory(let url) = output, credentials.count > 1 else {
            for (credential, isNew) in credentials { try write(credential, isNew: isNew) }
            return
        }
        let directory = url.path
        let outcomes = ParallelWork.map(credentials) { item -> Result<Bool, CredentialError> in
            let path = directory + "/" + CredentialOutput.fileName(for: item.credential)
            if !item.isNew && access(path, F_OK) == 0 { return .success(false) }
            return Result { () throws(CredentialError) -> Bool in
                try AtomicFile.write(item.credential.credentialBytes, toPath: path)
                return !item.isNew
            }
        }
        for outcome in outcomes {
            if try outcome.get() { rewritten += 1 }
        }
    }

    /// Finishes the output: renames the JSON Lines file into place.
    func finish() throws(CredentialError) {
        guard case .jsonLines(let url) = output, let lines, let linesTemporary else { return }
        do {
            try lines.close()
        } catch {
            throw CredentialError(.io, "cannot write the JSON Lines file", location: url.path)
        }
        self.lines = nil
        guard rename(linesTemporary.path, url.path) == 0 else {
            throw CredentialError(.io, "cannot move the JSON Lines file into place", location: url.path)
        }
    }

    /// Removes the temporary files (`<name>.<pid>.<random>.tmp`) of writers that died before renaming them;
    /// files of a process that is still running are left alone.
    static func removeAbandonedTemporaryFiles(in directory: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasSuffix(".tmp") {
            let parts = name.split(separator: ".")
            guard parts.count >= 4, let pid = Int32(parts[parts.count - 3]) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink(directory.appendingPathComponent(name).path)
            }
        }
    }

    /// Removes a JSON Lines file left unfinished by an error.
    func abandon() {
        try? lines?.close()
        lines = nil
        if let linesTemporary { unlink(linesTemporary.path) }
    }
}
