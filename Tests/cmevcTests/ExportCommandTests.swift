import Foundation
import Testing
import VerifiableCredentials

/// `cmevc export pars` on the built binary: issue a small batch, revoke one, export.
@Suite("cmevc export pars")
struct ExportCommandTests {
    static let header =
        "learner_given_name,learner_family_name,learner_npi,learner_license,learner_board_id,learner_dob,"
        + "activity_id,activity_title,activity_format,completion_date,pars_activity_id,credits_AMA_PRA_CAT1,"
        + "credits_ABIM_MOC"
    /// Ann: CME + MOC, acceptable. Bob: two licenses (revoked in the tests). Cy: no ACCME activity id.
    /// Di: MOC points without a board id or date of birth. Ed: completed in 2025.
    static let records = [
        "Ann,Lee,1234567893,CA:A1,ABIM:111,04-17,ACT-1,Opioid Course,course,2026-03-01,202600001,3,3",
        "Bob,Ray,1987654328,CA:A2;NV:22,,11-02,ACT-1,Opioid Course,course,2026-03-01,202600001,2.5,",
        "Cy,Moe,,TX:T3,,,ACT-2,Ethics,course,2026-05-10,,1,",
        "Di,Fox,1456789019,PA:P4,,,ACT-1,Opioid Course,course,2026-03-01,202600001,1,2",
        "Ed,Kim,1678901236,FL:F5,,05-05,ACT-3,Grand Rounds,course,2025-12-01,202500001,1,",
    ]

    /// An issuer with the five credentials issued; returns the fixture and each learner's credential id.
    func issued() throws -> (IssuerFixture, [String: String]) {
        let fixture = try IssuerFixture()
        try (([Self.header] + Self.records).joined(separator: "\n") + "\n")
            .write(to: fixture.url("batch.csv"), atomically: true, encoding: .utf8)
        let issue = try fixture.run(["issue", "--issuer", fixture.issuer, "--out", "creds", "batch.csv"])
        try #require(issue.status == 0, "\(issue.stderr)")
        var ids: [String: String] = [:]
        for file in try fixture.files(in: "creds") {
            let json = try JSONParser.parse(Array(try Data(contentsOf: fixture.url("creds/\(file)"))))
            let name = try #require(json["credentialSubject"]?["name"]?.stringValue)
            ids[String(name.prefix(while: { $0 != " " }))] = try #require(json["id"]?.stringValue)
        }
        try #require(ids.count == 5, "\(ids)")
        return (fixture, ids)
    }

    func text(_ fixture: IssuerFixture, _ path: String) throws -> String {
        try String(contentsOf: fixture.url(path), encoding: .utf8)
    }

