import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

@Suite("PARS export: rows, window and states")
struct PARSExporterTests {
    typealias F = PARSFixtures

    @Test("A CME + MOC completion is one row with every default field")
    func oneRow() throws {
        let rows = F.rows(F.credential())
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        let values = PARSMapping.default.columns.map { row[$0.field] }
        #expect(
            values == [
                "202603117", "2026-017", "Maria", "Gonzalez", "04", "17", "CA", "A123456", "1234567893", "ABIM",
                "204518", "2026-03-01", "3", "ABIM_MOC", "3", "N",
            ])
        #expect(
            row.label
                == "credential urn:uuid:00000000-0000-4000-8000-000000000001 (learner M. Gonzalez, activity 2026-017)")
    }

    @Test("Several licenses: the first only by default; with each, a row per license carrying the AMA credit")
    func severalLicenses() {
        let credential = F.credential { learner, _ in learner.licenses = ["CA:G87321", "NV:12345", "PA:MD1"] }
        let first = F.rows(credential)
        #expect(first.map { $0[.licenseState] } == ["CA"])
        var each = PARSMapping.default
        each.licenseRows = .each
        let rows = F.rows(credential, mapping: each)
        #expect(rows.map { $0[.licenseState] + ":" + $0[.licenseID] } == ["CA:G87321", "NV:12345", "PA:MD1"])
        #expect(rows.map { $0[.amaCredits] } == ["3", "3", "3"])
        #expect(rows.map { $0[.mocPoints] } == ["3", "", ""])
        let mocOnly = F.credential(credits: ["ABIM_MOC": 2]) { learner, _ in learner.licenses = ["CA:1", "NV:2"] }
        #expect(F.rows(mocOnly, mapping: each).count == 1)
    }

    @Test("Several MOC boards: one row per board, the AMA credit on the first row only")
    func severalBoards() {
        let credential = F.credential(credits: ["AMA_PRA_CAT1": 2, "ABIM_MOC": 2, "ABP_MOC": 1.5]) { learner, _ in
            learner.boardIDs = ["ABP:1009876", "ABIM:204518"]
        }
        let rows = F.rows(credential)
        #expect(rows.map { $0[.board] } == ["ABIM", "ABP"])
        #expect(rows.map { $0[.boardID] } == ["204518", "1009876"])
        #expect(rows.map { $0[.mocPoints] } == ["2", "1.5"])
        #expect(rows.map { $0[.amaCredits] } == ["2", ""])
        #expect(rows.map { $0[.licenseID] } == ["A123456", "A123456"])
        let validator = PARSRowValidator(mapping: .default)
        #expect(rows.allSatisfy { validator.rejections(of: $0).isEmpty })
    }

    @Test("REMS flag and US dates come from the mapping")
    func remsAndDates() {
        var mapping = PARSMapping.default
        mapping.remsActivities = ["202603117"]
        mapping.dateFormat = .us
        let row = F.rows(F.credential(), mapping: mapping)[0]
        #expect(row[.remsFlag] == "Y")
        #expect(row[.completionDate] == "03/01/2026")
    }

    @Test("The window is inclusive at both ends and left-out credentials are counted")
    func window() throws {
        let credentials = ["2026-01-31", "2026-02-01", "2026-02-15", "2026-02-28", "2026-03-01"].enumerated().map {
            F.credential("urn:uuid:\($0.offset)", completion: $0.element)
        }
        let export = try PARSExporter(since: "2026-02-01", until: "2026-02-28").export(credentials)
        #expect(export.rows.map(\.credentialID) == ["urn:uuid:1", "urn:uuid:2", "urn:uuid:3"])
        #expect(export.leftOut == PARSExport.LeftOut(outsideWindow: 2))
        #expect(try PARSExporter(since: "2026-03-01").export(credentials).rows.count == 1)
        #expect(try PARSExporter(until: "2026-01-31").export(credentials).rows.count == 1)
        #expect(try PARSExporter().export(credentials).rows.count == 5)
    }

    @Test("Revoked and suspended credentials are left out; a revoked one outside the window counts as outside")
    func states() throws {
        let credentials = [
            F.credential("urn:uuid:a"), F.credential("urn:uuid:r", state: .revoked),
            F.credential("urn:uuid:s", state: .suspended),
            F.credential("urn:uuid:old", state: .revoked, completion: "2025-01-01"),
        ]
        let export = try PARSExporter(since: "2026-01-01").export(credentials)
        #expect(export.rows.map(\.credentialID) == ["urn:uuid:a"])
        #expect(export.leftOut == PARSExport.LeftOut(revoked: 1, suspended: 1, outsideWindow: 1))
        #expect(export.credentialCount == 1)
        #expect(
            export.summary
                == "exported 1, rejected 0, left out 3 (revoked or replaced 1, suspended 1, outside the window 1)")
    }

    @Test("Rejected rows are kept apart with their reasons and a one-line message")
    func rejected() throws {
        let bad = F.credential("urn:uuid:bad") { learner, _ in
            learner.npi = nil
            learner.licenses = []
        }
        let export = try PARSExporter().export([F.credential(), bad])
        #expect(export.rows.count == 1)
        let entry = try #require(export.rejected.first)
        #expect(entry.reasons.map(\.code) == [.missingLicenseAndNPI])
        #expect(
            entry.message
                == "credential urn:uuid:bad (learner M. Gonzalez, activity 2026-017): no state license ID and no NPI")
        #expect(!entry.message.contains("1234567893"))
    }

    static let badWindows: [(String?, String?)] = [
        ("2026-13-01", nil), (nil, "03/01/2026"), ("2026-03-02", "2026-03-01"),
    ]

    @Test("Window dates must be YYYY-MM-DD and in order", arguments: badWindows)
    func badWindow(since: String?, until: String?) {
        let error = #expect(throws: CredentialError.self) {
            _ = try PARSExporter(since: since, until: until)
        }
        #expect(error?.code == .invalidPARSExportOptions)
    }

    @Test("From a ledger: replaced credentials are left out, the export is an audit event and the chain stays intact")
    func ledger() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger(listSize: 64)
        var pending = (1...3).map { LedgerFixture.pending(learner: $0) }
        pending[1].activity.parsActivityID = "2026000"
        for issue in pending { try ledger.issueFake(issue) }
        var reissue = LedgerFixture.pending(learner: 3)
        reissue.credits = ["AMA_PRA_CAT1": 2]
        try ledger.issueFake(reissue, replacing: pending[2].credentialID)
        try ledger.suspend(credentialID: pending[0].credentialID, at: LedgerFixture.now)

        let stored = try ledger.credentialsForReporting()
        #expect(stored.count == 4)
        #expect(stored.allSatisfy { $0.credentialBytes.isEmpty && !$0.learner.licenses.isEmpty })
        let exporter = try PARSExporter()
        let export = try exporter.export(from: ledger)
        #expect(export.leftOut == PARSExport.LeftOut(revoked: 1, suspended: 1))
        #expect(export.rows.count + export.rejected.count == 2)
        #expect(export.rows.map(\.credentialID) == [pending[1].credentialID])
        #expect(export.rejected.map(\.row.credentialID) == [reissue.credentialID])
        #expect(export.rejected.first?.reasons.map(\.code) == [.missingActivityID])

        let table = fixture.directory.appendingPathComponent("pars.tsv")
        let files = try PARSExportFiles.write(
            export, with: PARSTableWriter(mapping: .default, format: .tsv), to: table,
            rejects: PARSExportFiles.defaultRejectsURL(for: table, format: .tsv))
        #expect(files.rejects?.lastPathComponent == "pars.rejects.tsv")
        let event = try ledger.recordPARSExport(export, exporter: exporter, files: files, at: LedgerFixture.now)
        #expect(event.kind == .parsExport)
        #expect(event.details["exported"] == 1)
        #expect(event.details["file"]?["sha256"] == .string(files.tableSHA256))
        #expect(!JSONSerializer.string(event.details).contains("Given"))
        #expect(try ledger.verifyAuditChain().isIntact)
    }
}
