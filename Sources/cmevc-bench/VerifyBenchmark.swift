import CMECredentials
import Crypto
import Foundation
import VerifiableCredentials

/// Issue 4's benchmark: full verification (proof, registry, key window, accreditation, validity, status list) of a
/// 200-credential presentation and of a folder of credentials on all cores, next to the raw Ed25519 verify rate
/// measured in the same run, for both suites cmevc issues with Ed25519 keys.
func runVerifyBenchmark(rawEd25519Verify: Double) {
    let folderCount = Int(ProcessInfo.processInfo.environment["CMEVC_BENCH_VERIFY"] ?? "") ?? 100_000
    let cores = ProcessInfo.processInfo.activeProcessorCount
    print("")
    print(
        "Full verification (proof, registry, key window, accreditation, validity, status list), \(cores) cores;"
            + " raw Ed25519 verify \(Int(rawEd25519Verify))/s per core; a registry of \(registryIssuers) issuers")
    do {
        // How well raw Ed25519 verification itself scales on this machine right now (other processes share the
        // cores), as the yardstick for the scaling figures below.
        let signatures = try RawSignatures.ed25519()
        let rounds = max(2_000, min(folderCount, 20_000))
        let serialSeconds = measure {
            if !signatures.verifyAll(rounds) { print("raw verify failed") }
        }
        let parallelSeconds = measure {
            _ = ConcurrentMap.map(Array(0..<rounds)) { (index: Int) in signatures.verify(index) }
        }
        print(
            String(
                format: "  raw Ed25519 verify on %d cores scales %.2f× on this machine now (%d verifications)", cores,
                serialSeconds / parallelSeconds, rounds))
        // CMEVC_BENCH_VERIFY_SUITES=eddsa-jcs-2022 (a comma-separated list) measures only those suites.
        let only = ProcessInfo.processInfo.environment["CMEVC_BENCH_VERIFY_SUITES"]?.split(separator: ",")
            .map(String.init)
        for suite in ["eddsa-rdfc-2022", "eddsa-jcs-2022"] where only?.contains(suite) ?? true {
            try runVerifyBenchmark(
                suite: suite, folderCount: folderCount, cores: cores, rawEd25519Verify: rawEd25519Verify)
        }
    } catch {
        print("  verification benchmark failed: \(error)")
    }
    print("  targets: ≥ 0.5 × raw Ed25519 verify per core; near-linear scaling with cores")
}

