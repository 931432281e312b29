import Foundation
import Testing
import VerifiableCredentials

/// `cmevc wallet list`, `present` and `check --wallet` on a wallet holding files they cannot read.
@Suite("cmevc wallet list, present, check --wallet: unreadable wallet files")
struct WalletListSkipTests {
    typealias Setup = RegistryWalletVerifyCommandTests.Setup

    /// `check` of the wallet `w` against `rules.json`, as of the end of 2026.
    static let checkWallet = [
        "check", "--rules", "rules.json", "--registry", "registry.json", "--status-dir", "status", "--as-of",
        "2026-12-31", "--wallet", "w",
    ]

    /// `present` of the wallet `w` with the physician's key into `vp.json`.
    func present(_ s: Setup) throws -> CLI.Result {
        try s.run([
            "present", "--wallet", "w", "--key", "physician.pem", "--challenge", "c-1", "--domain",
            "hospital.example", "--out", "vp.json",
        ])
    }

    /// `wallet list` output in `format` that lists exactly the one imported credential (3.25 AMA credits).
    func expectOneListed(_ listed: CLI.Result, format: String) throws {
        switch format {
        case "json":
            let report = try JSONParser.parse(listed.stdout)
            #expect(report["credentials"]?.arrayValue?.count == 1)
            #expect(report["totals"]?.arrayValue?.first?["amount"] == 3.25)
        case "csv":
            #expect(listed.stdout.split(separator: "\n").count == 2, "\(listed.stdout)")
        default:
            #expect(listed.stdout.hasSuffix("1 credential; totals: 3.25 AMA_PRA_CAT1\n"), "\(listed.stdout)")
        }
    }

