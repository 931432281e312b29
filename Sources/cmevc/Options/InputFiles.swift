import ArgumentParser
import Foundation
import VerifiableCredentials

/// Reading JSON input files (through ``DocumentFiles``, with its limits) with one-line errors, and writing outputs.
enum InputFiles {
    /// The parsed JSON of `path`; errors name the file, line and column.
    static func json(_ path: String) throws(CredentialError) -> JSONValue {
        try json(DocumentFiles.read(path), path: path)
    }

    /// `bytes` (read from `path`) parsed; errors name the file, line and column.
    static func json(_ data: [UInt8], path: String) throws(CredentialError) -> JSONValue {
        do {
            return try JSONParser.parse(data)
        } catch {
            throw error.located(path)
        }
    }

    /// The result of `body`, which works on the content of the file `path`; an error it throws is placed
    /// in that file (`doc.json: /type/1: …`), unless it names the file already.
    static func within<Result>(_ path: String, _ body: () throws(CredentialError) -> Result)
        throws(CredentialError) -> Result
    {
        do {
            return try body()
        } catch {
            throw error.location?.hasPrefix(path) == true ? error : error.located(path)
        }
    }

    /// Writes `bytes` to `path` atomically (a device or pipe such as `/dev/stdout` in place: ``AtomicFile``).
    static func write(_ bytes: [UInt8], to path: String) throws(CredentialError) {
        try AtomicFile.write(bytes, toPath: path)
    }
}
