import ArgumentParser
import Foundation
import VerifiableCredentials

/// Reading JSON input files with the library's limits and one-line errors.
enum InputFiles {
    /// The largest input accepted (the parser's default limit).
    static let maximumBytes = JSONParser.Limits.default.maximumBytes

    /// The bytes of `path`, refusing files over the limit before reading them.
    static func bytes(_ path: String) throws(CredentialError) -> [UInt8] {
        try DocumentFiles.read(path, maximumBytes: maximumBytes)
    }

    /// The parsed JSON of `path`; errors name the file, line and column.
    static func json(_ path: String) throws(CredentialError) -> JSONValue {
        try json(bytes(path), path: path)
    }

    /// `bytes` (read from `path`) parsed; errors name the file, line and column.
    static func json(_ data: [UInt8], path: String) throws(CredentialError) -> JSONValue {
        do {
            return try JSONParser.parse(data)
        } catch {
            throw error.located(path)
        }
    }

    /// The files named on the command line, with directories expanded to the `.json` files they hold (sorted).
    static func expand(_ paths: [String]) throws(CredentialError) -> [String] {
        try DocumentFiles.expand(paths)
    }

    /// Writes `bytes` to `path` atomically.
    static func write(_ bytes: [UInt8], to path: String) throws(CredentialError) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CredentialError(.io, "cannot write the file (\(error.localizedDescription))", location: path)
        }
    }
}
