import Foundation
import Testing

/// A small, fixed-seed fuzzing run of the built binary on every test run: mutants of an issued credential,
/// an attendance file, a registry and a rule set go through the commands that read them. Whatever the
/// mutant, the process ends with a documented exit status (never a crash), says why on standard error when
/// it did not succeed, and writes no line that a value from the file could break or bury.
@Suite("cmevc fuzzing (fixed seed, built binary)")
struct CLIFuzzTests {
    /// A linear congruential generator (Knuth's MMIX constants): deterministic mutants, reproducible failures.
    struct Mutator {
        var state: UInt64

        mutating func next(below bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }

        /// `bytes` with one to three edits: a byte overwritten, a run deleted, a run repeated, a structural
        /// byte (quote, comma, brace, line break, NUL) put in, or the end cut off.
        mutating func mutant(of bytes: [UInt8]) -> [UInt8] {
            let structural: [UInt8] = [0x22, 0x2C, 0x7B, 0x7D, 0x5B, 0x5D, 0x0A, 0x0D, 0x00, 0x5C, 0x3B, 0x3D]
            var result = bytes
            for _ in 0...next(below: 3) where !result.isEmpty {
                let at = next(below: result.count)
                let length = min(result.count - at, 1 + next(below: 24))
                switch next(below: 5) {
                case 0: result[at] = UInt8(next(below: 256))
                case 1: result.removeSubrange(at..<(at + length))
                case 2: result.insert(contentsOf: result[at..<(at + length)], at: next(below: result.count))
                case 3: result.insert(structural[next(below: structural.count)], at: at)
                default: result.removeSubrange(at...)
                }
            }
            return result
        }
    }

    /// Checks one run: a documented exit status, a reason on standard error unless it succeeded, and
    /// every line of output on one line of bounded length without control characters.
    static func expectWellBehaved(_ result: CLI.Result, _ what: String) {
        #expect([0, 1, 2].contains(result.status), "\(what): exit \(result.status)\n\(result.stderr)")
        if result.status != 0 {
            #expect(!result.stderr.isEmpty || !result.stdout.isEmpty, "\(what): failed without a word")
        }
        for line in (result.stdout + result.stderr).split(separator: "\n") {
            #expect(line.unicodeScalars.count <= 4_001, "\(what): a line of \(line.unicodeScalars.count) characters")
            #expect(
                !line.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" || $0 == "\u{202E}" },
                "\(what): a control character in \(line)")
        }
    }

    /// Writes `count` mutants of `original` as `name` in `directory`, running `arguments` on each.
    static func fuzz(
        _ original: [UInt8], as name: String, in directory: URL, count: Int, seed: UInt64, arguments: [String]
    ) throws {
        var mutator = Mutator(state: seed)
        for number in 0..<count {
            let mutant = mutator.mutant(of: original)
            try Data(mutant).write(to: directory.appendingPathComponent(name))
            let result = try CLI.run(arguments, in: directory)
            expectWellBehaved(result, "\(arguments.joined(separator: " ")) on mutant \(number) of seed \(seed)")
        }
    }

    @Test("mutated credentials: verify --proof-only and wallet import")
    func credentials() throws {
        let fixture = try IssuerFixture()
        let issued = try fixture.run(
            ["issue", "--issuer", fixture.issuer, "--out", "out", IssuerFixture.example("attendance.csv")])
        // The example batch holds one record that is meant to be rejected (exit 1).
        try #require(issued.status <= 1, "\(issued.stderr)")
        let name = try #require(try fixture.files(in: "out").first)
        let original = try [UInt8](Data(contentsOf: fixture.url("out").appendingPathComponent(name)))
        try Self.fuzz(
            original, as: "mutant.json", in: fixture.directory, count: 80, seed: 1,
            arguments: ["verify", "--proof-only", "mutant.json"])
        try Self.fuzz(
            original, as: "mutant.json", in: fixture.directory, count: 40, seed: 2,
            arguments: ["wallet", "import", "--wallet", "wallet", "mutant.json"])
    }

    @Test("mutated attendance files: issue")
    func attendance() throws {
        let fixture = try IssuerFixture()
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: IssuerFixture.example("attendance.csv"))))
        try Self.fuzz(
            original, as: "mutant.csv", in: fixture.directory, count: 40, seed: 3,
            arguments: ["issue", "--issuer", fixture.issuer, "--out", "out", "mutant.csv"])
    }

    @Test("mutated registries and rule sets: registry validate and check")
    func registryAndRules() throws {
        let directory = try CLI.temporaryDirectory()
        let examples = IssuerFixture.packageDirectory.appendingPathComponent("Examples")
        let registry = try [UInt8](Data(contentsOf: examples.appendingPathComponent("registry.json")))
        try Data(registry).write(to: directory.appendingPathComponent("registry.json"))
        try FileManager.default.copyItem(
            at: examples.appendingPathComponent("credentials/opioid-prescribing-2026.json"),
            to: directory.appendingPathComponent("vc.json"))
        try Self.fuzz(
            registry, as: "mutant.json", in: directory, count: 50, seed: 4,
            arguments: ["registry", "validate", "mutant.json"])
        let rules = try [UInt8](Data(contentsOf: examples.appendingPathComponent("rules/california.json")))
        try Self.fuzz(
            rules, as: "rules.json", in: directory, count: 50, seed: 5,
            arguments: ["check", "--rules", "rules.json", "--registry", "registry.json", "vc.json"])
    }
}
