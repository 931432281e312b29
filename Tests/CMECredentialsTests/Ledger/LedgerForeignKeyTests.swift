import GRDB
import Testing
import VerifiableCredentials

@testable import CMECredentials

@Suite("Issuing transactions and foreign keys")
struct LedgerForeignKeyTests {
    @Test("a batch turns foreign key checks off for its own transaction only; the next writer has them back")
    func foreignKeysComeBack() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger(listSize: 16)
        try ledger.issueFake(LedgerFixture.pending(learner: 1))
        #expect(try ledger.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") } == 1)
        // A credential naming a shared text that does not exist is refused again.
        let refused = #expect(throws: CredentialError.self) {
            try ledger.writeTransaction { db in
                try db.execute(sql: "UPDATE credentials SET shared_text_id = 999, shared_text_offset = 0")
            }
        }
        #expect(refused?.code == .ledger)
    }
}
