import Foundation
import Testing
import VerifiableCredentials

/// End-to-end tests of `registry`, `wallet`, `present` and `verify --registry`, running the built binary.
@Suite("cmevc registry, wallet, present, verify --registry")
struct RegistryWalletVerifyCommandTests {
    /// A folder with an issuer, an operator and a physician key, a signed registry and a signed credential.
    struct Setup {
        let dir: URL
        let issuer: String
        let operatorDID: String
        let physician: String

        func run(_ arguments: [String]) throws -> CLI.Result { try CLI.run(arguments, in: dir) }
        func write(_ text: String, to name: String) throws {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        func read(_ name: String) throws -> String {
            try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        }

        static let listID = "https://cme.example.org/status/1"

        func credential(id: String = "urn:uuid:1", creditType: String = "AMA_PRA_CAT1", statusIndex: Int? = nil)
            -> String
        {
            let status =
                statusIndex.map {
                    ",\"credentialStatus\":{\"type\":\"BitstringStatusListEntry\",\"statusPurpose\":\"revocation\",\"statusListIndex\":\"\($0)\",\"statusListCredential\":\"\(Self.listID)\"}"
                } ?? ""
            return """
                {"@context":["https://www.w3.org/ns/credentials/v2"],"id":"\(id)","type":["VerifiableCredential"],
                 "issuer":{"id":"\(issuer)","name":"Example Hospital"},"validFrom":"2026-03-02T00:00:00Z",
                 "credentialSubject":{"id":"\(physician)","creditsEarned":3.25,
                   "achievement":{"name":"Safe Opioid Prescribing","resultDescription":[{"id":"urn:rd:\(id)","creditType":"\(creditType)"}],
                     "alignment":[{"targetCode":"opioid-prescribing","targetFramework":"cme-topics/1"}]},
                   "result":[{"resultDescription":"urn:rd:\(id)","value":"3.25"}]}\(status)}
                """
        }

        /// Signs `text` as the issuer into `name`.
        func issue(_ text: String, as name: String) throws {
            try write(text, to: "unsigned-\(name)")
            let result = try run([
                "sign", "--suite", "eddsa-jcs-2022", "--key", "issuer.pem", "--out", name, "unsigned-\(name)",
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }

        /// A revocation list with `revoked` bits set, signed by `key`, into `status/`.
        func statusList(revoked: [Int], key: String = "issuer.pem", issuer: String? = nil) throws {
            var bits = try BitstringStatusList()
            for index in revoked { try bits.set(true, at: index) }
            let list = """
                {"@context":["https://www.w3.org/ns/credentials/v2"],"id":"\(Self.listID)",
                 "type":["VerifiableCredential","BitstringStatusListCredential"],"issuer":"\(issuer ?? self.issuer)",
                 "validFrom":"\(DateTimeStamp(Date()).text)",
                 "credentialSubject":{"id":"\(Self.listID)#list","type":"BitstringStatusList","statusPurpose":"revocation",
                   "encodedList":"\(try bits.encodedList())"}}
                """
            try FileManager.default.createDirectory(
                at: dir.appendingPathComponent("status"), withIntermediateDirectories: true)
            try write(list, to: "list.json")
            #expect(
                try run(["sign", "--suite", "eddsa-jcs-2022", "--key", key, "--out", "status/1.json", "list.json"])
                    .status == 0)
        }
    }

    static func did(_ key: String, in dir: URL) throws -> String {
        let shown = try CLI.run(["keys", "show", "--format", "json", key], in: dir)
        let object = try JSONParser.parse(shown.stdout)
        return object["did"]?.stringValue ?? ""
    }

    func setup() throws -> Setup {
        let dir = try CLI.temporaryDirectory()
        for name in ["issuer", "operator", "physician", "other"] {
            #expect(try CLI.run(["keys", "generate", "--out", "\(name).pem"], in: dir).status == 0)
        }
        let setup = Setup(
            dir: dir, issuer: try Self.did("issuer.pem", in: dir), operatorDID: try Self.did("operator.pem", in: dir),
            physician: try Self.did("physician.pem", in: dir))
        let steps: [[String]] = [
            ["registry", "init", "--id", "did:web:registry.example.org", "--name", "Test Registry", "registry.json"],
            [
                "registry", "add-issuer", "--registry", "registry.json", "--id", setup.issuer, "--name",
                "Example Hospital CME",
                "--accredited-from", "2022-07-01", "--accredited-until", "2028-06-30", "--credit-type", "AMA_PRA_CAT1",
                "--status-prefix", "https://cme.example.org/status/", "--identifier", "ACCMEProviderId=0001234",
            ],
            [
                "registry", "add-key", "--registry", "registry.json", "--issuer", setup.issuer, "--key-file",
                "issuer.pem",
                "--valid-from", "2024-01-01",
            ],
            ["registry", "sign", "--key", "operator.pem", "registry.json"],
        ]
        for step in steps {
            let result = try setup.run(step)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        try setup.issue(setup.credential(), as: "vc.json")
        return setup
    }

    @Test(
        "registry: init, add-issuer, add-key, sign, validate, show; every change bumps sequence and drops the signature"
    )
    func registryLifecycle() throws {
        let s = try setup()
        let registry = try IssuerRegistry(json: JSONParser.parse(s.read("registry.json")))
        #expect(registry.info.sequence == 3)
        #expect(registry.proof != nil)
        #expect(try s.run(["registry", "validate", "--registry-key", s.operatorDID, "registry.json"]).status == 0)
        let wrong = try s.run(["registry", "validate", "--registry-key", s.physician, "registry.json"])
        #expect(wrong.status == 1)
        #expect(wrong.stdout.contains("registrySignatureInvalid"))
        let show = try s.run(["registry", "show", "registry.json"])
        #expect(show.stdout.contains("Example Hospital CME"))
        let showJSON = try s.run(["registry", "show", "--format", "json", "registry.json"])
        #expect(try IssuerRegistry(json: JSONParser.parse(showJSON.stdout)).issuers.count == 1)

        let keyID = registry.issuers[0].keys[0].id
        let revoke = try s.run([
            "registry", "revoke-key", "--registry", "registry.json", "--key", keyID, "--at", "2026-01-01T00:00:00Z",
            "--reason", "superseded",
        ])
        #expect(revoke.status == 0, "\(revoke.stderr)")
        let revoked = try IssuerRegistry(json: JSONParser.parse(s.read("registry.json")))
        #expect(revoked.info.sequence == 4)
        #expect(revoked.proof == nil)
        #expect(revoked.issuers[0].keys[0].revoked?.reason == "superseded")
        let unsigned = try s.run(["registry", "validate", "--registry-key", s.operatorDID, "registry.json"])
        #expect(unsigned.status == 1)
        #expect(unsigned.stdout.contains("registryUnsigned"))
        #expect(
            try s.run([
                "registry", "add-issuer", "--registry", "registry.json", "--id", s.issuer, "--name", "Again",
                "--accredited-from", "2022-01-01",
            ]).status == 2)
    }

    @Test("registry validate names the JSON Pointer of a bad member and exits 2")
    func registryInvalid() throws {
        let s = try setup()
        try s.write(
            try s.read("registry.json").replacingOccurrences(
                of: "\"maxAgeDays\": 7", with: "\"maxAgeDays\": \"seven\""), to: "bad.json")
        let result = try s.run(["registry", "validate", "bad.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.json: /issuers/0/statusLists/0/maxAgeDays"), "\(result.stderr)")
    }

    @Test("verify --registry: a genuine credential exits 0; a changed credit amount exits 1 naming the check")
    func verifyCredential() throws {
        let s = try setup()
        let ok = try s.run(["verify", "--registry", "registry.json", "--registry-key", s.operatorDID, "vc.json"])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("vc.json: VERIFIED"))
        #expect(ok.stdout.contains("Example Hospital CME"))
        try s.write(try s.read("vc.json").replacingOccurrences(of: "3.25", with: "32.5"), to: "tampered.json")
        let tampered = try s.run(["verify", "--registry", "registry.json", "--format", "json", "tampered.json"])
        #expect(tampered.status == 1)
        let report = try JSONParser.parse(tampered.stdout)
        let checks = report["files"]?.arrayValue?.first?["credentials"]?.arrayValue?.first?["checks"]?.arrayValue ?? []
        #expect(checks.contains { $0["check"] == "proof" && $0["code"] == "signatureMismatch" })
    }

