import ArgumentParser
import CMECredentials
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

    @Option(help: ArgumentHelp("The issuer key registry to verify against.", valueName: "registry.json"))
    var registry: String?

    @Option(
        help: ArgumentHelp(
            "The registry operator's DID; the registry must carry its valid signature.", valueName: "did"))
    var registryKey: String?

    @Option(help: ArgumentHelp("A folder of status list credentials, found by their id.", valueName: "dir"))
    var statusDir: String?

    @Option(help: ArgumentHelp("Verify as of this time (default: now).", valueName: "datetime"))
    var at: String?

    @Option(
        help: ArgumentHelp("The physician's NPI; every credential must carry a matching hashed NPI.", valueName: "npi"))
    var subjectNpi: String?

    @Option(help: "The proof purpose to require (default: any).")
    var purpose: String?

    @Option(help: "The challenge the proof must carry.")
    var challenge: String?

    @Option(help: "The domain the proof must name.")
    var domain: String?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Argument(
        help: ArgumentHelp(
            "Credentials, presentations (JSON or JWT files), folders of them, or JWT strings.", valueName: "file"))
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file") }
        if proofOnly {
            guard registry == nil, registryKey == nil, statusDir == nil, subjectNpi == nil else {
                throw ValidationError(
                    "--proof-only checks proofs only; it cannot be combined with --registry, --registry-key, --status-dir or --subject-npi"
                )
            }
        } else {
            guard registry != nil else {
                throw ValidationError(
                    "pass --registry REGISTRY.json to verify issuers, or --proof-only to check proofs only")
            }
            guard purpose == nil else {
                throw ValidationError("--purpose applies to --proof-only; full verification sets the purposes itself")
            }
        }
        if let at { _ = try DateArgument.parse(at, option: "--at") }
        if let subjectNpi,
            subjectNpi.count != 10 || !subjectNpi.allSatisfy(\.isASCII) || !subjectNpi.allSatisfy(\.isNumber)
        {
            throw ValidationError("--subject-npi: expected 10 digits, got \"\(subjectNpi)\"")
        }
    }

    func run() throws {
        if !proofOnly {
            try runFull()
            return
        }
        let inline = InlineJWT.arguments(files)
        var paths: [String]
        do {
            paths = try DocumentFiles.expand(files.filter { inline.texts[$0] == nil })
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
        paths = inline.names + paths
        let suites: CryptosuiteSet
        do {
            suites = try Suites.all()
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
        let verifier = DataIntegrityVerifier(suites: suites, resolver: DIDKeyResolver(), now: Date())
        let expectations = ProofExpectations(proofPurpose: purpose, challenge: challenge, domain: domain)
        var reports: [JSONValue] = []
        var allVerified = true
        var unreadable = false
        var checked = 0
        for path in paths {
            let result: DocumentProofVerification
            do throws(CredentialError) {
                let bytes: [UInt8]
                if let text = inline.texts[path] {
                    bytes = Array(text.utf8)
                } else {
                    bytes = try DocumentFiles.read(path)
                }
                if CompactJWS.looksCompact(bytes) {
                    // A JWT: its signature with the did:key its kid names.
                    let jwt = try InputFiles.within(path) { () throws(CredentialError) in
                        try CompactJWS(String(decoding: bytes, as: UTF8.self))
                    }
                    result = DocumentProofVerification(jwt: jwt, resolver: JWTKeyResolver(registry: nil))
                } else {
                    let document: JSONValue
                    do {
                        document = try InputFiles.json(bytes, path: path)
                    } catch {
                        throw UnreadableDocument.explain(error, bytes: bytes)
                    }
                    result = verifier.verify(document, expecting: expectations)
                }
            } catch {
                unreadable = true
                allVerified = false
                Terminal.err("Error: \(error.description)")
                reports.append(["file": .string(path), "verified": false, "error": .string(error.description)])
                continue
            }
            checked += 1
            allVerified = allVerified && result.verified
            switch format {
            case .text: Terminal.out(lines: ProofReportText.render(result, file: path))
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
        } else if checked > 0 {
            Terminal.out("note: --proof-only: proofs were checked; issuers were not checked against a registry")
        }
        if unreadable { throw ExitStatus.couldNotRun }
        if !allVerified { throw ExitStatus.notVerified }
    }
}

extension VerifyCommand {
    /// Full verification against the registry.
    func runFull() throws {
        guard let registryPath = registry else { return }
        let now = try at.map { try DateArgument.parse($0, option: "--at") } ?? Date()
        let trusted = try RegistryLoading.load(registryPath)
        var registryChecks: [Check] = []
        if let registryKey {
            let check = trusted.verifySignature(operatorDID: registryKey, now: now)
            registryChecks.append(check)
            if check.status != .pass {
                if format == .json {
                    let report: JSONValue = ["verified": false, "registry": check.json, "files": []]
                    Terminal.outBytes(JSONSerializer.bytes(report, layout: .pretty))
                } else {
                    Terminal.out(lines: [
                        "\(registryPath): REGISTRY NOT TRUSTED", "  \(VerificationReportText.line(check))",
                    ])
                }
                throw ExitStatus.notVerified
            }
        }
        var warnings: [String] = []
        RegistryLoading.warnIfStale(trusted, path: registryPath, now: now, warnings: &warnings)
        let inline = InlineJWT.arguments(files)
        var paths: [String]
        do {
            paths = try DocumentFiles.expand(files.filter { inline.texts[$0] == nil })
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
        paths = inline.names + paths
        let context = try RegistryLoading.verificationContext(
            registry: trusted, statusDir: statusDir, now: now, warnings: &warnings)
        let verifier = Verifier(context: context)
        let expectations = PresentationExpectations(challenge: challenge, domain: domain, subjectNPI: subjectNpi)
        var reports: [JSONValue] = []
        var allVerified = true
        var unreadable = false
        let documentReports = ConcurrentMap.map(paths) { (path: String) -> DocumentReport in
            if let text = inline.texts[path] {
                return verifier.verifyJWT(text, name: path, expecting: expectations)
            }
            let bytes: [UInt8]
            do throws(CredentialError) {
                bytes = try DocumentFiles.read(path)
            } catch {
                return DocumentReport(
                    name: path, kind: .unreadable, checks: [.fail("json", error.code, error.description)])
            }
            return verifier.verify(bytes: bytes, name: path, expecting: expectations)
        }
        for report in documentReports {
            if report.kind == .unreadable, report.check("json")?.status != .pass {
                unreadable = true
                let message = report.check("json")?.message ?? ""
                Terminal.err("Error: \(message.hasPrefix(report.name) ? message : "\(report.name): \(message)")")
            }
            allVerified = allVerified && report.verified
            switch format {
            case .text: Terminal.out(lines: VerificationReportText.render(report))
            case .json: reports.append(report.json)
            }
        }
        if format == .json {
            var object = JSONObject()
            object["verified"] = .bool(allVerified)
            object["issuersChecked"] = true
            object["registry"] = [
                "file": .string(registryPath), "id": .string(trusted.info.id),
                "sequence": .number(Double(trusted.info.sequence)),
                "nextUpdate": trusted.info.nextUpdate.map { .string($0.text) } ?? .null,
                "stale": .bool(trusted.info.isStale(at: now)),
                "checks": .array(registryChecks.map(\.json)),
            ]
            object["at"] = .string(DateTimeStamp(now).text)
            object["files"] = .array(reports)
            object["warnings"] = .array(warnings.map { .string($0) })
            Terminal.outBytes(JSONSerializer.bytes(.object(object), layout: .pretty))
        }
        if unreadable { throw ExitStatus.couldNotRun }
        if !allVerified { throw ExitStatus.notVerified }
    }
}

/// The human-readable proof report.
enum ProofReportText {
    static func render(_ result: DocumentProofVerification, file: String) -> [String] {
        var lines = ["\(DisplayText.line(file)): \(result.verified ? "VERIFIED (proofs only)" : "NOT VERIFIED")"]
        for check in result.checks {
            lines.append("  \(mark(check.status)) \(check.name): \(DisplayText.line(check.message))")
        }
        for proof in result.proofs {
            let suite = DisplayText.line(proof.cryptosuite ?? "?", limit: 60)
            lines.append(
                "  proof \(proof.index + 1)  \(suite)  \(DisplayText.line(proof.verificationMethod ?? "", limit: 200))")
            for check in proof.checks {
                let code = check.code.map { " [\($0)]" } ?? ""
                lines.append("    \(mark(check.status)) \(check.name): \(DisplayText.line(check.message))\(code)")
            }
        }
        return lines
    }

    static func mark(_ status: CheckStatus) -> String {
        switch status {
        case .pass: "✓"
        case .fail: "✗"
        case .unknown: "?"
        }
    }
}
