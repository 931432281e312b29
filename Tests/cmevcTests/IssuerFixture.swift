import Foundation
import Testing
import VerifiableCredentials

/// A temporary folder with an Ed25519 key and an issuer directory made by `cmevc issuer init`.
struct IssuerFixture {
    let directory: URL
    let issuer = "issuer"

    /// The package root, found from this file's path.
    static let packageDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func example(_ path: String) -> String {
        packageDirectory.appendingPathComponent("Examples/provider-batch").appendingPathComponent(path).path
    }

    /// Generates a key and creates the issuer (a did:key issuer, so `verify --proof-only` resolves the key),
    /// signing with `suite` (default: the issuer default, eddsa-rdfc-2022).
    init(suite: String? = nil) throws {
        directory = try CLI.temporaryDirectory()
        let keys = try CLI.run(["keys", "generate", "--type", "ed25519", "--out", "provider.pem"], in: directory)
        try #require(keys.status == 0, "\(keys.stderr)")
        let shown = try CLI.run(["keys", "show", "--format", "json", "provider.pem"], in: directory)
        let did = try #require(Self.member("did", in: shown.stdout))
        let created = try CLI.run(
            [
                "issuer", "init", issuer, "--id", did, "--name", "Example Hospital CME Office", "--key", "provider.pem",
                "--status-base-url", "https://cme.example.org/status", "--provider-id", "0001234",
            ] + (suite.map { ["--suite", $0] } ?? []), in: directory)
        try #require(created.status == 0, "\(created.stderr)")
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments, in: directory)
    }

    func url(_ path: String) -> URL { directory.appendingPathComponent(path) }

    /// The `.json` files of a folder.
    func files(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url(folder).path).filter { $0.hasSuffix(".json") }.sorted()
    }

    /// A string member of a JSON text (good enough for the flat reports the CLI prints).
    static func member(_ name: String, in text: String) -> String? {
        (try? JSONParser.parse(Array(text.utf8)))?[name]?.stringValue
    }

    /// Runs a Python 3 script over the issuer's ledger (sqlite3 is in Python's standard library).
    func sql(_ script: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", "import sqlite3, sys\ndb = sqlite3.connect(sys.argv[1])\n" + script,
            url(issuer).appendingPathComponent("ledger.sqlite").path,
        ]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 with sqlite3 is needed for this test")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
