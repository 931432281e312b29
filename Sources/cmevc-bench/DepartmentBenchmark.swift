import CMECredentials
import Foundation
import VerifiableCredentials

/// Issue 6's benchmark: a department of 2,000 physicians with 60 credentials each (120,000) checked against one
/// rule set (California), as `cmevc report` does it: verification on all cores, then the evaluation (also on all
/// cores). Prints the total, the verification and the evaluation alone, and the evaluation's share of the
/// verification time (target < 5 %). `CMEVC_BENCH_DEPARTMENT` sets the number of physicians,
/// `CMEVC_BENCH_DEPARTMENT_SUITE` the cryptosuite the credentials are signed with (default: the suite cmevc
/// issues with), `CMEVC_BENCH_DEPARTMENT_REPEAT` how many evaluation runs to take the best of (default 3).
func runDepartmentBenchmark() {
    let environment = ProcessInfo.processInfo.environment
    let physicians = Int(environment["CMEVC_BENCH_DEPARTMENT"] ?? "") ?? 2_000
    let perPhysician = 60
    let suiteName = environment["CMEVC_BENCH_DEPARTMENT_SUITE"] ?? IssuanceSuites.defaultName
    let cores = ProcessInfo.processInfo.activeProcessorCount
    print("")
    print(
        "Department report: \(physicians) physicians × \(perPhysician) credentials = \(physicians * perPhysician)"
            + " (\(suiteName)), California rules, \(cores) cores")
    do {
        let fixture = try DepartmentFixture(suiteName: suiteName)
        var builder = DepartmentReportBuilder(
            ruleSet: fixture.ruleSet, verifier: fixture.verifier,
            defaults: PhysicianFacts(asOf: RuleDate(year: 2026, month: 12, day: 31) ?? fixture.fallbackDay))
        let snapshot = builder  // empty: verifies without sharing the growing builder's storage
        var verifySeconds = 0.0
        var sortSeconds = 0.0
        var failures = 0
        // Chunks of 50 physicians keep memory flat: sign (not timed), then verify on all cores and sort (timed).
        let chunk = 50
        for first in stride(from: 0, to: physicians, by: chunk) {
            let members = Array(first..<min(first + chunk, physicians))
            let jobs = members.flatMap { physician in (0..<perPhysician).map { (physician, $0) } }
            let files = ConcurrentMap.map(jobs) { (job: (Int, Int)) -> [UInt8] in
                (try? fixture.signedCredential(physician: job.0, index: job.1)) ?? []
            }
            var documents: [DepartmentReportBuilder.VerifiedDocument] = []
            // Verified as by a separate `cmevc report` run: without the objects expanded while signing them.
            try forgetMemoizedExpansions()
            verifySeconds += measure {
                documents = ConcurrentMap.map(Array(files.enumerated())) { entry in
                    snapshot.verify(bytes: entry.element, name: "c\(first)-\(entry.offset).json")
                }
            }
            failures += documents.filter { !$0.report.verified }.count
            sortSeconds += measure {
                for (job, document) in zip(jobs, documents) {
                    let facts = fixture.facts(physician: job.0)
                    builder.add(document, physician: "physician-\(job.0)", facts: facts)
                }
            }
        }
        // The evaluation alone, the best of `repeats` runs (CMEVC_BENCH_DEPARTMENT_REPEAT, default 3).
        var report: DepartmentReport?
        let repeats = max(1, Int(environment["CMEVC_BENCH_DEPARTMENT_REPEAT"] ?? "") ?? 3)
        let evaluationSeconds = (0..<repeats).map { _ in measure { report = builder.build() } }.min() ?? 0
        let total = verifySeconds + sortSeconds + evaluationSeconds
        let count = physicians * perPhysician
        let states = (report?.physicians ?? []).flatMap { $0.result.requirements.map(\.state) }
        let tally = RequirementResult.State.allCases.map { state in
            "\(states.filter { $0 == state }.count) \(state.rawValue)"
        }
        print(
            String(
                format: "  total with verification      %7.2f s   %8.0f credentials/s%@", total, rate(count, total),
                failures == 0 ? "" : "  (\(failures) NOT VERIFIED)"))
        print(String(format: "  verification (%d cores)       %7.2f s", cores, verifySeconds))
        print(String(format: "  grouping by physician        %7.3f s", sortSeconds))
        print(
            String(
                format: "  evaluation alone             %7.3f s   %6.1f µs per physician", evaluationSeconds,
                evaluationSeconds / Double(max(physicians, 1)) * 1e6))
        print(
            String(
                format: "  evaluation ÷ verification    %7.2f %%  (target < 5 %%); with the grouping %.2f %%",
                evaluationSeconds / verifySeconds * 100, (evaluationSeconds + sortSeconds) / verifySeconds * 100))
        print("  requirements: \(tally.joined(separator: ", "))")
    } catch {
        print("  department benchmark failed: \(error)")
    }
}