    @Test(
        "each unreadable wallet file is a warning naming it; the rest is listed; exit 1",
        arguments: ["text", "json", "csv"])
    func skippedFiles(format: String) throws {
        let s = try RegistryWalletVerifyCommandTests().setup()
        #expect(try s.run(["wallet", "import", "--wallet", "w", "vc.json"]).status == 0)
        try s.write("[1, 2]", to: "w/array.json")
        try s.write("{\"a\": ", to: "w/cut.json")
        try s.write(
            "{\"id\": \"data:application/vc+jwt,not-a-jwt\", \"type\": \"EnvelopedVerifiableCredential\"}",
            to: "w/envelope.json")
        let listed = try s.run(["wallet", "list", "--wallet", "w", "--format", format])
        #expect(listed.status == 1, "\(listed.stderr)")
        let warnings = listed.stderr.split(separator: "\n").map(String.init)
        #expect(warnings.count == 3, "\(listed.stderr)")
        #expect(
            warnings.first == "warning: w/array.json: not a credential: expected a JSON object, found an array",
            "\(listed.stderr)")
        #expect(warnings.dropFirst().first?.hasPrefix("warning: w/cut.json: line 1, column 7: ") == true)
        #expect(warnings.last?.hasPrefix("warning: w/envelope.json: ") == true, "\(listed.stderr)")
        try expectOneListed(listed, format: format)
        if format == "json" {
            // The JSON carries each warning printed, without its `warning: ` prefix, in order.
            let carried = try JSONParser.parse(listed.stdout)["warnings"]?.arrayValue?.compactMap(\.stringValue)
            #expect(carried == warnings.map { String($0.dropFirst("warning: ".count)) }, "\(listed.stdout)")
        }
    }

    @Test("present names each unreadable wallet file, presents the rest, and exits 1")
    func present() throws {
        let s = try RegistryWalletVerifyCommandTests().setup()
        #expect(try s.run(["wallet", "import", "--wallet", "w", "vc.json"]).status == 0)
        try s.write("[1, 2]", to: "w/array.json")
        let presented = try present(s)
        #expect(presented.status == 1, "\(presented.stderr)")
        #expect(presented.stderr.hasPrefix("warning: w/array.json: not a credential: "), "\(presented.stderr)")
        #expect(presented.stderr.contains("; not presented\n"))
        #expect(presented.stderr.contains("presented 1 credential as "))
        let verified = try s.run([
            "verify", "--registry", "registry.json", "--challenge", "c-1", "--domain", "hospital.example", "vp.json",
        ])
        #expect(verified.stdout.contains("credential 1 of 1"), "\(verified.stdout)")
    }

    @Test("check --wallet names each unreadable wallet file as not counted and never reports all met")
    func check() throws {
        let s = try CheckCommandTests().setup()
        #expect(try s.run(["wallet", "import", "--wallet", "w", "cme.json"]).status == 0)
        try s.write(CheckCommandTests.rules(amount: "3"), to: "rules.json")
        let clean = try s.run(Self.checkWallet)
        try #require(clean.status == 0, "the wallet's credential meets the rule: \(clean.stdout)\(clean.stderr)")
        try s.write("{\"a\": ", to: "w/cut.json")
        let checked = try s.run(Self.checkWallet)
        #expect(checked.status == 1, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stdout.contains("MET"))
        #expect(checked.stderr.hasPrefix("warning: w/cut.json: line 1, column 7: "), "\(checked.stderr)")
        #expect(checked.stderr.contains("; not counted\n"))
    }

    /// `wallet list` in `format` of a wallet holding the imported credential and `content` as `w/NAME`: the file
    /// is named on stderr by `warning` alone (and, in JSON, in `warnings`), nothing unknown (`?`) is listed,
    /// exactly the credential is, exit 1.
    func expectSkipped(_ name: String, content: String, warning: String, format: String) throws {
        let s = try RegistryWalletVerifyCommandTests().setup()
        #expect(try s.run(["wallet", "import", "--wallet", "w", "vc.json"]).status == 0)
        try s.write(content, to: "w/\(name)")
        let listed = try s.run(["wallet", "list", "--wallet", "w", "--format", format])
        #expect(listed.status == 1, "\(listed.stderr)")
        #expect(listed.stderr == "warning: w/\(name): \(warning)\n", "\(listed.stderr)")
        #expect(!listed.stdout.contains("?"), "\(listed.stdout)")
        try expectOneListed(listed, format: format)
        if format == "json" {
            #expect(
                try JSONParser.parse(listed.stdout)["warnings"] == .array([.string("w/\(name): \(warning)")]),
                "\(listed.stdout)")
        }
    }

    /// Wallet files that are JSON but not credentials: the file, its content and the warning naming it.
    static let notCredentials = [
        ("junk.json", "{\"a\": 1}", "not a credential: its \"type\" does not list VerifiableCredential"),
        (
            "subjectless.json", "{\"type\": [\"VerifiableCredential\"], \"issuer\": \"did:example:1\"}",
            "not a credential: it has no \"credentialSubject\""
        ),
    ]

    @Test(
        "a wallet file that is JSON but not a credential (no VerifiableCredential type, or no credentialSubject) is a warning naming it, not listed or counted; exit 1",
        arguments: notCredentials, ["text", "json", "csv"])
    func notACredential(_ file: (name: String, content: String, warning: String), format: String) throws {
        try expectSkipped(file.name, content: file.content, warning: file.warning, format: format)
    }

    /// Credentials whose `credentialSubject` is not an object or a non-empty array of objects, what the warning
    /// says it is, and the format each is listed in (all three are covered).
    static let malformedSubjects: [(subject: String, found: String, format: String)] = [
        ("null", "null", "text"), ("\"did:example:1\"", "a string", "json"), ("7", "a number", "csv"),
        ("[]", "an empty array", "text"),
        ("[{\"id\": \"did:example:1\"}, 2]", "an array holding a number at index 1", "json"),
    ]

    @Test(
        "a wallet file whose credentialSubject is not an object or a non-empty array of objects is a warning saying what it is, not listed; exit 1",
        arguments: malformedSubjects)
    func malformedCredentialSubject(_ malformed: (subject: String, found: String, format: String)) throws {
        try expectSkipped(
            "malformed.json",
            content:
                "{\"type\": [\"VerifiableCredential\"], \"issuer\": \"did:example:1\", \"credentialSubject\": \(malformed.subject)}",
            warning:
                "not a credential: its \"credentialSubject\" is \(malformed.found), expected an object or an array of objects",
            format: malformed.format)
    }

    @Test("an enveloped JWT that is a presentation, not a credential, is a warning naming it; exit 1")
    func envelopedPresentation() throws {
        let s = try RegistryWalletVerifyCommandTests().setup()
        #expect(try s.run(["wallet", "import", "--wallet", "w", "vc.json"]).status == 0)
        let presented = try s.run([
            "present", "--wallet", "w", "--key", "physician.pem", "--challenge", "c-1", "--domain",
            "hospital.example", "--format", "jwt", "--out", "vp.jwt",
        ])
        try #require(presented.status == 0, "\(presented.stderr)")
        let jwt = try s.read("vp.jwt").trimmingCharacters(in: .whitespacesAndNewlines)
        try s.write(
            "{\"id\": \"data:application/vc+jwt,\(jwt)\", \"type\": \"EnvelopedVerifiableCredential\"}",
            to: "w/vp.json")
        let listed = try s.run(["wallet", "list", "--wallet", "w"])
        #expect(listed.status == 1, "\(listed.stderr)")
        #expect(
            listed.stderr == "warning: w/vp.json: not a credential: the enveloped JWT is a presentation\n",
            "\(listed.stderr)")
        #expect(listed.stdout.hasSuffix("1 credential; totals: 3.25 AMA_PRA_CAT1\n"), "\(listed.stdout)")
    }

    @Test("present and check --wallet name a wallet file that is JSON but not a credential, leave it out, exit 1")
    func notACredentialPresentAndCheck() throws {
        let s = try CheckCommandTests().setup()
        #expect(try s.run(["wallet", "import", "--wallet", "w", "cme.json"]).status == 0)
        try s.write("{\"a\": 1}", to: "w/junk.json")
        let warning = "warning: w/junk.json: not a credential: its \"type\" does not list VerifiableCredential"
        try s.write(CheckCommandTests.rules(amount: "3"), to: "rules.json")
        let checked = try s.run(Self.checkWallet)
        #expect(checked.status == 1, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stdout.contains("MET"), "\(checked.stdout)")
        #expect(checked.stderr == "\(warning); not counted\n", "\(checked.stderr)")
        let presented = try present(s)
        #expect(presented.status == 1, "\(presented.stderr)")
        #expect(presented.stderr.hasPrefix("\(warning); not presented\n"), "\(presented.stderr)")
        #expect(presented.stderr.contains("presented 1 credential as "), "\(presented.stderr)")
    }
}
