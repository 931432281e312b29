// Credentials for the benchmarks exactly as `cmevc issue` makes them: an issuer directory, a CSV batch, the
// batch issuer, the published status lists, and a registry that lists the issuer.
import CMECredentials
import Foundation
import VerifiableCredentials

/// A batch of issued credentials in a temporary folder, with what a verifier needs to check them.
struct BenchCredentials {
    /// The temporary folder holding everything; ``remove()`` deletes it.
    let root: URL
    /// The credential files, one per record.
    let paths: [String]
    /// The signed status list credentials (revocation and suspension).
    let statusLists: [JSONValue]
    /// A registry that lists the issuer, its key and its status lists, accredited for AMA credits.
    let registry: IssuerRegistry

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// The bench issuer's DID, key id and status list base URL.
private let benchIssuerID = "did:web:cme.example.org"
private let benchKeyID = "did:web:cme.example.org#key-1"
private let benchStatusBase = "https://cme.example.org/status"

/// Creates an issuer directory in a new temporary folder under `root` and returns it with its key.
func makeBenchIssuer(in root: URL, suite: String) throws -> (directory: IssuerDirectory, key: SigningKey) {
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let key = SigningKey(generating: .ed25519)
    let keyURL = root.appendingPathComponent("issuer.pem")
    try KeyFile.write(key, to: keyURL, passphrase: nil, force: false)
    let configuration = IssuerConfiguration(
        profile: IssuerProfile(id: benchIssuerID, name: "Example Hospital CME Office", providerID: "0001234"),
        keyPath: keyURL.path, verificationMethod: benchKeyID, statusBaseURL: benchStatusBase, suite: suite)
    let directory = try IssuerDirectory.create(
        at: root.appendingPathComponent("issuer"), configuration: configuration, publicKey: key.publicKey,
        now: Date())
    return (directory, key)
}

/// Issues `count` credentials with `suite` through ``BatchIssuer`` and publishes the status lists.
func issueBenchCredentials(_ count: Int, suite: String) throws -> BenchCredentials {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("cmevc-bench-\(UUID().uuidString)")
    let (directory, key) = try makeBenchIssuer(in: root, suite: suite)
    let csvURL = root.appendingPathComponent("batch.csv")
    try writeBenchCSV(count, to: csvURL)
    let outURL = root.appendingPathComponent("credentials")
    let issuer = try CredentialIssuer(directory: directory, key: key)
    let now = Date()
    _ = try BatchIssuer(issuer: issuer, output: .directory(outURL)).run(files: [csvURL], now: now)
    let names = try FileManager.default.contentsOfDirectory(atPath: outURL.path).sorted()
    let lists = try StatusListPublisher(issuer: issuer).publish(now: now, ttl: 7 * 86_400)
    let registry = try IssuerRegistry(
        json: benchRegistry(
            issuer: benchIssuerID, keyID: benchKeyID, key: key.publicKey, creditTypes: [CreditType.amaCategory1],
            statusListPrefixes: [benchStatusBase + "/"]))
    return BenchCredentials(
        root: root, paths: names.map { outURL.appendingPathComponent($0).path },
        statusLists: try lists.map { try JSONParser.parse($0.bytes) }, registry: registry)
}

/// A registry that lists `issuer` with one key (`keyID`, valid since 2020), accredited by ACCME for
/// `creditTypes`, with its status lists under `statusListPrefixes` (30 days' maximum age).
func benchRegistry(
    issuer: String, keyID: String, key: PublicKey, creditTypes: [String], statusListPrefixes: [String]
) -> JSONValue {
    [
        "format": "cme-issuer-registry/1",
        "registry": [
            "id": "did:web:registry.bench.example", "name": "Bench Registry", "sequence": 1,
            "issued": "2024-01-01T00:00:00Z", "nextUpdate": "2030-01-01T00:00:00Z",
        ],
        "accreditors": [["id": "accme", "name": "ACCME"]],
        "issuers": [
            [
                "id": .string(issuer), "names": ["display": "Example Hospital CME Office"],
                "accreditations": [
                    [
                        "accreditor": "accme", "status": "accredited", "validFrom": "2020-01-01",
                        "validUntil": "2030-12-31", "creditTypes": .array(creditTypes.map(JSONValue.string)),
                    ]
                ],
                "keys": [
                    [
                        "id": .string(keyID), "type": "Multikey", "publicKeyMultibase": .string(key.multibase),
                        "validFrom": "2020-01-01T00:00:00Z",
                    ]
                ],
                "statusLists": .array(
                    statusListPrefixes.map { prefix in ["idPrefix": .string(prefix), "maxAgeDays": 30] }),
            ]
        ],
    ]
}

/// `size` valid records (one learner each, identified by e-mail) for one activity.
func writeBenchCSV(_ size: Int, to url: URL) throws {
    var text =
        "learner_given_name,learner_family_name,learner_email,activity_id,activity_title,activity_format,"
        + "completion_date,credits_AMA_PRA_CAT1,topics\n"
    text.reserveCapacity(size * 140)
    for index in 0..<size {
        text +=
            "Learner\(index),Bench,learner\(index)@example.org,2026-017,Safe Opioid Prescribing 2026,course,"
            + "2026-03-01,3,opioid-prescribing=2;pain-management=1\n"
    }
    try Data(text.utf8).write(to: url)
}

/// Empties the memo of expanded JSON-LD objects of the process's bundled-context loader, so that a measured job
/// starts as a new `cmevc` run would: without the objects of documents this process signed or verified before.
func forgetMemoizedExpansions() throws {
    try CMEContexts.loader().contextCache?.forgetExpandedObjects()
}
