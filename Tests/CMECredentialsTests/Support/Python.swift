import Foundation

/// Runs Python 3 cross-checks (`jsonschema`, `pyld`) in a child process.
enum Python {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `python3 -c script args…` with `input` on stdin.
    static func run(_ script: String, arguments: [String] = [], input: String = "") throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw Missing(description: "python3 is required for this cross-check (install Python 3): \(error)")
        }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // Read both pipes before waiting, so large output cannot deadlock.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let output = Output(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self))
        if output.stderr.contains("ModuleNotFoundError") {
            throw Missing(
                description: "a Python module is missing (pip install jsonschema pyld): \(output.stderr)")
        }
        return output
    }
}
