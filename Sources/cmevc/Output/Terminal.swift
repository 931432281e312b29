import ArgumentParser
import Foundation
import VerifiableCredentials

/// The only place that writes to the terminal. Every line goes through ``DisplayText/line(_:limit:)``:
/// a newline or a bidirectional override inside a value from a file cannot draw a line of its own, and
/// a huge value cannot bury the message (machine formats such as JSON and CSV go through ``outBytes(_:)``).
enum Terminal {
    /// The longest line written, in Unicode scalars, before its middle is cut (a 4096-bit RSA JWK fits).
    static let lineLimit = 4_000

    /// Writes one line to standard output.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((DisplayText.line(text, limit: lineLimit) + "\n").utf8))
    }

    /// Writes lines to standard output, each made safe on its own.
    static func out(lines: [String]) {
        let text = lines.map { DisplayText.line($0, limit: lineLimit) + "\n" }.joined()
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes bytes to standard output as they are.
    static func outBytes(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// Writes one line to standard error.
    static func err(_ text: String) {
        FileHandle.standardError.write(Data((DisplayText.line(text, limit: lineLimit) + "\n").utf8))
    }

    /// Writes `warning: TEXT` to standard error, for a command with no JSON report to carry it.
    static func warn(_ text: String) {
        err("warning: \(text)")
    }

    /// Writes `warning: TEXT` to standard error and adds `text` to `warnings`, for a JSON report that lists
    /// every warning printed.
    static func warn(_ text: String, into warnings: inout [String]) {
        warn(text)
        warnings.append(text)
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
