import Foundation
import Testing
import VerifiableCredentials

@Suite("Credential wallet contents")
struct CredentialWalletContentsTests {
    /// Runs `body` with a new wallet in a temporary folder, removed afterwards.
    func withWallet(_ body: (URL, CredentialWallet) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wallet-\(UUID().uuidString)")
        let wallet = CredentialWallet(directory: url)
        try wallet.create()
        defer { try? FileManager.default.removeItem(at: url) }
        try body(url, wallet)
    }

    @Test("files that are not JSON or not a JSON object are skipped, each as an error naming the file")
    func skipped() throws {
        try withWallet { url, wallet in
            try Data("{\"type\": \"VerifiableCredential\"}".utf8).write(to: url.appendingPathComponent("a.json"))
            try Data("\"text\"".utf8).write(to: url.appendingPathComponent("b.json"))
            try Data("{".utf8).write(to: url.appendingPathComponent("c.json"))
            let contents = try wallet.contents()
            #expect(contents.entries.map(\.fileName) == ["a.json"])
            #expect(contents.skipped.map(\.code) == [.invalidCredential, .invalidJSON])
            #expect(contents.skipped.first?.location == url.appendingPathComponent("b.json").path)
            #expect(
                contents.skipped.last?.location?.hasPrefix(url.appendingPathComponent("c.json").path + ": line 1")
                    == true)
            #expect(try wallet.entries().map(\.fileName) == ["a.json"])
        }
    }

    @Test("a JSON object whose type does not list VerifiableCredential is skipped as not a credential")
    func notACredential() throws {
        try withWallet { url, wallet in
            try Data("{\"type\": [\"VerifiableCredential\"]}".utf8).write(to: url.appendingPathComponent("a.json"))
            try Data("{\"a\": 1}".utf8).write(to: url.appendingPathComponent("b.json"))
            try Data("{\"type\": \"VerifiablePresentation\"}".utf8).write(to: url.appendingPathComponent("c.json"))
            let contents = try wallet.contents()
            #expect(contents.entries.map(\.fileName) == ["a.json"])
            #expect(contents.skipped.map(\.code) == [.invalidCredential, .invalidCredential])
            #expect(
                contents.skipped.map(\.location) == ["b.json", "c.json"].map { url.appendingPathComponent($0).path })
            #expect(
                contents.skipped.first?.message == "not a credential: its \"type\" does not list VerifiableCredential")
        }
    }
}
