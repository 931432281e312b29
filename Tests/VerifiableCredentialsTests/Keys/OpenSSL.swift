import Foundation
import Testing

/// Runs the `openssl` command-line tool for cross-checks.
enum OpenSSL {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The path of `openssl` on `PATH`, or `nil`.
    static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/openssl" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs `openssl arguments…` with `input` on stdin; records an issue if `openssl` is missing.
    static func run(_ arguments: [String], input: Data = Data()) throws -> Result {
        let executable = try #require(path, "the openssl command-line tool is needed for this test; install OpenSSL")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        // Read both pipes before waiting, so a full pipe cannot deadlock the child.
        let errorData = DataBox()
        let errorDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorData.value = stderr.fileHandleForReading.readDataToEndOfFile()
            errorDone.signal()
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        errorDone.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: output, stderr: String(decoding: errorData.value, as: UTF8.self))
    }

    /// Runs `openssl` and requires exit status 0.
    @discardableResult
    static func succeed(_ arguments: [String], input: Data = Data()) throws -> Result {
        let result = try run(arguments, input: input)
        try #require(result.status == 0, "openssl \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        return result
    }

    /// Written once by the reader, read after the semaphore; the semaphore orders the two.
    private final class DataBox: @unchecked Sendable {
        var value = Data()
    }
}

/// A fresh temporary directory, removed by the caller with `cleanUp()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cmevc-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    func write(_ text: String, to name: String) throws -> URL {
        let file = file(name)
        try Data(text.utf8).write(to: file)
        return file
    }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }
}
