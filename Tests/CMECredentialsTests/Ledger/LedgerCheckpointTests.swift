import CMECredentials
import Foundation
import GRDB
import Testing
import VerifiableCredentials

/// `IssuerLedger.checkpoint()` and the batch's checkpoint while its last files are written: the committed
/// pages reach the database file itself, not only its write-ahead log.
@Suite("Ledger checkpoints")
struct LedgerCheckpointTests {
    /// The number of credentials in a copy of the ledger's database file alone (without its write-ahead
    /// log), or nil when the copy does not even hold the credentials table.
    static func credentialsInDatabaseFile(of directory: URL) throws -> Int? {
        let copy = try FixtureFolders.make("ledger-checkpoint-copy").appendingPathComponent("copy.sqlite")
        try FileManager.default.copyItem(at: directory.appendingPathComponent(IssuerLedger.fileName), to: copy)
        return try? DatabaseQueue(path: copy.path).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM credentials")
        }
    }

    @Test("checkpoint() copies the committed credentials from the log into the database file")
    func checkpoint() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger(listSize: 64)
        for learner in 1...3 { try ledger.issueFake(LedgerFixture.pending(learner: learner)) }
        // Committed, but still in the log only (a small ledger is far from SQLite's automatic checkpoint).
        #expect(try Self.credentialsInDatabaseFile(of: fixture.directory) != 3)
        try ledger.checkpoint()
        #expect(try Self.credentialsInDatabaseFile(of: fixture.directory) == 3)
        #expect(try ledger.credentialCount() == 3)
    }

    @Test("a batch ends with its credentials in the database file, before the ledger is closed")
    func batchCheckpoints() throws {
        let fixture = try IssuingFixture()
        let issuer = try fixture.issuer()
        let summary = try BatchIssuer(issuer: issuer, output: .directory(fixture.out))
            .run(files: [BatchIssuerTests.batch], now: IssuingFixture.now)
        #expect(summary.issued == 11)
        // The issuer still holds its ledger open: closing it would checkpoint too.
        let inDatabaseFile = try Self.credentialsInDatabaseFile(of: fixture.directory.url)
        withExtendedLifetime(issuer) {}
        #expect(inDatabaseFile == 11)
        #expect(try fixture.outputFiles().count == 11)
    }
}