/// The signed credentials, registry, verifier, rules and facts of the department benchmark.
private struct DepartmentFixture: Sendable {
    let ruleSet: RuleSet
    let verifier: Verifier
    let templates: [ActivityRecord]
    let builder: CMECredentialBuilder
    let signer: DataIntegritySigner
    let options: ProofOptions
    let fallbackDay: RuleDate
    static let issuedAt = Date(timeIntervalSince1970: 1_798_675_200)  // 2027-01-01
    static let specialties = ["internal-medicine", "family-medicine", "surgery", "pathology", "pediatrics"]

    init(suiteName: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples")
        let rulesBytes = try Data(contentsOf: root.appendingPathComponent("rules/california.json"))
        ruleSet = try RuleSet(json: JSONParser.parse(Array(rulesBytes)))
        templates =
            try ActivityRecordReader.read(contentsOf: root.appendingPathComponent("provider-batch/attendance.csv"))
            .records
            + ActivityRecordReader.read(contentsOf: root.appendingPathComponent("provider-batch/attendance.jsonl"))
            .records
        guard !templates.isEmpty, let day = RuleDate(year: 2026, month: 12, day: 31) else {
            throw CMEError(.invalidRecord, "no example records to build credentials from")
        }
        fallbackDay = day
        let key = SigningKey(generating: .ed25519)
        let issuer = DIDKey.did(for: key.publicKey)
        builder = CMECredentialBuilder(
            issuer: IssuerProfile(id: issuer, name: "Example Hospital CME Office", providerID: "0001234"))
        signer = try DataIntegritySigner(key: key, suite: IssuanceSuites.suite(named: suiteName))
        options = ProofOptions(
            verificationMethod: DIDKey.verificationMethodID(for: key.publicKey), created: Self.issuedAt)
        let registry = try IssuerRegistry(
            json: benchRegistry(
                issuer: issuer, keyID: DIDKey.verificationMethodID(for: key.publicKey), key: key.publicKey,
                creditTypes: CMECatalog.bundled.creditTypes.map(\.code), statusListPrefixes: []))
        verifier = Verifier(
            context: try CMEContexts.verificationContext(
                registry: registry, statusLists: NoStatusLists(), now: Self.issuedAt.addingTimeInterval(3600)))
    }

    /// Credential `index` of `physician`: an example activity, completed on a day spread over 2025–2026.
    func signedCredential(physician: Int, index: Int) throws -> [UInt8] {
        var record = templates[(physician * 7 + index) % templates.count]
        let day = RuleDate(year: 2025, month: 1, day: 1)?.adding(days: (physician * 37 + index * 11) % 730)
        record.activity.completionDate = day?.description ?? "2026-01-01"
        record.activity.startDate = nil
        record.activity.endDate = nil
        record.learner.did = "did:example:physician-\(physician)"
        let credential = try builder.credential(
            for: record, id: "urn:uuid:00000000-0000-4000-8000-\(String(format: "%06d%06d", physician, index))",
            issuedAt: Self.issuedAt, statuses: [], salt: Array(repeating: UInt8(truncatingIfNeeded: index), count: 16))
        return JSONSerializer.bytes(try signer.addProof(to: credential, options: options, asArray: true))
    }

    /// Varied facts: renewal at the end of 2026, a specialty, a share of older patients.
    func facts(physician: Int) -> PhysicianFactsFile {
        PhysicianFactsFile(
            name: "Physician \(physician)",
            facts: PhysicianFacts(
                facts: [
                    "specialty": Self.specialties[physician % Self.specialties.count],
                    "patientsOver65Percent": String(physician % 60),
                ],
                renewalDate: fallbackDay, licenseDate: RuleDate(year: 2000 + physician % 26, month: 6, day: 1),
                asOf: fallbackDay))
    }
}
