import Foundation

/// Paths to files outside the test target: the package's `Examples/` and the shared vectors folder.
enum SharedFiles {
    /// The package root, found from this file's path.
    static let packageDirectory: URL = URL(fileURLWithPath: #filePath)  // Tests/<Target>/Support/SharedFiles.swift
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `<package>/Examples/<path>`.
    static func example(_ path: String) -> URL {
        packageDirectory.appendingPathComponent("Examples").appendingPathComponent(path)
    }

    /// The shared conformance folder: `../shared` beside the package, or the nearest `shared/vectors` above it
    /// (worktrees live one level deeper than the main checkout).
    static let sharedDirectory: URL = {
        var directory = packageDirectory
        for _ in 0..<4 {
            let candidate = directory.deletingLastPathComponent().appendingPathComponent("shared")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("vectors").path) {
                return candidate
            }
            directory = directory.deletingLastPathComponent()
        }
        return packageDirectory.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// `<shared>/vectors/<path>`.
    static func vector(_ path: String) -> URL {
        sharedDirectory.appendingPathComponent("vectors").appendingPathComponent(path)
    }
}
