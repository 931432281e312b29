import CMECredentials
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
            + " raw Ed25519 verify \(Int(rawEd25519Verify))/s per core")
    do {
        // How well raw Ed25519 verification itself scales on this machine right now (other processes share the
        // cores), as the yardstick for the scaling figures below.
        let key = SigningKey(generating: .ed25519)
        let message = [UInt8](repeating: 0xA5, count: 64)
        let signature = try key.signature(for: message)
        let publicKey = key.publicKey
        let rounds = max(2_000, min(folderCount, 20_000))
        let serialSeconds = measure {
            for _ in 0..<rounds where !publicKey.isValidSignature(signature, for: message) {
                print("raw verify failed")
            }
        }
        let parallelSeconds = measure {
            _ = ConcurrentMap.map(Array(0..<rounds)) { (_: Int) in publicKey.isValidSignature(signature, for: message) }
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
    // This VM's speed drifts by up to ±30 % from one minute to the next, so each figure below is also given
    // against a raw verify rate measured just before it (the `adjacent` ratio), besides the run's opening rate.
    let rawKey = SigningKey(generating: .ed25519)
    let rawMessage = [UInt8](repeating: 0x5A, count: 64)
    let rawSignature = try rawKey.signature(for: rawMessage)
    func adjacentRawVerify() -> Double {
        let count = 3_000
        let publicKey = rawKey.publicKey
        return rate(
            count, measure { for _ in 0..<count { _ = publicKey.isValidSignature(rawSignature, for: rawMessage) } })
    }
    print("  \(suite) credentials, as cmevc issues them:")
    let issued = try issueBenchCredentials(max(folderCount, 200), suite: suite)
    defer { issued.remove() }
    guard issued.paths.count >= max(folderCount, 200) else {
        print("    only \(issued.paths.count) of \(max(folderCount, 200)) credentials were issued")
        return
    }
    let context = try CMEContexts.verificationContext(
        registry: issued.registry, statusLists: InMemoryStatusLists(issued.statusLists), now: Date())
    let verifier = Verifier(context: context)

    // A presentation of 200 credentials.
    let holder = SigningKey(generating: .ed25519)
    let credentials = try issued.paths.prefix(200).map { path in try JSONParser.parse(DocumentFiles.read(path)) }
    let presentation = try VerifiablePresentationBuilder(credentials: credentials)
        .signed(with: holder, challenge: "bench", domain: "bench.example", created: Date())
    let bytes = JSONSerializer.bytes(presentation)
    let expectations = PresentationExpectations(challenge: "bench", domain: "bench.example")
    var verified = verifier.verify(bytes: bytes, name: "vp.json", expecting: expectations).verified  // warm-up
    // One verification takes milliseconds, so the rate is taken over several back-to-back verifications.
    let repeats = 20
    let presentationRaw = adjacentRawVerify()
    let presentationSeconds = measure {
        for _ in 0..<repeats {
            verified = verified && verifier.verify(bytes: bytes, name: "vp.json", expecting: expectations).verified
        }
    }
    let presentationRate = rate(200 * repeats, presentationSeconds)
    print(
        String(
            format:
                "    presentation of 200, %d cores  %8.0f credentials/s  %.2f × raw verify per core (%.2f × adjacent)%@",
            cores, presentationRate, presentationRate / Double(cores) / rawEd25519Verify,
            presentationRate / Double(cores) / presentationRaw, verified ? "" : "  (NOT VERIFIED)"))

    // A folder of credentials, verified on all cores as `cmevc verify --registry DIR` does.
    let paths = Array(issued.paths.prefix(folderCount))
    @Sendable func verifyFile(_ path: String) -> Bool {
        guard let bytes = try? DocumentFiles.read(path) else { return false }
        return verifier.verify(bytes: bytes, name: path).verified
    }
    let sample = Array(paths.prefix(5_000))
    var serialFailures = 0
    let serialRaw = adjacentRawVerify()
    let serialSeconds = measure { for path in sample where !verifyFile(path) { serialFailures += 1 } }
    var failures = 0
    let parallelRaw = adjacentRawVerify()
    let parallelSeconds = measure { failures = ConcurrentMap.map(paths, verifyFile).filter { !$0 }.count }
    let serialRate = rate(sample.count, serialSeconds)
    let parallelRate = rate(folderCount, parallelSeconds)
    print(
        String(
            format: "    folder, 1 core (%d files)   %8.0f credentials/s  %.2f × raw verify (%.2f × adjacent)",
            sample.count, serialRate, serialRate / rawEd25519Verify, serialRate / serialRaw))
    print(
        String(
            format:
                "    folder, %d cores (%d files) %8.0f credentials/s  %.2f × raw verify per core (%.2f × adjacent),"
                + " scaling %.2f×%@",
            cores, folderCount, parallelRate, parallelRate / Double(cores) / rawEd25519Verify,
            parallelRate / Double(cores) / parallelRaw, parallelRate / serialRate,
            failures + serialFailures == 0 ? "" : "  (\(failures + serialFailures) NOT VERIFIED)"))
}
