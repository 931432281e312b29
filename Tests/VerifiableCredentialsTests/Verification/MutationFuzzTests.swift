import Foundation
import Testing

@testable import VerifiableCredentials

/// A fixed-seed mutation fuzzer over signed documents, run on every test run: thousands of byte-level
/// mutants of a credential, a presentation and a `vc+jwt` go through the full verifier. None may crash it,
/// and none may verify unless the signed content is unchanged (a mutant that only respaced the JSON or
/// spelled a number or a character another way is the same credential).
@Suite("Mutation fuzzing of verification (fixed seed)")
struct MutationFuzzTests {
    static let tokens: [[UInt8]] = [
        "\"", "\\", "{", "}", "[", "]", ",", ":", "0", "-", "e", "1e400", "null", "\\u0000", "\\ud800", " ",
        "\n", "\u{202E}", "é", ".", "=", "9999999999999999999999",
    ].map { Array($0.utf8) }

    /// One to three random edits of `bytes`: a byte changed, a token put in or over a byte, a range deleted
    /// or copied elsewhere, a digit moved by one, or the end cut off.
    static func mutate(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var mutant = bytes
        for _ in 0..<Int.random(in: 1...3, using: &random) where !mutant.isEmpty {
            let at = Int.random(in: 0..<mutant.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0: mutant[at] = UInt8.random(in: 0...255, using: &random)
            case 1: mutant.replaceSubrange(at...at, with: tokens.randomElement(using: &random) ?? [])
            case 2: mutant.insert(contentsOf: tokens.randomElement(using: &random) ?? [], at: at)
            case 3: mutant.removeSubrange(at..<min(mutant.count, at + Int.random(in: 1...16, using: &random)))
            case 4:
                let piece = mutant[at..<min(mutant.count, at + Int.random(in: 1...64, using: &random))]
                mutant.insert(contentsOf: piece, at: Int.random(in: 0...mutant.count, using: &random))
            case 5:
                guard let digit = mutant[at...].firstIndex(where: { (0x30...0x39).contains($0) }) else { break }
                mutant[digit] = mutant[digit] == 0x39 ? 0x30 : mutant[digit] + 1
            default: mutant.removeSubrange(at...)
            }
        }
        return mutant
    }

    /// The RFC 8785 form of `bytes` as JSON, or nil when they are not JSON.
    static func canonical(_ bytes: [UInt8]) -> [UInt8]? {
        (try? JSONParser.parse(bytes)).map(JSONCanonicalizer.canonicalize)
    }

    /// Runs `count` mutants of `original` through `verify`; returns how many verified. Fails the test for a
    /// mutant that verified with other content (as `sameContent` judges).
    static func fuzz(
        _ original: [UInt8], count: Int, seed: UInt64, verify: ([UInt8]) -> Bool,
        sameContent: ([UInt8]) -> Bool
    ) -> Int {
        var random = SplitMix64(seed: seed)
        var verified = 0
        for number in 0..<count {
            let mutant = mutate(original, using: &random)
            guard verify(mutant) else { continue }
            verified += 1
            #expect(
                sameContent(mutant),
                "mutant \(number) of seed \(seed) verified: \(String(decoding: mutant, as: UTF8.self))")
        }
        return verified
    }

    @Test("credential and presentation mutants never crash and verify only with unchanged content")
    func credentialsAndPresentations() throws {
        let world = VerificationFixture()
        let verifier = world.verifier(lists: [try world.statusList()])
        let credential = try world.sign(world.credential(subject: world.alice))
        let presentation = try world.present([credential], holder: world.alice)
        let expecting = PresentationExpectations(challenge: "c-123", domain: "hospital.example")
        for (document, seed) in [(credential, UInt64(2026)), (presentation, UInt64(1125))] {
            let original = JSONSerializer.bytes(document, layout: .pretty)
            #expect(verifier.verify(bytes: original, name: "doc.json", expecting: expecting).verified)
            let expected = Self.canonical(original)
            let verified = Self.fuzz(
                original, count: 2_500, seed: seed,
                verify: { verifier.verify(bytes: $0, name: "mutant.json", expecting: expecting).verified },
                sameContent: { Self.canonical($0) == expected })
            // Respaced mutants verify: the property above was put to the test.
            #expect(verified > 0)
        }
    }

    @Test("eddsa-rdfc-2022 credential mutants never crash and verify only with unchanged content")
    func rdfcCredential() throws {
        let world = VerificationFixture()
        let loader = try BundledDocumentLoader(directory: PyLDCrossCheckTests.contexts)
        let rdfc = EdDSARDFC2022(documentLoader: loader)
        let context = VerificationContext(
            registry: world.registry, statusLists: InMemoryStatusLists([try world.statusList()]),
            knownContexts: VerificationFixture.contexts, now: VerificationFixture.now,
            suites: CryptosuiteSet([rdfc, EdDSAJCS2022()]))
        let verifier = Verifier(context: context)
        let signer = try DataIntegritySigner(key: world.issuerKey, suite: rdfc)
        // creditType is a CME extension term, which the Open Badges context alone does not define.
        let unsigned = world.credential().replacing(
            ["credentialSubject", "achievement", "resultDescription"], with: .array([]))
        let credential = try signer.addProof(
            to: unsigned,
            options: ProofOptions(verificationMethod: VerificationFixture.keyID, created: VerificationFixture.signedAt))
        let original = JSONSerializer.bytes(credential, layout: .pretty)
        #expect(verifier.verify(bytes: original, name: "vc.json").verified)
        let expected = Self.canonical(original)
        let verified = Self.fuzz(
            original, count: 2_000, seed: 2022,
            verify: { verifier.verify(bytes: $0, name: "mutant.json").verified },
            sameContent: { Self.canonical($0) == expected })
        #expect(verified > 0)
    }

    @Test("vc+jwt mutants never crash and verify only with the signed header and payload unchanged")
    func jwt() throws {
        let fixture = JWTFixture()
        let verifier = try fixture.verifier()
        let jwt = try fixture.sign(fixture.world.credential())
        let original = Array(jwt.compact.utf8)
        #expect(verifier.verify(bytes: original, name: "vc.jwt").verified)
        let signingInput = jwt.compact.split(separator: ".").prefix(2).joined(separator: ".")
        _ = Self.fuzz(
            original, count: 2_500, seed: 7,
            verify: { verifier.verify(bytes: $0, name: "mutant.jwt").verified },
            sameContent: { mutant in
                let text = String(decoding: mutant, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                return text.split(separator: ".").prefix(2).joined(separator: ".") == signingInput
            })
    }

    @Test("the mutator is deterministic and changes its input")
    func mutatorIsDeterministic() {
        let input = Array("{\"a\": [1, 2.5, \"text\"], \"b\": {\"c\": null}}".utf8)
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        let a = (0..<50).map { _ in Self.mutate(input, using: &first) }
        let b = (0..<50).map { _ in Self.mutate(input, using: &second) }
        #expect(a == b)
        #expect(a.filter { $0 != input }.count >= 45)
    }
}
