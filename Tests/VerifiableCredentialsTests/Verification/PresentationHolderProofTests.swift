import Foundation
import Testing
import VerifiableCredentials

/// A JCS holder proof is checked on a digest hashed from the credentials' canonical forms (SHA-256), or, when
/// the holder's key calls for SHA-384, on the canonicalized presentation: either way it covers every byte.
@Suite("Presentation holder proofs")
struct PresentationHolderProofTests {
    let world = VerificationFixture()
    let expecting = PresentationExpectations(challenge: "c-123", domain: "hospital.example")

    func report(_ presentation: JSONValue) throws -> DocumentReport {
        try world.verifier(lists: [world.statusList()]).verify(presentation, name: "vp.json", expecting: expecting)
    }

    /// A presentation of three credentials of `holder`, signed by `holder` with its key type's JCS suite.
    func presentation(by holder: SigningKey) throws -> JSONValue {
        let credentials = try (0..<3).map { number in
            try world.sign(world.credential(subject: holder, amount: Double(number + 1)))
        }
        return try world.present(credentials, holder: holder)
    }

    @Test("Ed25519, P-256 and P-384 holders verify", arguments: [KeyType.ed25519, .p256, .p384])
    func genuine(_ type: KeyType) throws {
        let result = try report(try presentation(by: SigningKey(generating: type)))
        #expect(result.verified, "\(result.allChecks.filter { $0.status != .pass })")
        #expect(result.check("holderProof")?.status == .pass)
    }

    @Test(
        "reordered credentials or a changed presentation member fail the holder proof",
        arguments: [KeyType.ed25519, .p384])
    func tampered(_ type: KeyType) throws {
        let genuine = try presentation(by: SigningKey(generating: type))
        guard case .object(var reordered) = genuine, let credentials = reordered["verifiableCredential"]?.arrayValue
        else {
            Issue.record("no credentials")
            return
        }
        reordered["verifiableCredential"] = .array(credentials.reversed())
        var retyped = reordered
        retyped["verifiableCredential"] = .array(credentials)
        retyped["type"] = ["VerifiablePresentation", "CMETranscript"]
        for changed in [reordered, retyped] {
            let result = try report(.object(changed))
            #expect(!result.verified)
            #expect(result.check("holderProof")?.status == .fail)
            // Each credential on its own still verifies: only the holder's proof sees the change.
            #expect(result.credentials.allSatisfy { $0.check("proof")?.status == .pass })
        }
    }
}
