import ArgumentParser
import Foundation

/// The only place that writes to the terminal.
enum Terminal {
    /// Writes a line to standard output.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes bytes to standard output as they are.
    static func outBytes(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// Writes a line to standard error.
    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes bytes to standard error as they are.
    static func errBytes(_ bytes: [UInt8]) {
        FileHandle.standardError.write(Data(bytes))
    }

    /// Prints `Error: message` on stderr and returns the exit code for "could not run" (2).
    static func couldNotRun(_ message: String) -> ExitCode {
        err("Error: \(message)")
        return ExitCode(2)
    }
}

/// The exit statuses cmevc documents: 0 done or verified, 1 the answer is "no", 2 could not run, 64 usage.
enum ExitStatus {
    static let notVerified = ExitCode(1)
    static let couldNotRun = ExitCode(2)
}