    @Test(
        "verify: without --registry it requires --proof-only (64); a wrongly pinned registry is refused (1); unreadable input exits 2"
    )
    func verifyUsageAndRefusals() throws {
        let s = try setup()
        #expect(try s.run(["verify", "vc.json"]).status == 64)
        #expect(try s.run(["verify", "--proof-only", "--registry", "registry.json", "vc.json"]).status == 64)
        let wrong = try s.run(["verify", "--registry", "registry.json", "--registry-key", s.physician, "vc.json"])
        #expect(wrong.status == 1)
        #expect(wrong.stdout.contains("REGISTRY NOT TRUSTED"))
        try s.write(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000), to: "bomb.json")
        let bomb = try s.run(["verify", "--registry", "registry.json", "bomb.json"])
        #expect(bomb.status == 2)
        #expect(bomb.stdout.contains("nestingTooDeep"))
        let huge = s.dir.appendingPathComponent("huge.json")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: Data("{".utf8)))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 100 * 1024 * 1024)
        try handle.close()
        let tooLarge = try s.run(["verify", "--registry", "registry.json", "huge.json", "vc.json"])
        #expect(tooLarge.status == 2)
        #expect(tooLarge.stderr.contains("huge.json"))
        #expect(tooLarge.stdout.contains("documentTooLarge"))
        #expect(tooLarge.stdout.contains("vc.json: VERIFIED"))
        let unknown = try s.run(["verify", "--registry", "registry.json", "--at", "yesterday", "vc.json"])
        #expect(unknown.status == 64)
    }

    @Test("verify --status-dir: clear bit passes, set bit fails as revoked, a missing list is unknown")
    func verifyStatus() throws {
        let s = try setup()
        try s.issue(s.credential(id: "urn:uuid:2", statusIndex: 7), as: "vc2.json")
        try s.statusList(revoked: [])
        #expect(try s.run(["verify", "--registry", "registry.json", "--status-dir", "status", "vc2.json"]).status == 0)
        try s.statusList(revoked: [7])
        let revoked = try s.run(["verify", "--registry", "registry.json", "--status-dir", "status", "vc2.json"])
        #expect(revoked.status == 1)
        #expect(revoked.stdout.contains("credentialRevoked"))
        let missing = try s.run(["verify", "--registry", "registry.json", "vc2.json"])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("? status"))
        #expect(missing.stdout.contains("statusListMissing"))
        try s.statusList(revoked: [], key: "other.pem", issuer: try Self.did("other.pem", in: s.dir))
        let forged = try s.run(["verify", "--registry", "registry.json", "--status-dir", "status", "vc2.json"])
        #expect(forged.status == 1)
        #expect(forged.stdout.contains("statusListIssuerMismatch"))
    }

    @Test("wallet import stores once, reports bad files; list prints a transcript in text, json and csv")
    func wallet() throws {
        let s = try setup()
        try s.write("{\"not\":\"a credential\"}", to: "junk.json")
        let first = try s.run(["wallet", "import", "--wallet", "w", "vc.json", "junk.json"])
        #expect(first.status == 1)
        #expect(first.stdout.contains("1 imported, 0 duplicates skipped, 1 rejected"), "\(first.stdout)")
        #expect(first.stderr.contains("junk.json"))
        let again = try s.run(["wallet", "import", "--wallet", "w", "vc.json"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("0 imported, 1 duplicate skipped"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.dir.appendingPathComponent("w").path).count == 1)
        let text = try s.run(["wallet", "list", "--wallet", "w"])
        #expect(text.stdout.contains("2026-03-02"))
        #expect(text.stdout.contains("Safe Opioid Prescribing"))
        #expect(text.stdout.contains("totals: 3.25 AMA_PRA_CAT1"))
        let json = try JSONParser.parse(try s.run(["wallet", "list", "--wallet", "w", "--format", "json"]).stdout)
        #expect(json["totals"]?.arrayValue?.first?["amount"] == 3.25)
        let csv = try s.run(["wallet", "list", "--wallet", "w", "--format", "csv"])
        #expect(
            csv.stdout.hasPrefix(
                "completed,provider,activity,credit_type,credits,topics,id\n2026-03-02,Example Hospital,"))
    }

    @Test(
        "wallet list counts only plain finite credit amounts: a stored file edited to nan, inf or 1e400 never crashes it"
    )
    func walletListAbsurdAmounts() throws {
        let s = try setup()
        #expect(try s.run(["wallet", "import", "--wallet", "w", "vc.json"]).status == 0)
        let folder = s.dir.appendingPathComponent("w")
        let stored = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        let text = try String(contentsOf: folder.appendingPathComponent(stored), encoding: .utf8)
        #expect(text.contains("\"3.25\""))
        for (index, value) in ["nan", "inf", "1e400", "-1e300", "99999999999"].enumerated() {
            // The result's value and `creditsEarned` (which a line falls back on) both edited.
            let edited = text.replacingOccurrences(of: "\"3.25\"", with: "\"\(value)\"")
                .replacingOccurrences(of: "\"creditsEarned\": 3.25", with: "\"creditsEarned\": \"\(value)\"")
            #expect(edited.contains("\"creditsEarned\": \"\(value)\""))
            try Data(edited.utf8)
                .write(to: folder.appendingPathComponent("edited-\(index).json"))
        }
        for format in ["text", "json", "csv"] {
            let listed = try s.run(["wallet", "list", "--wallet", "w", "--format", format])
            #expect(listed.status == 0, "\(format): \(listed.stderr)")
        }
        let totals = try JSONParser.parse(try s.run(["wallet", "list", "--wallet", "w", "--format", "json"]).stdout)
        #expect(totals["totals"]?.arrayValue?.first?["amount"] == 3.25)
        #expect(totals["credentials"]?.arrayValue?.count == 6)
    }

    @Test("present writes a holder-signed presentation that verifies only with its challenge and domain")
    func presentAndVerify() throws {
        let s = try setup()
        try s.issue(s.credential(id: "urn:uuid:9", creditType: "AMA_PRA_CAT2"), as: "vc9.json")
        #expect(try s.run(["wallet", "import", "--wallet", "w", "vc.json", "vc9.json"]).status == 0)
        let present = try s.run([
            "present", "--wallet", "w", "--key", "physician.pem", "--challenge", "c-1", "--domain", "hospital.example",
            "--credit-type", "AMA_PRA_CAT1", "--since", "2026-01-01", "--out", "vp.json",
        ])
        #expect(present.status == 0, "\(present.stderr)")
        let vp = try JSONParser.parse(s.read("vp.json"))
        #expect(vp["holder"]?.stringValue == s.physician)
        #expect(vp["verifiableCredential"]?.arrayValue?.count == 1)
        #expect(vp["proof"]?["proofPurpose"] == "authentication")
        let ok = try s.run([
            "verify", "--registry", "registry.json", "--challenge", "c-1", "--domain", "hospital.example", "vp.json",
        ])
        #expect(ok.status == 0, "\(ok.stdout)")
        let replay = try s.run([
            "verify", "--registry", "registry.json", "--challenge", "c-2", "--domain", "hospital.example", "vp.json",
        ])
        #expect(replay.status == 1)
        #expect(replay.stdout.contains("challengeMismatch"))
        let other = try s.run([
            "verify", "--registry", "registry.json", "--challenge", "c-1", "--domain", "elsewhere.example", "vp.json",
        ])
        #expect(other.status == 1)
        #expect(other.stdout.contains("domainMismatch"))
        let stolen = try s.run([
            "present", "--wallet", "w", "--key", "other.pem", "--challenge", "c-1", "--domain", "hospital.example",
            "--out", "stolen.json",
        ])
        #expect(stolen.status == 0)
        let refused = try s.run([
            "verify", "--registry", "registry.json", "--challenge", "c-1", "--domain", "hospital.example",
            "stolen.json",
        ])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("holderMismatch"))
        let nothing = try s.run([
            "present", "--wallet", "w", "--key", "physician.pem", "--challenge", "c", "--domain", "d", "--topic",
            "none", "--out", "x.json",
        ])
        #expect(nothing.status == 1)
    }
}
