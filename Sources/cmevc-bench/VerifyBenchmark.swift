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
        let loader = try CMEContexts.loader()
        // CMEVC_BENCH_VERIFY_SUITES=eddsa-jcs-2022 (a comma-separated list) measures only those suites.
        let only = ProcessInfo.processInfo.environment["CMEVC_BENCH_VERIFY_SUITES"]?.split(separator: ",")
            .map(String.init)
        let suites = [EdDSARDFC2022(documentLoader: loader) as any Cryptosuite, EdDSAJCS2022()]
        for suite in suites where only?.contains(suite.name) ?? true {
            try runVerifyBenchmark(
                suite: suite, folderCount: folderCount, cores: cores, rawEd25519Verify: rawEd25519Verify)
        }
    } catch {
        print("  verification benchmark failed: \(error)")
    }
    print("  targets: ≥ 0.5 × raw Ed25519 verify per core; near-linear scaling with cores")
}

/// One suite: credentials signed with `suite`, each with a revocation entry in one signed status list.
private func runVerifyBenchmark(suite: any Cryptosuite, folderCount: Int, cores: Int, rawEd25519Verify: Double)
    throws
{
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
    print("  \(suite.name) credentials:")
    let issuerKey = SigningKey(generating: .ed25519)
    let issuer = DIDKey.did(for: issuerKey.publicKey)
    let registry = try IssuerRegistry(json: benchRegistry(issuer: issuer, key: issuerKey.publicKey))
    let signer = try DataIntegritySigner(key: issuerKey, suite: suite)
    let created = Date(timeIntervalSince1970: 1_772_409_600)
    let options = ProofOptions(
        verificationMethod: DIDKey.verificationMethodID(for: issuerKey.publicKey), created: created)
    let listID = benchStatusListPrefix + "1"
    let statusList = try signer.addProof(
        to: BitstringStatusListCredential(
            id: listID, issuer: issuer, statusPurpose: .revocation, list: BitstringStatusList(),
            validFrom: created
        ).unsignedJSON(), options: options)
    @Sendable func credential(_ index: Int) throws(CredentialError) -> JSONValue {
        guard case .object(var object) = sampleCredential(index) else { return .null }
        object["issuer"] = ["id": .string(issuer), "type": ["Profile"], "name": "Example Hospital CME Office"]
        object["credentialStatus"] = [
            "id": .string("\(listID)#\(index)"), "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
            "statusListIndex": .string(String(index)), "statusListCredential": .string(listID),
        ]
        return try signer.addProof(to: .object(object), options: options, asArray: true)
    }
    let context = VerificationContext(
        registry: registry, statusLists: InMemoryStatusLists([statusList]), knownContexts: CMEContexts.knownURLs(),
        now: created.addingTimeInterval(3600), suites: try CMEContexts.suites(), creditTypes: CMECreditTypes())
    let verifier = Verifier(context: context)

    // A presentation of 200 credentials.
    let holder = SigningKey(generating: .ed25519)
    let credentials = try (0..<200).map(credential)
    let presentation = try VerifiablePresentationBuilder(credentials: credentials)
        .signed(with: holder, challenge: "bench", domain: "bench.example", created: created)
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
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "cmevc-bench-verify-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let paths = (0..<folderCount).map { folder.appendingPathComponent("c\($0).json").path }
    let written = ConcurrentMap.map(Array(paths.enumerated())) { (entry: (offset: Int, element: String)) -> Bool in
        guard let document = try? credential(entry.offset) else { return false }
        return FileManager.default.createFile(atPath: entry.element, contents: Data(JSONSerializer.bytes(document)))
    }
    guard written.allSatisfy({ $0 }) else {
        print("    folder: could not write the credentials")
        return
    }
    @Sendable func verifyFile(_ path: String) -> Bool {
        guard let bytes = try? DocumentFiles.read(path) else { return false }
        return verifier.verify(bytes: bytes, name: path).verified
    }
    let sample = Array(paths.prefix(min(folderCount, 5_000)))
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

private let benchStatusListPrefix = "https://cme.example-hospital.org/status/"

/// A registry that lists the bench issuer, accredited by ACCME for AMA credits, with its status lists.
private func benchRegistry(issuer: String, key: PublicKey) -> JSONValue {
    [
        "format": "cme-issuer-registry/1",
        "registry": [
            "id": "did:web:registry.bench.example", "name": "Bench Registry", "sequence": 1,
            "issued": "2026-01-01T00:00:00Z", "nextUpdate": "2030-01-01T00:00:00Z",
        ],
        "accreditors": [["id": "accme", "name": "ACCME"]],
        "issuers": [
            [
                "id": .string(issuer), "names": ["display": "Example Hospital CME Office"],
                "accreditations": [
                    [
                        "accreditor": "accme", "status": "accredited", "validFrom": "2020-01-01",
                        "validUntil": "2030-12-31",
                        "creditTypes": ["AMA_PRA_CAT1"],
                    ]
                ],
                "keys": [
                    [
                        "id": .string(DIDKey.verificationMethodID(for: key)), "type": "Multikey",
                        "publicKeyMultibase": .string(key.multibase), "validFrom": "2020-01-01T00:00:00Z",
                    ]
                ],
                "statusLists": [["idPrefix": .string(benchStatusListPrefix), "maxAgeDays": 30]],
            ]
        ],
    ]
}
