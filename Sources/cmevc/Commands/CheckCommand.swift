import ArgumentParser
import CMECredentials
import Foundation
import VerifiableCredentials

/// `cmevc check`: does this physician meet the requirements of a rule set, from verified credentials only.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check verified credentials against board or state requirement rules.",
        discussion: """
            Only credentials that verify in full (proof, issuer trusted at signing time, status known and clear) \
            count; the others are listed as not counted, with the reason.
            Exit status: 0 every requirement met (or not applicable); 1 any requirement unmet or unknown; \
            2 an input could not be read; 64 usage.
            """)

    @Option(help: ArgumentHelp("The requirement rules (format cme-rules/1).", valueName: "rules.json"))
    var rules: String

    @Option(help: ArgumentHelp("The issuer key registry to verify against.", valueName: "registry.json"))
    var registry: String

    @Option(help: ArgumentHelp("A credential wallet folder to check.", valueName: "dir"))
    var wallet: String?

    @Option(help: ArgumentHelp("A folder of status list credentials, found by their id.", valueName: "dir"))
    var statusDir: String?

    @Option(help: ArgumentHelp("Check as of this day (default: today, UTC).", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("The license renewal (expiration) date the check is for.", valueName: "date"))
    var renewalDate: String?

    @Option(help: ArgumentHelp("The date of initial licensure.", valueName: "date"))
    var licenseDate: String?

    @Option(
        name: .customLong("fact"),
        help: ArgumentHelp("A physician fact for the rules (repeatable): deaRegistered=true.", valueName: "name=value"))
    var facts: [String] = []

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Argument(help: ArgumentHelp("Credentials, presentations, or folders of them.", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        guard (wallet == nil) != files.isEmpty else {
            throw ValidationError("name either --wallet DIR or credential and presentation files, not both")
        }
        _ = try physicianFacts(today: RuleDate(year: 2000, month: 1, day: 1))
    }

    /// The facts and dates from the options; `today` is the default as-of day.
    func physicianFacts(today: RuleDate?) throws -> PhysicianFacts {
        try PhysicianFactsArguments.parse(
            asOf: asOf, renewalDate: renewalDate, licenseDate: licenseDate, facts: facts, today: today)
    }

    func run() throws {
        let now = Date()
        let facts = try physicianFacts(today: RuleDate(String(DateTimeStamp(now).text.prefix(10))))
        let ruleSet = try loadRules()
        let trusted = try RegistryLoading.load(registry)
        var warnings: [String] = []
        RegistryLoading.warnIfStale(trusted, path: registry, now: now, warnings: &warnings)
        let context = try RegistryLoading.verificationContext(
            registry: trusted, statusDir: statusDir, now: now, warnings: &warnings)
        var check = ComplianceCheck(verifier: Verifier(context: context))
        var skipped: [CredentialError] = []
        do {
            if let wallet {
                let contents = try CredentialWallet(directory: URL(fileURLWithPath: wallet)).contents()
                for entry in contents.entries { check.add(document: entry.json, name: entry.fileName) }
                skipped = contents.skipped
                // Credits in a file that cannot be read are not counted: say so, and never report all met.
                for problem in skipped { Terminal.warn("\(problem.description); not counted", into: &warnings) }
            } else {
                for path in try DocumentFiles.expand(files) {
                    check.add(bytes: try DocumentFiles.read(path), name: path)
                }
            }
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
        let result = check.evaluate(ruleSet, facts: facts)
        switch format {
        case .text: Terminal.out(lines: CheckReportText.render(result))
        case .json:
            // The result, then every warning printed on stderr, so a record that keeps only the JSON keeps them.
            var object = result.json.objectValue ?? JSONObject()
            object["warnings"] = .array(warnings.map(JSONValue.string))
            Terminal.outBytes(JSONSerializer.bytes(.object(object), layout: .pretty))
        }
        if !result.allMet || !skipped.isEmpty { throw ExitStatus.notVerified }
    }

    /// The rule set; an unreadable or invalid file exits 2 naming the file and the JSON Pointer.
    func loadRules() throws -> RuleSet { try Self.loadRules(rules) }

    /// The rule set at `path`; an unreadable or invalid file exits 2 naming the file and the JSON Pointer.
    static func loadRules(_ path: String) throws -> RuleSet {
        let json: JSONValue
        do {
            json = try InputFiles.json(path)
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
        do {
            return try RuleSet(json: json)
        } catch {
            throw Terminal.couldNotRun("\(path): \(error.description)")
        }
    }
}
