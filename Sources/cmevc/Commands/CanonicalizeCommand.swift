import ArgumentParser
import CMECredentials
import VerifiableCredentials

/// `cmevc canonicalize`: print exactly the bytes a cryptosuite hashes.
struct CanonicalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "canonicalize",
        abstract: "Print the canonical form that is hashed (for debugging a signature mismatch).")

    @Flag(help: "RFC 8785 JSON Canonicalization Scheme (the *-jcs-* suites).")
    var jcs = false

    @Flag(help: "RDFC-1.0 canonical N-Quads of the JSON-LD document (the *-rdfc-* suites), bundled contexts only.")
    var rdfc = false

    @Flag(help: "With --rdfc: hash blank nodes with SHA-384, as ecdsa-rdfc-2019 does for P-384 keys.")
    var sha384 = false

    @Argument(help: ArgumentHelp("The JSON document.", valueName: "doc.json"))
    var document: String

    func validate() throws {
        guard jcs != rdfc else { throw ValidationError("choose one canonicalization: --jcs or --rdfc") }
    }

    func run() throws {
        do {
            let value = try InputFiles.json(document)
            if jcs {
                Terminal.outBytes(JSONCanonicalizer.canonicalize(value))
            } else {
                let suite = ECDSARDFC2019(documentLoader: try CMEContexts.loader())
                let canonical = try InputFiles.within(document) { () throws(CredentialError) in
                    try suite.canonicalize(value, keyType: sha384 ? .p384 : .p256)
                }
                Terminal.outBytes(canonical)
            }
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
    }
}
