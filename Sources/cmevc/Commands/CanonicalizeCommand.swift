import ArgumentParser
import VerifiableCredentials

/// `cmevc canonicalize`: print exactly the bytes a cryptosuite hashes.
struct CanonicalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "canonicalize",
        abstract: "Print the canonical form that is hashed (for debugging a signature mismatch).")

    @Flag(help: "RFC 8785 JSON Canonicalization Scheme (the *-jcs-* suites).")
    var jcs = false

    @Argument(help: ArgumentHelp("The JSON document.", valueName: "doc.json"))
    var document: String

    func validate() throws {
        guard jcs else { throw ValidationError("choose a canonicalization: --jcs") }
    }

    func run() throws {
        do {
            let value = try InputFiles.json(document)
            Terminal.outBytes(JSONCanonicalizer.canonicalize(value))
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
    }
}
