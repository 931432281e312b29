import ArgumentParser
import Foundation

/// Where the passphrase of an encrypted key file comes from.
struct PassphraseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A file whose first line is the key passphrase (or set CMEVC_KEY_PASSPHRASE).", valueName: "file"))
    var passphraseFile: String?

    /// The passphrase bytes, if any was given; the trailing newline of a file is dropped.
    func passphrase() throws -> [UInt8]? {
        if let passphraseFile {
            guard let data = FileManager.default.contents(atPath: passphraseFile) else {
                throw Terminal.couldNotRun("\(passphraseFile): cannot read the passphrase file")
            }
            var text = String(decoding: data, as: UTF8.self)
            if let newline = text.firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
                text = String(text[..<newline])
            }
            guard !text.isEmpty else { throw Terminal.couldNotRun("\(passphraseFile): the passphrase file is empty") }
            return Array(text.utf8)
        }
        if let value = ProcessInfo.processInfo.environment["CMEVC_KEY_PASSPHRASE"], !value.isEmpty {
            return Array(value.utf8)
        }
        return nil
    }
}
