import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

/// A windowed PARS export reads only the window's credentials from the ledger and gives the same export as
/// filtering every credential in memory.
@Suite("PARS export: the window read from the ledger")
struct PARSWindowTests {
    /// A ledger with credentials completed across three months, some revoked or suspended, in and out of
    /// February.
    static func ledger(_ fixture: LedgerFixture) throws -> IssuerLedger {
        let ledger = try fixture.ledger(listSize: 64)
        let dates = ["2026-01-31", "2026-02-01", "2026-02-14", "2026-02-28", "2026-03-01", "2026-02-10", "2026-01-05"]
        for (number, date) in dates.enumerated() {
            var pending = LedgerFixture.pending(learner: number + 1, activity: "ACT-\(date)")
            pending.activity.completionDate = date
            pending.activity.parsActivityID = "2026\(number)"
            try ledger.issueFake(pending)
            if number == 2 { try ledger.revoke(credentialID: pending.credentialID, at: LedgerFixture.now) }
            if number == 4 || number == 5 {
                try ledger.suspend(credentialID: pending.credentialID, at: LedgerFixture.now)
            }
        }
        return ledger
    }

    @Test("only the window's credentials are read, in report order; the others are counted")
    func window() throws {
        let ledger = try Self.ledger(LedgerFixture())
        let february = try ledger.credentialsForReporting(completedFrom: "2026-02-01", through: "2026-02-28")
        #expect(
            february.credentials.map(\.activity.completionDate) == [
                "2026-02-01", "2026-02-10", "2026-02-14", "2026-02-28",
            ])
        #expect(february.outsideWindow == 3)
        let open = try ledger.credentialsForReporting(completedFrom: "2026-02-15", through: nil)
        #expect(open.credentials.map(\.activity.completionDate) == ["2026-02-28", "2026-03-01"])
        #expect(open.outsideWindow == 5)
        let all = try ledger.credentialsForReporting(completedFrom: nil, through: nil)
        #expect(all.credentials.count == 7 && all.outsideWindow == 0)
        #expect(all.credentials.map(\.credentialID) == (try ledger.credentialsForReporting()).map(\.credentialID))
    }

    @Test(
        "an export from the ledger equals filtering every credential in memory",
        arguments: [
            (nil, nil), ("2026-02-01", "2026-02-28"), ("2026-02-14", nil), (nil, "2026-01-31"), ("2026-04-01", nil),
        ]
            as [(String?, String?)])
    func sameExport(since: String?, until: String?) throws {
        let ledger = try Self.ledger(LedgerFixture())
        let exporter = try PARSExporter(since: since, until: until)
        let fromLedger = try exporter.export(from: ledger)
        let inMemory = exporter.export(try ledger.credentialsForReporting())
        #expect(fromLedger == inMemory)
        #expect(fromLedger.leftOut.total + fromLedger.credentialCount == 7)
    }
}