    @Test("Revoked and out-of-window credentials are left out; rejected rows go to stderr and the rejects file; exit 1")
    func story() throws {
        let (fixture, ids) = try issued()
        let bob = try #require(ids["Bob"])
        try #require(try fixture.run(["status", "revoke", "--issuer", fixture.issuer, bob]).status == 0)

        let result = try fixture.run(
            ["export", "pars", "--issuer", fixture.issuer, "--since", "2026-01-01", "--out", "pars.tsv"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "exported 1, rejected 2, left out 2 (revoked or replaced 1, suspended 0, outside the window 1)"),
            "\(result.stdout)")
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(errors.count == 2, "\(result.stderr)")
        let cy = try #require(ids["Cy"])
        let di = try #require(ids["Di"])
        #expect(
            errors.contains(
                "credential \(cy) (learner C. Moe, activity ACT-2): no ACCME activity ID (the record had no pars_activity_id)"
            ))
        #expect(
            errors.contains {
                $0.hasPrefix("credential \(di) (learner D. Fox, activity ACT-1): ABIM MOC points without")
            })
        #expect(!result.stderr.contains("1456789019") && !result.stderr.contains("P4"))

        let lines = try text(fixture, "pars.tsv").split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(
            lines.first
                == "ACCME activity ID\tprovider activity ID\tfirst name\tlast name\tDOB month\tDOB day\tlicense state\t"
                + "license ID\tNPI\tboard\tboard ID\tcompletion date\tCME credits (AMA Cat 1)\tMOC credit type\t"
                + "MOC points\tREMS flag")
        #expect(
            lines.last
                == "202600001\tACT-1\tAnn\tLee\t04\t17\tCA\tA1\t1234567893\tABIM\t111\t2026-03-01\t3\tABIM_MOC\t3\tN")

        let rejects = try text(fixture, "pars.rejects.tsv").split(separator: "\n").map(String.init)
        #expect(rejects.count == 3)
        #expect(rejects.first?.hasSuffix("\tREMS flag\tcredential ID\treason") == true)
        #expect(rejects.contains { $0.hasPrefix("\tACT-2\tCy\tMoe\t") && $0.contains("\t\(cy)\tno ACCME activity ID") })

        let audit = try fixture.run(["audit", "verify", "--issuer", fixture.issuer])
        #expect(audit.status == 0, "\(audit.stdout)")
        let events = try fixture.run(["audit", "export", "--issuer", fixture.issuer])
        let last = try JSONParser.parse(Array(try #require(events.stdout.split(separator: "\n").last).utf8))
        #expect(last["kind"] == "pars-export")
        #expect(last["details"]?["since"] == "2026-01-01")
        #expect(last["details"]?["rejected"] == 2)
        let details = JSONSerializer.string(try #require(last["details"]))
        #expect(!details.contains("Lee") && !details.contains("1234567893") && !details.contains("A1"))
    }

    @Test("No row rejected: exit 0, and the rejects file is a header only")
    func clean() throws {
        let (fixture, _) = try issued()
        let result = try fixture.run(
            [
                "export", "pars", "--issuer", fixture.issuer, "--since", "2025-12-01", "--until", "2025-12-31",
                "--out", "out/dec.tsv", "--rejects", "out/dec-rejects.tsv",
            ])
        // The output folder must exist: exit 2 until it does.
        #expect(result.status == 2)
        try FileManager.default.createDirectory(at: fixture.url("out"), withIntermediateDirectories: true)
        let rerun = try fixture.run(
            [
                "export", "pars", "--issuer", fixture.issuer, "--since", "2025-12-01", "--until", "2025-12-31",
                "--out", "out/dec.tsv", "--rejects", "out/dec-rejects.tsv",
            ])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stderr.isEmpty)
        #expect(
            rerun.stdout.contains(
                "exported 1, rejected 0, left out 4 (revoked or replaced 0, suspended 0, outside the window 4)"))
        #expect(
            try text(fixture, "out/dec.tsv").split(separator: "\n").last?.hasPrefix("202500001\tACT-3\tEd\tKim") == true
        )
        #expect(try text(fixture, "out/dec-rejects.tsv").split(separator: "\n").count == 1)
    }

    @Test("A suspended credential is left out until it is reinstated")
    func suspended() throws {
        let (fixture, ids) = try issued()
        let ann = try #require(ids["Ann"])
        try #require(try fixture.run(["status", "suspend", "--issuer", fixture.issuer, ann]).status == 0)
        let args = [
            "export", "pars", "--issuer", fixture.issuer, "--since", "2026-03-01", "--until", "2026-03-01", "--out",
            "p.tsv",
        ]
        let result = try fixture.run(args)
        #expect(
            result.stdout.contains(
                "exported 1, rejected 1, left out 3 (revoked or replaced 0, suspended 1, outside the window 2)"),
            "\(result.stdout)")
        #expect(!(try text(fixture, "p.tsv")).contains("\tAnn\t"))
        try #require(try fixture.run(["status", "reinstate", "--issuer", fixture.issuer, ann]).status == 0)
        #expect(try fixture.run(args).stdout.contains("exported 2, rejected 1"))
        #expect(try text(fixture, "p.tsv").contains("\tAnn\t"))
    }

    @Test("CSV with a mapping file: its headers, a row per license, US dates, REMS flag")
    func csvMapping() throws {
        let (fixture, _) = try issued()
        let mapping = """
            {"format": "cmevc-pars-mapping/1",
             "columns": [{"header": "Last Name", "field": "lastName"}, {"header": "First", "field": "firstName"},
                         {"header": "License", "field": "licenseID"},
                         {"header": "NPI", "field": "npi"}, {"header": "Date", "field": "completionDate"},
                         {"header": "Credits, AMA", "field": "amaCredits"}, {"header": "REMS", "field": "remsFlag"}],
             "licenses": "each", "dateFormat": "MM/DD/YYYY", "remsActivities": ["ACT-1"]}
            """
        try mapping.write(to: fixture.url("map.json"), atomically: true, encoding: .utf8)
        let result = try fixture.run(
            [
                "export", "pars", "--issuer", fixture.issuer, "--mapping", "map.json", "--format", "csv",
                "--until", "2026-03-31", "--out", "pars.csv",
            ])
        // This mapping writes no MOC or activity-ID columns, so Di's row (MOC points without a board ID) is acceptable.
        #expect(result.status == 0, "\(result.stderr)")
        let text = try text(fixture, "pars.csv")
        #expect(text.hasPrefix("Last Name,First,License,NPI,Date,\"Credits, AMA\",REMS\r\n"))
        #expect(
            text.contains("\r\nRay,Bob,A2,1987654328,03/01/2026,2.5,Y\r\nRay,Bob,22,1987654328,03/01/2026,2.5,Y\r\n"))
        #expect(text.contains("\r\nKim,Ed,F5,1678901236,12/01/2025,1,N\r\n"))
        #expect(FileManager.default.fileExists(atPath: fixture.url("pars.rejects.csv").path))
    }

    @Test("An unknown field in the mapping file is exit 2 naming the file and the entry")
    func badMapping() throws {
        let (fixture, _) = try issued()
        try #"{"format": "cmevc-pars-mapping/1", "columns": [{"header": "Y", "field": "dobYear"}]}"#
            .write(to: fixture.url("map.json"), atomically: true, encoding: .utf8)
        let result = try fixture.run(
            ["export", "pars", "--issuer", fixture.issuer, "--mapping", "map.json", "--out", "pars.tsv"])
        #expect(result.status == 2)
        #expect(
            result.stderr.hasPrefix("Error: map.json: /columns/0/field: unknown field \"dobYear\""), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.url("pars.tsv").path))
    }

    @Test("A bad date is a usage error (64); a missing issuer directory is exit 2")
    func usage() throws {
        let fixture = try IssuerFixture()
        let bad = try fixture.run([
            "export", "pars", "--issuer", fixture.issuer, "--since", "2026-3-1", "--out", "x.tsv",
        ])
        #expect(bad.status == 64, "\(bad.stderr)")
        let missing = try fixture.run(["export", "pars", "--issuer", "nowhere", "--out", "x.tsv"])
        #expect(missing.status == 2, "\(missing.stderr)")
    }
}
