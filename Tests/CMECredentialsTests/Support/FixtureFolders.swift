import Foundation

/// Where this module's fixtures make their folders: one folder per test process, removed when the process exits
/// (the ledger and issuing fixtures left about 150 MB in the temporary directory per test run).
enum FixtureFolders {
    /// The process's folder, made on first use.
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("cmevc-credentials-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: FixtureFolders.root) }
        return url
    }()

    /// A new, empty folder named `prefix-<uuid>`.
    static func make(_ prefix: String) throws -> URL {
        let url = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
