import ArgumentParser
import CMECredentials
import Foundation
import VerifiableCredentials

/// `cmevc report`: a department's compliance report from a folder of physicians' presentations.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a department compliance report (HTML, CSV or JSON) from a folder of presentations.",
        discussion: """
            Each file in the folder is one physician's presentation (or credential); files are grouped by holder. \
            A subfolder is one physician's files. Facts for the rules come from --fact, overridden per physician \
            by NAME.facts.json next to a presentation or facts.json in a physician's folder \
            ({"name": …, "renewalDate": …, "licenseDate": …, "facts": {…}}). A file that cannot be read is \
            reported on stderr and listed in the report; the others are still reported.
            Exit status: 0 every physician meets every requirement and every credential counted; 1 anything \
            unmet or unknown, a credential not counted, or a file not read; 2 could not run; 64 usage.
            """)

    @Option(help: ArgumentHelp("The requirement rules (format cme-rules/1).", valueName: "rules.json"))
    var rules: String

    @Option(help: ArgumentHelp("The issuer key registry to verify against.", valueName: "registry.json"))
    var registry: String

    @Option(help: ArgumentHelp("The registry operator's DID: the registry must be signed by it.", valueName: "did"))
    var registryKey: String?

    @Option(help: ArgumentHelp("A folder of status list credentials, found by their id.", valueName: "dir"))
    var statusDir: String?

    @Option(help: ArgumentHelp("Check as of this day (default: today, UTC).", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("The renewal date for physicians without a facts file.", valueName: "date"))
    var renewalDate: String?

    @Option(help: ArgumentHelp("The license date for physicians without a facts file.", valueName: "date"))
    var licenseDate: String?

    @Option(
        name: .customLong("fact"),
        help: ArgumentHelp("A default physician fact (repeatable): deaRegistered=true.", valueName: "name=value"))
    var facts: [String] = []

    @Option(help: ArgumentHelp("Where to write the report.", valueName: "file"))
    var out: String

    @Option(help: "html, csv or json (default: from the --out extension, else html).")
    var format: ReportFormat?

    @Argument(help: ArgumentHelp("The folder of presentations (or of physicians' folders).", valueName: "dir"))
    var presentations: String

    /// The default facts from the options; `today` is the default as-of day.
    func physicianFacts(today: RuleDate?) throws -> PhysicianFacts {
        try PhysicianFactsArguments.parse(
            asOf: asOf, renewalDate: renewalDate, licenseDate: licenseDate, facts: facts, today: today)
    }

    func validate() throws {
        _ = try physicianFacts(today: RuleDate(year: 2000, month: 1, day: 1))
    }

    /// The output format: the option, else the `--out` extension, else HTML.
    var resolvedFormat: ReportFormat {
        format ?? ReportFormat(rawValue: URL(fileURLWithPath: out).pathExtension.lowercased()) ?? .html
    }

    func run() throws {
        let now = Date()
        let defaults = try physicianFacts(today: RuleDate(String(DateTimeStamp(now).text.prefix(10))))
        let ruleSet = try CheckCommand.loadRules(rules)
        let trusted = try RegistryLoading.load(registry)
        if let registryKey {
            let check = trusted.verifySignature(operatorDID: registryKey, now: now)
            guard check.status == .pass else {
                throw Terminal.couldNotRun("\(registry): the registry is not trusted: \(check.message)")
            }
        }
        var warnings: [String] = []
        RegistryLoading.warnIfStale(trusted, path: registry, now: now, warnings: &warnings)
        let context = try RegistryLoading.verificationContext(
            registry: trusted, statusDir: statusDir, now: now, warnings: &warnings)
        var builder = DepartmentReportBuilder(
            ruleSet: ruleSet, verifier: Verifier(context: context), defaults: defaults)
        let inputs: [DepartmentInputs.Input]
        do {
            inputs = try DepartmentInputs.list(presentations)
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
        let factsFiles = DepartmentInputs.readFacts(inputs, defaults: defaults, builder: &builder)
        for orphan in DepartmentInputs.orphanFacts(presentations) {
            builder.addProblem(file: orphan, message: "a facts file without a presentation of the same name")
        }
        // Verified on all cores a few files at a time, so the parsed documents of a large folder are never all in
        // memory at once.
        let batch = max(8, ProcessInfo.processInfo.activeProcessorCount * 4)
        let verifier = builder  // empty and never changed: a copy costs nothing while the files are verified
        for start in stride(from: 0, to: inputs.count, by: batch) {
            let slice = Array(inputs[start..<min(start + batch, inputs.count)])
            let documents = ConcurrentMap.map(slice) { (input: DepartmentInputs.Input) in
                do throws(CredentialError) {
                    return verifier.verify(bytes: try DocumentFiles.read(input.path), name: input.name)
                } catch {
                    let report = DocumentReport(
                        name: input.name, kind: .unreadable, checks: [.fail("json", error.code, error.message)])
                    return DepartmentReportBuilder.VerifiedDocument(name: input.name, document: nil, report: report)
                }
            }
            for (input, document) in zip(slice, documents) {
                builder.add(document, physician: input.physician, facts: input.factsPath.flatMap { factsFiles[$0] })
            }
        }
        var report = builder.build()
        report.warnings = warnings
        for problem in report.problems { Terminal.err(problem.description) }
        let bytes: [UInt8] =
            switch resolvedFormat {
            case .html: Array(HTMLReportRenderer.render(report).utf8)
            case .csv: Array(CSVReportRenderer.render(report).utf8)
            case .json: JSONReportRenderer.render(report)
            }
        do {
            try InputFiles.write(bytes, to: out)
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
        let problems = report.problems.isEmpty ? "" : ", \(report.problems.count) file(s) not read"
        Terminal.out(
            "\(out): \(report.physicians.count) physician(s), \(report.clearCount) meeting every requirement\(problems)"
        )
        if !report.allClear { throw ExitStatus.notVerified }
    }
}

/// The formats `cmevc report` writes.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case html, csv, json
}
