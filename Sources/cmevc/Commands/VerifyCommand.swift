import ArgumentParser
import Foundation
import VerifiableCredentials

/// `cmevc verify`: check documents offline.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify credentials and presentations offline.",
        discussion: """
            Exit status: 0 everything verified; 1 anything failed or is unknown; 2 an input could not be read or \
            parsed; 64 usage.
            """)

    @Flag(help: "Check only the proofs (did:key methods); issuers are not checked.")
    var proofOnly = false

    @Option(help: "The proof purpose to require (default: any).")
    var purpose: String?

    @Option(help: "The challenge the proof must carry.")
    var challenge: String?

    @Option(help: "The domain the proof must name.")
    var domain: String?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Argument(help: ArgumentHelp("Credentials, presentations, or folders of them.", valueName: "file"))
    var files: [String]

    func validate() throws {
        guard proofOnly else {
            throw ValidationError("registry verification is not available yet: pass --proof-only to check proofs only")
        }
        guard !files.isEmpty else { throw ValidationError("name at least one file") }
    }

    func run() throws {
        let paths: [String]
        do {
            paths = try InputFiles.expand(files)
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
        let verifier = DataIntegrityVerifier(suites: Suites.all, resolver: DIDKeyResolver(), now: Date())
        let expectations = ProofExpectations(proofPurpose: purpose, challenge: challenge, domain: domain)
        var reports: [JSONValue] = []
        var allVerified = true
        var unreadable = false
        for path in paths {
            let result: DocumentProofVerification
            do {
                result = verifier.verify(try InputFiles.json(path), expecting: expectations)
            } catch {
                unreadable = true
                allVerified = false
                Terminal.err("Error: \(error.description)")
                reports.append(["file": .string(path), "verified": false, "error": .string(error.description)])
                continue
            }
            allVerified = allVerified && result.verified
            switch format {
            case .text: Terminal.out(ProofReportText.render(result, file: path))
            case .json:
                var object = JSONObject()
                object["file"] = .string(path)
                for member in result.json.objectValue?.members ?? [] { object[member.key] = member.value }
                reports.append(.object(object))
            }
        }
        if format == .json {
            let report: JSONValue = [
                "verified": .bool(allVerified), "issuersChecked": false, "files": .array(reports),
            ]
            Terminal.outBytes(JSONSerializer.bytes(report, layout: .pretty))
        } else {
            Terminal.out("note: --proof-only: proofs were checked; issuers were not checked against a registry")
        }
        if unreadable { throw ExitStatus.couldNotRun }
        if !allVerified { throw ExitStatus.notVerified }
    }
}

/// The human-readable proof report.
enum ProofReportText {
    static func render(_ result: DocumentProofVerification, file: String) -> String {
        var lines = ["\(file): \(result.verified ? "VERIFIED (proofs only)" : "NOT VERIFIED")"]
        for check in result.checks { lines.append("  \(mark(check.status)) \(check.name): \(check.message)") }
        for proof in result.proofs {
            let suite = proof.cryptosuite ?? "?"
            lines.append("  proof \(proof.index + 1)  \(suite)  \(proof.verificationMethod ?? "")")
            for check in proof.checks {
                let code = check.code.map { " [\($0)]" } ?? ""
                lines.append("    \(mark(check.status)) \(check.name): \(check.message)\(code)")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func mark(_ status: CheckStatus) -> String {
        switch status {
        case .pass: "✓"
        case .fail: "✗"
        case .unknown: "?"
        }
    }
}
