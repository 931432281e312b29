import Foundation
import Testing
import VerifiableCredentials

@Suite("cmevc issuer, issue, status, audit")
struct IssueCommandTests {
    static let batch = IssuerFixture.example("attendance.csv")

    /// The example batch: 12 records, one of them (line 12) with a bad NPI check digit.
    @Test("the example batch: the bad row is reported by line, exit 1, the rest issued and verifiable")
    func exampleBatch() throws {
        let fixture = try IssuerFixture()
        let result = try fixture.run(["issue", "--issuer", fixture.issuer, "--out", "creds", Self.batch])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("attendance.csv:12: learner_npi: expected"), "\(result.stderr)")
        #expect(result.stderr.contains("issued 11, already issued 0, rejected 1"), "\(result.stderr)")
        let files = try fixture.files(in: "creds")
        #expect(files.count == 11)
        #expect(files.allSatisfy { $0.hasPrefix("urn_uuid_") })

        let verified = try fixture.run(["verify", "--proof-only"] + files.map { "creds/" + $0 })
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")

        // Each credential: proof array, two status entries with ids <list>#<index>.
        for name in files {
            let credential = try JSONParser.parse(Array(try Data(contentsOf: fixture.url("creds/" + name))))
            #expect(credential["proof"]?.arrayValue?.count == 1)
            #expect(CredentialOutputName.of(credential["id"]?.stringValue ?? "") == name)
            let statuses = try #require(credential["credentialStatus"]?.arrayValue)
            #expect(statuses.map { $0["statusPurpose"]?.stringValue } == ["revocation", "suspension"])
            for status in statuses {
                let list = try #require(status["statusListCredential"]?.stringValue)
                let index = try #require(status["statusListIndex"]?.stringValue)
                #expect(list.hasPrefix("https://cme.example.org/status/\(status["statusPurpose"]?.stringValue ?? "")/"))
                #expect(status["id"]?.stringValue == "\(list)#\(index)")
            }
        }
    }

    @Test("a rerun issues nothing new and rewrites a missing file from the ledger")
    func idempotentRerun() throws {
        let fixture = try IssuerFixture()
        try fixture.run(["issue", "--issuer", fixture.issuer, "--out", "creds", Self.batch])
        let files = try fixture.files(in: "creds")
        let removed = try #require(files.first)
        let original = try Data(contentsOf: fixture.url("creds/" + removed))
        try FileManager.default.removeItem(at: fixture.url("creds/" + removed))

        let rerun = try fixture.run(["issue", "--issuer", fixture.issuer, "--out", "creds", Self.batch])
        #expect(rerun.status == 1)
        #expect(rerun.stderr.contains("issued 0, already issued 11, rejected 1"), "\(rerun.stderr)")
        #expect(rerun.stderr.contains("(1 missing file rewritten)"))
        #expect(try fixture.files(in: "creds") == files)
        #expect(try Data(contentsOf: fixture.url("creds/" + removed)) == original)
        #expect(try fixture.sql("print(db.execute('SELECT COUNT(*) FROM credentials').fetchone()[0])") == "11")
    }

    @Test("--reissue issues replacements and revokes the old credentials")
    func reissue() throws {
        let fixture = try IssuerFixture()
        try fixture.run(["issue", "--issuer", fixture.issuer, "--out", "first", Self.batch])
        let first = try fixture.files(in: "first")
        let again = try fixture.run(["issue", "--issuer", fixture.issuer, "--reissue", "--out", "second", Self.batch])
        #expect(again.stderr.contains("issued 11, already issued 0, rejected 1"), "\(again.stderr)")
        let second = try fixture.files(in: "second")
        #expect(Set(first).isDisjoint(with: second))
        let states = try fixture.sql(
            "print(','.join(f'{s}={n}' for s, n in db.execute('SELECT state, COUNT(*) FROM credentials GROUP BY state ORDER BY state')))"
        )
        #expect(states == "active=11,revoked=11")
        let replaced = try fixture.sql(
            "print(db.execute('SELECT COUNT(*) FROM credentials WHERE replaced_by IS NOT NULL').fetchone()[0])")
        #expect(replaced == "11")
        // A revoked credential cannot be reinstated or revoked again.
        let old = try fixture.run(["status", "revoke", "--issuer", fixture.issuer, "first/" + first[0]])
        #expect(old.status == 1)
        #expect(old.stderr.contains("revoked"))
    }

    @Test("revoke is final, suspend and reinstate toggle, and each is an audit event")
    func statusRules() throws {
        let fixture = try IssuerFixture()
        try fixture.run(["issue", "--issuer", fixture.issuer, "--out", "creds", Self.batch])
        let files = try fixture.files(in: "creds")
        let a = "creds/" + files[0]
        let b = try #require(
            JSONParser.parse(Array(try Data(contentsOf: fixture.url("creds/" + files[1]))))["id"]?.stringValue)

        #expect(try fixture.run(["status", "suspend", "--issuer", fixture.issuer, "--reason", "audit", a]).status == 0)
        #expect(try fixture.run(["status", "suspend", "--issuer", fixture.issuer, a]).status == 1)
        #expect(try fixture.run(["status", "reinstate", "--issuer", fixture.issuer, a]).status == 0)
        #expect(try fixture.run(["status", "reinstate", "--issuer", fixture.issuer, a]).status == 1)
        #expect(try fixture.run(["status", "revoke", "--issuer", fixture.issuer, "--reason", "error", b]).status == 0)
        #expect(try fixture.run(["status", "reinstate", "--issuer", fixture.issuer, b]).status == 1)
        #expect(try fixture.run(["status", "suspend", "--issuer", fixture.issuer, b]).status == 1)
        #expect(try fixture.run(["status", "revoke", "--issuer", fixture.issuer, b]).status == 1)
        #expect(try fixture.run(["status", "revoke", "--issuer", fixture.issuer, "urn:uuid:unknown"]).status == 1)

        let export = try fixture.run(["audit", "export", "--issuer", fixture.issuer])
        #expect(export.status == 0)
        let kinds = export.stdout.split(separator: "\n").compactMap { line in
            (try? JSONParser.parse(Array(line.utf8)))?["kind"]?.stringValue
        }
        #expect(kinds.filter { $0 == "issue" }.count == 11)
        #expect(kinds.filter { $0 != "issue" } == ["key", "suspend", "reinstate", "revoke"])
    }

    @Test("publish writes signed lists whose decoded bits match the revoked and suspended indexes")
    func publish() throws {
        let fixture = try IssuerFixture()
        try fixture.run(["issue", "--issuer", fixture.issuer, "--out", "creds", Self.batch])
        let files = try fixture.files(in: "creds")
        func entries(_ name: String) throws -> [String: Int] {
            let credential = try JSONParser.parse(Array(try Data(contentsOf: fixture.url("creds/" + name))))
            var result: [String: Int] = [:]
            for status in credential["credentialStatus"]?.arrayValue ?? [] {
                result[status["statusPurpose"]?.stringValue ?? ""] = Int(status["statusListIndex"]?.stringValue ?? "")
            }
            return result
        }
        try fixture.run(["status", "revoke", "--issuer", fixture.issuer, "creds/" + files[0], "creds/" + files[1]])
        try fixture.run(["status", "suspend", "--issuer", fixture.issuer, "creds/" + files[2]])
        let published = try fixture.run([
            "status", "publish", "--issuer", fixture.issuer, "--out", "status", "--ttl", "24h",
        ])
        #expect(published.status == 0, "\(published.stderr)")
        #expect(try fixture.files(in: "status") == ["revocation-1.json", "suspension-1.json"])

        let verified = try fixture.run([
            "verify", "--proof-only", "status/revocation-1.json", "status/suspension-1.json",
        ])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        for (purpose, expected) in [
            ("revocation", [try entries(files[0])["revocation"], try entries(files[1])["revocation"]]),
            ("suspension", [try entries(files[2])["suspension"]]),
        ] {
            let json = try JSONParser.parse(Array(try Data(contentsOf: fixture.url("status/\(purpose)-1.json"))))
            let list = try BitstringStatusListCredential(json: json)
            #expect(list.id == "https://cme.example.org/status/\(purpose)/1")
            #expect(list.list.entryCount >= 131_072)
            #expect(Set(list.list.setIndexes) == Set(expected.compactMap { $0 }))
            let from = try #require(list.validFrom)
            let until = try #require(list.validUntil)
            #expect(until.timeIntervalSince(from) == 86_400)
            #expect(json["proof"]?.arrayValue?.count == 1)
        }
        let export = try fixture.run(["audit", "export", "--issuer", fixture.issuer])
        #expect(export.stdout.contains("\"kind\":\"publish\""))
    }

    @Test("audit verify names an edited row, a deleted row and passes an intact chain")
    func auditTamper() throws {
        let fixture = try IssuerFixture()
        try fixture.run(["issue", "--issuer", fixture.issuer, "--out", "creds", Self.batch])
        let intact = try fixture.run(["audit", "verify", "--issuer", fixture.issuer])
        #expect(intact.status == 0)
        #expect(intact.stdout.contains("audit chain intact: 12 events"))

        _ = try fixture.sql(
            "db.execute(\"UPDATE audit_events SET details = replace(details, 'learnerKey', 'learnerKEY') WHERE seq = 5\"); db.commit()"
        )
        let edited = try fixture.run(["audit", "verify", "--issuer", fixture.issuer])
        #expect(edited.status == 1)
        #expect(edited.stdout.contains("audit event 5: edited"), "\(edited.stdout)")

        _ = try fixture.sql(
            "db.execute(\"UPDATE audit_events SET details = replace(details, 'learnerKEY', 'learnerKey') WHERE seq = 5\"); db.execute('DELETE FROM audit_events WHERE seq = 8'); db.commit()"
        )
        let deleted = try fixture.run(["audit", "verify", "--issuer", fixture.issuer])
        #expect(deleted.status == 1)
        #expect(deleted.stdout.contains("audit event 9: deleted"), "\(deleted.stdout)")
    }

    @Test("--jsonl writes every credential of the batch, one per line, also on a rerun")
    func jsonLines() throws {
        let fixture = try IssuerFixture()
        let first = try fixture.run(["issue", "--issuer", fixture.issuer, "--jsonl", "batch.jsonl", Self.batch])
        #expect(first.status == 1)
        let again = try fixture.run(["issue", "--issuer", fixture.issuer, "--jsonl", "again.jsonl", Self.batch])
        #expect(again.stderr.contains("already issued 11"))
        for name in ["batch.jsonl", "again.jsonl"] {
            let lines = try String(contentsOf: fixture.url(name), encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 11)
            let ids = try lines.map { try JSONParser.parse(Array($0.utf8))["id"]?.stringValue }
            #expect(Set(ids).count == 11)
            // Each line is the credential exactly as compact serialization writes it.
            for line in lines {
                #expect(try JSONSerializer.bytes(JSONParser.parse(Array(line.utf8))) == Array(line.utf8))
            }
        }
        #expect(
            try String(contentsOf: fixture.url("batch.jsonl"), encoding: .utf8).split(separator: "\n").sorted()
                == String(contentsOf: fixture.url("again.jsonl"), encoding: .utf8).split(separator: "\n").sorted())
    }

    @Test("issuer init refuses an existing issuer; show and did-document print the issuer")
    func issuerDirectory() throws {
        let fixture = try IssuerFixture()
        let again = try fixture.run([
            "issuer", "init", fixture.issuer, "--id", "did:web:cme.example.org", "--name", "X", "--key", "provider.pem",
            "--status-base-url", "https://cme.example.org/status",
        ])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
        let show = try fixture.run(["issuer", "show", fixture.issuer])
        #expect(show.status == 0)
        let shown = try JSONParser.parse(Array(show.stdout.utf8))
        #expect(shown["suite"]?.stringValue == "eddsa-rdfc-2022")
        #expect(shown["keyPath"]?.stringValue?.hasSuffix("provider.pem") == true)

        let web = try fixture.run([
            "issuer", "init", "web", "--id", "did:web:cme.example.org", "--name", "Example", "--key", "provider.pem",
            "--status-base-url", "https://cme.example.org/status/",
        ])
        #expect(web.status == 0, "\(web.stderr)")
        let document = try fixture.run(["issuer", "did-document", "web"])
        let json = try JSONParser.parse(Array(document.stdout.utf8))
        #expect(json["id"]?.stringValue == "did:web:cme.example.org")
        #expect(json["assertionMethod"]?.arrayValue?.first?.stringValue == "did:web:cme.example.org#key-1")
        let method = try #require(json["verificationMethod"]?.arrayValue?.first)
        #expect(method["type"]?.stringValue == "Multikey")
        #expect(method["publicKeyMultibase"]?.stringValue?.hasPrefix("z6Mk") == true)
        let keyDocument = try fixture.run(["issuer", "did-document", fixture.issuer])
        #expect(try JSONParser.parse(Array(keyDocument.stdout.utf8))["id"]?.stringValue?.hasPrefix("did:key:") == true)
    }
}

/// The file name rule of `cmevc issue --out` (mirrors `CredentialOutput.fileName(for:)`).
enum CredentialOutputName {
    static func of(_ id: String) -> String {
        String(
            id.unicodeScalars.map { scalar in
                scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar)
                    || ".-_".unicodeScalars.contains(scalar)
                    ? Character(scalar) : "_"
            }) + ".json"
    }
}
