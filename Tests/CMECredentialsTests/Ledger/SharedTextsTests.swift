import Foundation
import GRDB
import Testing
import VerifiableCredentials

@testable import CMECredentials

@Suite("Credentials share their common text in the ledger (ledger migration v4)")
struct SharedTextsTests {
    static let text = Array(String(repeating: "{\"achievement\":true}", count: 4).utf8)

    @Test("a text is cut out where it first occurs; a short or absent text, or all of the bytes, is not cut")
    func cut() throws {
        let bytes = Array("{\"a\":".utf8) + Self.text + Array(",\"b\":".utf8) + Self.text + Array("}".utf8)
        let cut = try #require(SharedTexts.cut(Self.text, from: bytes))
        #expect(cut.offset == 5)
        #expect(cut.rest == Array("{\"a\":".utf8) + Array(",\"b\":".utf8) + Self.text + Array("}".utf8))
        #expect(SharedTexts.cut(Self.text, from: Array(Self.text.dropLast())) == nil)
        #expect(SharedTexts.cut(Self.text, from: Array("{\"a\":1}".utf8) + Self.text.dropFirst()) == nil)
        #expect(SharedTexts.cut(Array("{\"a\":1}".utf8), from: Array("{\"a\":1}".utf8)) == nil)
        // A candidate that starts like the text but differs later, before the real occurrence.
        let decoy = Array(Self.text.prefix(30)) + Self.text
        #expect(SharedTexts.cut(Self.text, from: decoy)?.offset == 30)
        #expect(SharedTexts.cut(Self.text, from: Self.text) == nil)
        #expect(SharedTexts.cut(Self.text, from: Self.text + [0x20])?.rest == [0x20])
    }

    @Test("a batch stores each activity's achievement once; every credential reads back byte for byte")
    func batch() throws {
        let fixture = try IssuingFixture()
        let issuer = try fixture.issuer()
        let batch = BatchIssuer(issuer: issuer, output: .directory(fixture.out))
        let summary = try batch.run(files: [BatchIssuerTests.batch], now: IssuingFixture.now)
        #expect(summary.issued == 11)
        let ledger = try fixture.directory.ledger()
        let database = try DatabaseQueue(path: ledger.path)
        let (texts, rows) = try database.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shared_texts") ?? 0,
                try Row.fetchAll(
                    db, sql: "SELECT credential_id, length(credential_json) AS stored, shared_text_id FROM credentials")
            )
        }
        var achievements = Set<[UInt8]>()
        for row in rows {
            let id: String = row["credential_id"]
            let credential = try #require(try ledger.credential(id: id))
            let file = Array(
                try Data(
                    contentsOf: fixture.out.appendingPathComponent(
                        CredentialOutput.fileName(for: credential))))
            #expect(JSONWhitespace.removed(from: file) == credential.credentialBytes)
            #expect(row["shared_text_id"] as Int? != nil)
            let achievement = try #require(
                try JSONParser.parse(credential.credentialBytes).objectValue?["credentialSubject"]?.objectValue?[
                    "achievement"])
            let text = try #require(
                try database.read { db in
                    try Data.fetchOne(
                        db, sql: "SELECT text FROM shared_texts WHERE text_id = ?",
                        arguments: [row["shared_text_id"] as Int])
                })
            #expect(Array(text) == JSONSerializer.bytes(achievement))
            #expect(row["stored"] + text.count == credential.credentialBytes.count)
            achievements.insert(Array(text))
        }
        #expect(texts == achievements.count && texts > 1 && texts < rows.count)
    }

    @Test("a credential whose shared text is missing or misplaced is reported, not read wrongly")
    func damaged() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger(listSize: 16)
        let pending = LedgerFixture.pending(learner: 1)
        let request = LedgerIssueRequest(pending, sharedText: Self.text)
        let outcome = try #require(
            try ledger.issue([request]) { assignments in
                assignments.map { _ in .success(Array("{\"id\":1,\"x\":".utf8) + Self.text + Array("}".utf8)) }
            }.first?.get())
        #expect(try ledger.credential(id: pending.credentialID) == outcome.credential)
        try fixture.rawDatabase().write { db in
            try db.execute(sql: "UPDATE credentials SET shared_text_offset = 10000")
        }
        let misplaced = #expect(throws: CredentialError.self) { try ledger.credential(id: pending.credentialID) }
        #expect(misplaced?.code == .ledger)
        try fixture.rawDatabase().writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "UPDATE credentials SET shared_text_offset = 0, shared_text_id = 99")
        }
        let missing = #expect(throws: CredentialError.self) { try ledger.credential(id: pending.credentialID) }
        #expect(missing?.message.contains("shared text") == true)
    }

    @Test("a ledger last changed by a newer cmevc (a migration this one does not know) is refused")
    func newerLedger() throws {
        let fixture = try LedgerFixture()
        _ = try fixture.ledger()
        try fixture.rawDatabase().write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: something new')")
        }
        let error = #expect(throws: CredentialError.self) { try fixture.ledger() }
        #expect(error?.code == .ledger)
        #expect(error?.message.contains("newer cmevc") == true)
    }
}
