import ArgumentParser
import CMECredentials
import CMESchemas
import Foundation
import VerifiableCredentials

/// Reading the issuer registry and the bundled context list for commands, with one-line errors.
enum RegistryLoading {
    /// The registry at `path`; unreadable or invalid files exit 2 with the file and JSON Pointer.
    static func load(_ path: String) throws -> IssuerRegistry {
        let json: JSONValue
        do {
            json = try InputFiles.json(path)
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
        do {
            return try IssuerRegistry(json: json)
        } catch {
            throw Terminal.couldNotRun(error.located(path).description)
        }
    }

    /// Writes `registry` to `path` (pretty JSON).
    static func write(_ registry: IssuerRegistry, to path: String) throws {
        do {
            try InputFiles.write(JSONSerializer.bytes(registry.json, layout: .pretty) + [0x0A], to: path)
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
    }

    /// The verification context for `--registry`, `--status-dir` and the time. A status folder that does not
    /// exist or is not a folder exits 2 naming it (as an unreadable input does); a folder with no `.json` or
    /// `.jwt` file at all, and each file in it that cannot be used, is one warning line, also added (without
    /// `warning: `) to `warnings` for a JSON report.
    static func verificationContext(
        registry: IssuerRegistry, statusDir: String?, now: Date, warnings: inout [String]
    ) throws -> VerificationContext {
        let lists: any StatusListProvider
        if let statusDir {
            let directory: DirectoryStatusLists
            do {
                directory = try DirectoryStatusLists(directory: URL(fileURLWithPath: statusDir))
            } catch {
                throw Terminal.couldNotRun(error.description)
            }
            if directory.fileCount == 0 {
                Terminal.warn("\(statusDir) holds no status lists (*.json or *.jwt files)", into: &warnings)
            }
            for problem in directory.problems { Terminal.warn(problem.description, into: &warnings) }
            lists = directory
        } else {
            lists = NoStatusLists()
        }
        do {
            return try CMEContexts.verificationContext(registry: registry, statusLists: lists, now: now)
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
    }

    /// The `@context` URLs bundled with cmevc (keys of `Schemas/contexts/index.json`).
    static func bundledContexts() -> Set<String> {
        CMEContexts.knownURLs()
    }
}

/// Parses a `--at`/`--since`-style date: a date-time, or a calendar date (midnight UTC).
enum DateArgument {
    static func parse(_ text: String, option: String) throws -> Date {
        if let stamp = DateTimeStamp(text) { return stamp.date }
        if text.count == 10, let date = DateTimeStamp.parseDate(text) { return date }
        throw ValidationError("\(option): expected a date such as 2026-03-02 or 2026-03-02T00:00:00Z, got \"\(text)\"")
    }
}
