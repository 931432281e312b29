// `make bench`: throughput of cmevc's hot paths, reported as ratios against raw swift-crypto measured in the
// same run. Not a test: nothing here asserts; it prints figures for people and CI logs.
import Crypto
import Foundation
import VerifiableCredentials

// CMEVC_BENCH_ONLY=issue runs only the issuing benchmark, =json only the JSON one; a comma-separated list of sections (jwt, rdfc, verify,
// issue, department) runs the raw rates and the suites, then only those sections.
if ProcessInfo.processInfo.environment["CMEVC_BENCH_ONLY"] == "issue" {
    runIssueBenchmark()
    exit(0)
}

let documentCount = Int(ProcessInfo.processInfo.environment["CMEVC_BENCH_DOCS"] ?? "") ?? 10_000

/// Seconds taken by `body`.
func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func rate(_ count: Int, _ seconds: Double) -> Double { Double(count) / seconds }

func format(_ value: Double) -> String { String(format: "%10.0f", value) }

/// A credential-like document of about 1.5 KB (smaller than the 6 KB certificates cmevc issues) that differs
/// per index, for the per-suite and JSON figures.
func sampleCredential(_ index: Int) -> JSONValue {
    [
        "@context": [
            "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": .string("urn:uuid:7b1e4c9a-2f3d-4e5a-9b8c-\(String(format: "%012d", index))"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "CME certificate: Safe Opioid Prescribing 2026",
        "issuer": [
            "id": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", "type": ["Profile"],
            "name": "Example Hospital CME Office",
        ],
        "validFrom": "2026-03-02T00:00:00Z",
        "credentialSubject": [
            "type": ["AchievementSubject"],
            "identifier": [
                [
                    "type": "IdentityObject", "identityType": "ext:NPI", "hashed": true,
                    "identityHash": "sha256$5f4dcc3b5aa765d61d8327deb882cf99b0f7d7c1e3f1a2b3c4d5e6f708192a3b",
                    "salt": .string(String(format: "%016x", index)),
                ]
            ],
            "activityStartDate": "2026-03-01T13:00:00Z", "activityEndDate": "2026-03-01T16:00:00Z",
            "creditsEarned": 3.0,
            "achievement": [
                "id": "https://cme.example-hospital.org/activities/2026-017", "type": ["Achievement"],
                "name": "Safe Opioid Prescribing 2026",
                "description":
                    "Evidence-based opioid prescribing, tapering, naloxone co-prescribing and state PDMP use.",
                "criteria": [
                    "narrative":
                        "Example Hospital designates this live activity for a maximum of 3.0 AMA PRA Category 1 Credits. Physicians should claim only the credit commensurate with the extent of their participation in the activity."
                ],
                "achievementType": "Course", "creditsAvailable": 3.0,
                "alignment": [
                    [
                        "type": ["Alignment"], "targetName": "Opioid prescribing", "targetCode": "opioid-prescribing",
                        "targetUrl": "https://w3id.org/cmevc/topics#opioid-prescribing",
                    ]
                ],
            ],
        ],
    ]
}

// CMEVC_BENCH_ONLY=json measures JSON serialization and parsing alone.
if ProcessInfo.processInfo.environment["CMEVC_BENCH_ONLY"] == "json" {
    runJSONBenchmark(documents: (0..<documentCount).map(sampleCredential))
    exit(0)
}

print(
    "cmevc benchmark: \(documentCount) documents of about \(JSONSerializer.bytes(sampleCredential(0)).count) bytes, 1 core"
)
print("")

// Raw swift-crypto baselines over 64/96-byte messages (the size of Data Integrity hashData). Signing is timed on
// one message (it runs in constant time); verifying cycles through 1,024 different signatures (``RawSignatures``).
let message64 = [UInt8](repeating: 0xA5, count: 64)
let message96 = [UInt8](repeating: 0xA5, count: 96)
let ed = Curve25519.Signing.PrivateKey()
let p256 = P256.Signing.PrivateKey()
let p384 = P384.Signing.PrivateKey()
var raw: [String: (sign: Double, verify: Double)] = [:]
/// Raw Ed25519 verification of one signature over and over, shown beside the baseline.
var edVerifyRepeated = 0.0
do {
    var edSig = Data()
    let edSign = try measure { for _ in 0..<documentCount { edSig = try ed.signature(for: message64) } }
    let edSignatures = try RawSignatures.ed25519()
    let edVerify = measure { if !edSignatures.verifyAll(documentCount) { print("raw Ed25519 verify failed") } }
    edVerifyRepeated = rate(
        documentCount,
        measure { for _ in 0..<documentCount { _ = ed.publicKey.isValidSignature(edSig, for: message64) } })
    raw["ed25519"] = (rate(documentCount, edSign), rate(documentCount, edVerify))
    let p256Sign = try measure { for _ in 0..<documentCount { _ = try p256.signature(for: message64) } }
    let p256Signatures = try RawSignatures.p256()
    let p256Verify = measure { if !p256Signatures.verifyAll(documentCount) { print("raw P-256 verify failed") } }
    raw["p256"] = (rate(documentCount, p256Sign), rate(documentCount, p256Verify))
    let p384Sign = try measure { for _ in 0..<documentCount { _ = try p384.signature(for: message96) } }
    let p384Signatures = try RawSignatures.p384()
    let p384Verify = measure { if !p384Signatures.verifyAll(documentCount) { print("raw P-384 verify failed") } }
    raw["p384"] = (rate(documentCount, p384Sign), rate(documentCount, p384Verify))
} catch {
    print("raw baseline failed: \(error)")
    exit(1)
}
print("raw swift-crypto            sign/s     verify/s   (verify: \(rawSignatureCount) different signatures in turn)")
for name in ["ed25519", "p256", "p384"] {
    if let r = raw[name] {
        print("  \(name.padding(toLength: 22, withPad: " ", startingAt: 0))\(format(r.sign))   \(format(r.verify))")
    }
}
print(
    "  ed25519, one signature again and again   \(format(edVerifyRepeated))   (a best case: the processor learns"
        + " its branches; not used for ratios)")
print("")

// JCS canonicalization throughput.
let documents = (0..<documentCount).map(sampleCredential)
var canonicalBytes = 0
let jcsSeconds = measure {
    for document in documents { canonicalBytes += JSONCanonicalizer.canonicalize(document).count }
}
let jcsMBps = Double(canonicalBytes) / jcsSeconds / 1_000_000
print(String(format: "JCS canonicalization         %.1f MB/s   (target ≥ 50 MB/s)", jcsMBps))
print("")

// Data Integrity suites end to end (proof configuration, canonicalization, hashing, signing / verifying).
print("Data Integrity               sign/s     verify/s   sign÷raw  verify÷raw")
let created = Date(timeIntervalSince1970: 1_772_409_600)
for (keyType, suite) in [
    (KeyType.ed25519, EdDSAJCS2022() as any Cryptosuite), (.p256, ECDSAJCS2019()), (.p384, ECDSAJCS2019()),
] {
    do {
        let key = SigningKey(generating: keyType)
        let signer = try DataIntegritySigner(key: key, suite: suite)
        let options = ProofOptions(
            verificationMethod: DIDKey.verificationMethodID(for: key.publicKey), created: created)
        var signed: [JSONValue] = []
        signed.reserveCapacity(documentCount)
        let signSeconds = try measure {
            for document in documents { signed.append(try signer.addProof(to: document, options: options)) }
        }
        let verifier = DataIntegrityVerifier(now: created.addingTimeInterval(60))
        var failures = 0
        let verifySeconds = measure {
            for document in signed where !verifier.verify(document).verified { failures += 1 }
        }
        let baseline = raw[keyType.rawValue] ?? (1, 1)
        let signRate = rate(documentCount, signSeconds)
        let verifyRate = rate(documentCount, verifySeconds)
        let label = "\(suite.name) \(keyType.rawValue)".padding(toLength: 27, withPad: " ", startingAt: 0)
        print(
            "  \(label)\(format(signRate))   \(format(verifyRate))   \(String(format: "%6.2f", signRate / baseline.sign))    \(String(format: "%6.2f", verifyRate / baseline.verify))\(failures > 0 ? "  (\(failures) FAILED)" : "")"
        )
    } catch {
        print("  \(suite.name) \(keyType.rawValue): \(error)")
    }
}
print("")
print("targets: eddsa-jcs-2022 sign ≥ 0.5 × raw Ed25519 sign, verify ≥ 0.6 × raw Ed25519 verify")

let onlySections = Set(
    (ProcessInfo.processInfo.environment["CMEVC_BENCH_ONLY"] ?? "").split(separator: ",").map(String.init))
/// Whether the section named `name` runs (every section when CMEVC_BENCH_ONLY is not set).
func wanted(_ name: String) -> Bool { onlySections.isEmpty || onlySections.contains(name) }

if wanted("jwt") { runJWTBenchmark(documents: documents, raw: raw) }
if wanted("rdfc") {
    runRDFCBenchmark(documents: Array(documents.prefix(2_000)), rawEd25519: raw["ed25519"] ?? (1, 1))
}
// Issuing runs before verification: the verification folders create and delete 200,000 files, after which this
// VM's ext4 (no journal) creates files several times slower for minutes.
if wanted("issue") { runIssueBenchmark() }
if wanted("verify") { runVerifyBenchmark(rawEd25519Verify: raw["ed25519"]?.verify ?? 1) }
if wanted("department") { runDepartmentBenchmark() }
