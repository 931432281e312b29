import Foundation
import Testing

/// Each command reads `--registry` once: a registry that can be read only once, such as one piped in as
/// `/dev/stdin`, serves the whole command, and its stale warning is printed once.
@Suite("cmevc reads --registry once")
struct RegistryReadOnceTests {
    static let commands: [[String]] = [
        ["verify", "--registry", "/dev/stdin", "signed.json"],
        ["check", "--rules", "rules.json", "--registry", "/dev/stdin", "signed.json"],
        ["report", "--rules", "rules.json", "--registry", "/dev/stdin", "--out", "report.json", "dept"],
        ["wallet", "import", "--wallet", "w", "--registry", "/dev/stdin", "signed.json"],
    ]

    @Test("a registry piped in on /dev/stdin is used, and its stale warning printed once", arguments: commands)
    func piped(arguments: [String]) throws {
        let dir = try StaleRegistryTests().folder(nextUpdate: "2026-01-31")
        // The example credential, signed with the example key the registry lists for its did:web issuer.
        let keys = IssuerFixture.packageDirectory.appendingPathComponent("Examples/keys")
        let signed = try CLI.run(
            [
                "sign", "--suite", "eddsa-jcs-2022", "--key", keys.appendingPathComponent("provider-2026.pem").path,
                "--verification-method", "did:web:cme.example-hospital.org#key-2026", "--out", "signed.json",
                "vc.json",
            ], in: dir)
        try #require(signed.status == 0, "\(signed.stderr)")
        let registry = try Data(contentsOf: dir.appendingPathComponent("registry.json"))
        let result = try CLI.run(arguments, in: dir, stdin: registry)
        #expect(result.status != 2, "\(result.stderr)")
        let stale = result.stderr.split(separator: "\n").filter {
            $0.hasPrefix("warning: /dev/stdin: the registry is stale")
        }
        #expect(stale.count == 1, "\(result.stderr)")
        switch arguments.first {
        case "verify":
            #expect(result.status == 0, "\(result.stdout)")
            #expect(result.stdout.contains("✓ issuer"), "\(result.stdout)")
        case "wallet":
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("1 imported"), "\(result.stdout)")
        default: break
        }
    }
}
