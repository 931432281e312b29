import ArgumentParser
import Foundation
import VerifiableCredentials

/// Reading JSON input files with the library's limits and one-line errors.
enum InputFiles {
    /// The largest input accepted (the parser's default limit).
    static let maximumBytes = JSONParser.Limits.default.maximumBytes

    /// The bytes of `path`, refusing files over the limit before reading them.
    static func bytes(_ path: String) throws(CredentialError) -> [UInt8] {
        let url = URL(fileURLWithPath: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
        guard let size else { throw CredentialError(.io, "cannot read the file", location: path) }
        guard size <= maximumBytes else {
            throw CredentialError(
                .documentTooLarge, "the file is \(size) bytes, more than the limit of \(maximumBytes) bytes",
                location: path)
        }
        guard let data = try? Data(contentsOf: url) else {
            throw CredentialError(.io, "cannot read the file", location: path)
        }
        return Array(data)
    }

    /// The parsed JSON of `path`; errors name the file, line and column.
    static func json(_ path: String) throws(CredentialError) -> JSONValue {
        let data = try bytes(path)
        do {
            return try JSONParser.parse(data)
        } catch {
            throw error.located(path)
        }
    }

    /// The files named on the command line, with directories expanded to the `.json` files they hold (sorted).
    static func expand(_ paths: [String]) throws(CredentialError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CredentialError(.io, "no such file or directory", location: path)
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".jwt") }.sorted()
                    .map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
            } else {
                files.append(path)
            }
        }
        return files
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
