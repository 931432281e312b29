import Foundation
import Testing

@testable import VerifiableCredentials

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

/// From bytes, a presentation's credentials are taken out of its tree and freed one by one as they are checked
/// when the holder's proof can use the digest; the reports are the same as when the tree is verified whole.
@Suite("Presentations verified from bytes")
struct PresentationBytesTests {
    let world = VerificationFixture()
    let expecting = PresentationExpectations(challenge: "c-123", domain: "hospital.example")

    func presentation(by holder: SigningKey, count: Int = 3) throws -> JSONValue {
        let credentials = try (0..<count).map { number in
            try world.sign(world.credential(subject: holder, amount: Double(number + 1)))
        }
        return try world.present(credentials, holder: holder)
    }

    /// The report from bytes, and the report from the parsed tree, as comparable JSON.
    func reports(_ presentation: JSONValue, policies: [any CredentialPolicy]? = nil) throws -> (JSONValue, JSONValue) {
        var verifier = world.verifier(lists: [try world.statusList()])
        if let policies { verifier = Verifier(context: verifier.context, policies: policies) }
        let fromBytes = verifier.verify(
            bytes: JSONSerializer.bytes(presentation), name: "vp.json", expecting: expecting)
        let fromTree = verifier.verify(presentation, name: "vp.json", expecting: expecting)
        return (fromBytes.json, fromTree.json)
    }

    @Test("the credentials are taken only for a JCS proof by a SHA-256 did:key holder with context checks")
    func whenTaken() throws {
        let verifier = world.verifier(lists: [try world.statusList()])
        for type in [KeyType.ed25519, .p256] {
            #expect(
                PresentationVerification.mayTakeCredentials(
                    of: try presentation(by: SigningKey(generating: type)), verifier: verifier))
        }
        #expect(
            !PresentationVerification.mayTakeCredentials(
                of: try presentation(by: SigningKey(generating: .p384)), verifier: verifier))
        let withoutContexts = Verifier(context: verifier.context, policies: [])
        #expect(
            !PresentationVerification.mayTakeCredentials(
                of: try presentation(by: world.alice), verifier: withoutContexts))
        #expect(
            !PresentationVerification.mayTakeCredentials(of: try world.sign(world.credential()), verifier: verifier))
        // A proof with its own @context, or naming a previous proof, signs another document: not taken.
        let genuine = try presentation(by: world.alice)
        guard case .object(var object) = genuine, var proof = object["proof"]?.asArray.first?.objectValue else {
            Issue.record("no proof")
            return
        }
        proof["@context"] = [
            "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ]
        object["proof"] = [.object(proof)]
        #expect(!PresentationVerification.mayTakeCredentials(of: .object(object), verifier: verifier))
        proof["@context"] = nil
        proof["previousProof"] = "urn:uuid:1"
        object["proof"] = [.object(proof)]
        #expect(!PresentationVerification.mayTakeCredentials(of: .object(object), verifier: verifier))
        proof["previousProof"] = nil
        object["proof"] = [.object(proof)]
        #expect(PresentationVerification.mayTakeCredentials(of: .object(object), verifier: verifier))
    }

    @Test(
        "genuine, tampered and reordered presentations: the same report from bytes as from the tree",
        arguments: [KeyType.ed25519, .p256, .p384])
    func sameReports(_ type: KeyType) throws {
        let genuine = try presentation(by: SigningKey(generating: type), count: 20)
        let (bytesReport, treeReport) = try reports(genuine)
        #expect(bytesReport == treeReport)
        #expect(bytesReport["verified"] == true)
        guard case .object(var changed) = genuine, let credentials = changed["verifiableCredential"]?.arrayValue else {
            Issue.record("no credentials")
            return
        }
        changed["verifiableCredential"] = .array(Array(credentials.reversed()))
        let (reordered, reorderedTree) = try reports(.object(changed))
        #expect(reordered == reorderedTree)
        #expect(reordered["verified"] == false)
        var tamperedCredentials = credentials
        tamperedCredentials[7] = tamperedCredentials[7].replacing(["credentialSubject", "creditsEarned"], with: 99)
        changed["verifiableCredential"] = .array(tamperedCredentials)
        let (tampered, tamperedTree) = try reports(.object(changed))
        #expect(tampered == tamperedTree)
        #expect(tampered["verified"] == false)
    }

    @Test("an unknown context inside a presented credential fails from bytes too")
    func unknownContext() throws {
        let credential = try world.sign(
            world.credential(subject: world.alice).replacing(
                ["credentialSubject", "@context"], with: ["https://evil.example/ctx"]))
        let presentation = try world.present(
            [credential, try world.sign(world.credential(subject: world.alice))], holder: world.alice)
        let (bytesReport, treeReport) = try reports(presentation)
        #expect(bytesReport == treeReport)
        #expect(bytesReport["verified"] == false)
    }
}