/// One suite: `folderCount` credentials issued with `suite` exactly as `cmevc issue` issues them (a CME
/// certificate of about 6 KB: issuer profile, achievement with the AMA designation, hashed identifier, results,
/// revocation and suspension entries), verified against a registry and the published status lists.
private func runVerifyBenchmark(suite: String, folderCount: Int, cores: Int, rawEd25519Verify: Double) throws {
    print("  \(suite) credentials, as cmevc issues them:")
    let issued = try issueBenchCredentials(max(folderCount, 200), suite: suite)
    defer { issued.remove() }
    guard issued.paths.count >= max(folderCount, 200) else {
        print("    only \(issued.paths.count) of \(max(folderCount, 200)) credentials were issued")
        return
    }
    let context = try CMEContexts.verificationContext(
        registry: crowded(issued.registry), statusLists: InMemoryStatusLists(issued.statusLists), now: Date())
    let verifier = Verifier(context: context)
    let yardstick = try RawVerifyYardstick()

    // Presentations of 200 credentials each, as many different ones as the issued credentials allow (up to the 48
    // verifications timed): JSON-LD objects expanded once are reused by later documents of the same job (the
    // issuer's profile, the activity's achievement), so verifying one presentation again would find even its
    // unique parts ready and measure less than a verifier meeting it for the first time.
    let holder = SigningKey(generating: .ed25519)
    let presentationCount = max(1, min(48, issued.paths.count / 200))
    let presentations = try (0..<presentationCount).map { index in
        let slice = issued.paths[(index * 200)..<(index * 200 + 200)]
        let credentials = try slice.map { path in try JSONParser.parse(DocumentFiles.read(path)) }
        let presentation = try VerifiablePresentationBuilder(credentials: credentials)
            .signed(with: holder, challenge: "bench", domain: "bench.example", created: Date())
        return JSONSerializer.bytes(presentation)
    }
    let expectations = PresentationExpectations(challenge: "bench", domain: "bench.example")
    var verified = verifier.verify(bytes: presentations[0], name: "vp.json", expecting: expectations).verified
    // Each job starts as `cmevc verify` does, without objects from documents seen before (these credentials were
    // just issued in this process, and the warm-up verified one presentation).
    try forgetMemoizedExpansions()
    // One verification takes milliseconds, so each round times a few back-to-back verifications (48 in all: with
    // 20 the figure moved by ±5 % from run to run).
    let presentation200 = yardstick.interleaved(rounds: 12, rawPerRound: 800, cores: cores) { round in
        for index in 0..<4 {
            let bytes = presentations[(round * 4 + index) % presentationCount]
            verified = verified && verifier.verify(bytes: bytes, name: "vp.json", expecting: expectations).verified
        }
        return 800
    }
    print(
        String(
            format:
                "    presentation of 200, %d cores  %8.0f credentials/s  %.2f × raw verify per core (%.2f × interleaved)%@",
            cores, presentation200.rate, presentation200.rate / Double(cores) / rawEd25519Verify,
            presentation200.rate / Double(cores) / presentation200.rawRate, verified ? "" : "  (NOT VERIFIED)"))

    // A folder of credentials, verified on all cores as `cmevc verify --registry DIR` does.
    let paths = Array(issued.paths.prefix(folderCount))
    @Sendable func verifyFile(_ path: String) -> Bool {
        guard let bytes = try? DocumentFiles.read(path) else { return false }
        return verifier.verify(bytes: bytes, name: path).verified
    }
    var failures = 0
    let sample = Array(paths.prefix(5_000))
    let serialChunk = 250
    let serialRounds = (sample.count + serialChunk - 1) / serialChunk
    try forgetMemoizedExpansions()
    let serial = yardstick.interleaved(rounds: serialRounds, rawPerRound: serialChunk) { round in
        let chunk = sample[min(round * serialChunk, sample.count)..<min((round + 1) * serialChunk, sample.count)]
        for path in chunk where !verifyFile(path) { failures += 1 }
        return chunk.count
    }
    let parallelChunk = 4_000
    // The folder on all cores starts afresh too (its first files are the 1-core sample's).
    try forgetMemoizedExpansions()
    let parallel = yardstick.interleaved(
        rounds: (paths.count + parallelChunk - 1) / parallelChunk, rawPerRound: parallelChunk / 8, cores: cores
    ) { round in
        let chunk = Array(paths[round * parallelChunk..<min((round + 1) * parallelChunk, paths.count)])
        failures += ConcurrentMap.map(chunk, verifyFile).filter { !$0 }.count
        return chunk.count
    }
    print(
        String(
            format: "    folder, 1 core (%d files)   %8.0f credentials/s  %.2f × raw verify (%.2f × interleaved)",
            sample.count, serial.rate, serial.rate / rawEd25519Verify, serial.rate / serial.rawRate))
    print(
        String(
            format:
                "    folder, %d cores (%d files) %8.0f credentials/s  %.2f × raw verify per core (%.2f × interleaved),"
                + " scaling %.2f×%@",
            cores, folderCount, parallel.rate, parallel.rate / Double(cores) / rawEd25519Verify,
            parallel.rate / Double(cores) / parallel.rawRate, parallel.rate / serial.rate,
            failures == 0 ? "" : "  (\(failures) NOT VERIFIED)"))
}

/// The raw Ed25519 verify rate, measured in rounds between the rounds of the work it is compared with: this
/// VM's speed drifts by up to ±30 % from one minute to the next, so a rate measured once, before or after, can
/// differ from the speed the work itself saw. Each round times `rawPerRound` raw verifications (spread over
/// `cores` threads for work that uses all cores, so that both see the same contention), then one round of the
/// work; both rates are totals over all rounds.
struct RawVerifyYardstick {
    let signatures: RawSignatures<Curve25519.Signing.PublicKey, Data>

    init() throws { signatures = try RawSignatures.ed25519() }

    /// The work's rate (items per second, `round` returning how many items it did) and the raw verify rate
    /// per core.
    func interleaved(rounds: Int, rawPerRound: Int, cores: Int = 1, _ round: (Int) -> Int) -> (
        rate: Double, rawRate: Double
    ) {
        let signatures = signatures
        let perThread = max(rawPerRound / cores, 1)
        var rawSeconds = 0.0
        var workSeconds = 0.0
        var items = 0
        for index in 0..<rounds {
            rawSeconds += measure {
                // Each thread verifies its own run of the signatures, different from the last round's.
                let verified = ConcurrentMap.map(Array(0..<cores)) { thread in
                    signatures.verifyAll(perThread, from: (index * cores + thread) * perThread)
                }
                if verified.contains(false) { print("raw verify failed") }
            }
            workSeconds += measure { items += round(index) }
        }
        return (rate(items, workSeconds), rate(rounds * perThread, rawSeconds))
    }
}

/// How many issuers the benchmark's registry lists: a board's registry names every provider it trusts (well over a
/// thousand for a national board), not only the one whose credentials are verified.
let registryIssuers = 2_000

/// `registry` with other providers listed before its issuers, up to ``registryIssuers`` issuers, each with its own
/// Ed25519 key.
func crowded(_ registry: IssuerRegistry) -> IssuerRegistry {
    var crowded = registry
    let others = (0..<max(0, registryIssuers - registry.issuers.count)).map { number in
        let id = "did:web:provider\(number).example.org"
        return RegisteredIssuer(
            id: id, displayName: "Provider \(number)",
            keys: [RegisteredKey(id: id + "#key-1", publicKey: SigningKey(generating: .ed25519).publicKey)])
    }
    crowded.issuers = others + registry.issuers
    return crowded
}
