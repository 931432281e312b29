import Foundation
import Testing
import VerifiableCredentials

@Suite("Credential wallet")
final class CredentialWalletTests {
    let world = VerificationFixture()
    /// The wallets this test made, removed when it ends (a new instance runs each test).
    private var folders: [URL] = []

    deinit { for folder in folders { try? FileManager.default.removeItem(at: folder) } }

    func temporaryWallet() throws -> CredentialWallet {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wallet-\(UUID().uuidString)")
        folders.append(url)
        let wallet = CredentialWallet(directory: url)
        try wallet.create()
        return wallet
    }

    var verifier: DataIntegrityVerifier {
        DataIntegrityVerifier(resolver: RegistryResolver(registry: world.registry), now: VerificationFixture.now)
    }

    @Test("import verifies, stores under the canonical hash, and skips exact duplicates whatever the formatting")
    func importAndDuplicates() throws {
        let wallet = try temporaryWallet()
        let signed = try world.sign(world.credential())
        guard
            case .imported(let name) = wallet.importCredential(bytes: JSONSerializer.bytes(signed), verifier: verifier)
        else {
            Issue.record("expected an import")
            return
        }
        #expect(name == CredentialWallet.fileName(for: signed))
        let pretty = JSONSerializer.bytes(signed, layout: .pretty)
        guard case .duplicate(let again) = wallet.importCredential(bytes: pretty, verifier: verifier) else {
            Issue.record("expected a duplicate")
            return
        }
        #expect(again == name)
        #expect(try wallet.entries().count == 1)
    }

    @Test("import rejects tampered, unsigned and malformed files with their codes")
    func rejects() throws {
        let wallet = try temporaryWallet()
        let signed = try world.sign(world.credential())
        let cases: [([UInt8], CredentialError.Code)] = [
            (
                JSONSerializer.bytes(signed.replacing(["credentialSubject", "creditsEarned"], with: 30)),
                .signatureMismatch
            ),
            (JSONSerializer.bytes(world.credential()), .missingProof),
            (Array("{\"a\":1,\"a\":2}".utf8), .duplicateKey),
            (Array("{\"type\":\"Other\"}".utf8), .invalidCredential),
        ]
        for (bytes, code) in cases {
            guard case .rejected(let error) = wallet.importCredential(bytes: bytes, verifier: verifier) else {
                Issue.record("expected a rejection for \(code)")
                continue
            }
            #expect(error.code == code)
        }
        #expect(try wallet.entries().isEmpty)
    }

    @Test("credit amounts: plain decimals and finite numbers up to a million count; nan, inf, exponents, signs do not")
    func creditAmounts() throws {
        func amount(_ value: JSONValue) -> Double? {
            var credential = world.credential().objectValue ?? JSONObject()
            // Both the result's value and `creditsEarned` (what a line falls back on without a result).
            credential["credentialSubject"] = credential["credentialSubject"]?
                .replacing(["result"], with: [["resultDescription": "urn:x#cat1", "value": value]])
                .replacing(["creditsEarned"], with: value)
            return TranscriptLine(credential: credential).credits.first?.amount
        }
        #expect(amount("3.25") == 3.25)
        #expect(amount(".5") == 0.5)
        #expect(amount(2) == 2)
        for refused: JSONValue in ["nan", "inf", "1e400", "1e3", "-3", " 1", "1.2.3", "", 1e300, -1, 1_000_001] {
            #expect(amount(refused) == nil, "\(refused)")
        }
        #expect(TranscriptLine.amountText(1e300) == "1e+300")
        #expect(TranscriptLine.amountText(3) == "3")
        #expect(TranscriptLine.amountText(0.25) == "0.25")
    }

    @Test("selection by date, credit type, topic and id")
    func selection() throws {
        var credential = world.credential().objectValue ?? JSONObject()
        credential["credentialSubject"] = credential["credentialSubject"]?
            .replacing(["result"], with: [["resultDescription": "urn:x#cat1", "value": "3.25"]])
            .replacing(
                ["achievement", "alignment"],
                with: [["targetCode": "opioid-prescribing", "targetFramework": "cme-topics/1"]])
        let line = TranscriptLine(credential: credential)
        #expect(line.credits.first?.type == "AMA_PRA_CAT1")
        #expect(line.credits.first?.amount == 3.25)
        #expect(line.topics == ["opioid-prescribing"])
        #expect(line.activity == "Safe Opioid Prescribing 2026")
        let march = VerificationFixture.date("2026-03-01T00:00:00Z")
        let april = VerificationFixture.date("2026-04-01T00:00:00Z")
        #expect(WalletSelection(since: march, until: april).matches(line))
        #expect(!WalletSelection(since: april).matches(line))
        #expect(!WalletSelection(until: march).matches(line))
        #expect(WalletSelection(creditTypes: ["AMA_PRA_CAT1"], topics: ["opioid-prescribing"]).matches(line))
        #expect(!WalletSelection(creditTypes: ["ANCC_CH"]).matches(line))
        #expect(!WalletSelection(topics: ["ethics"]).matches(line))
        #expect(WalletSelection(ids: [line.id ?? ""]).matches(line))
        #expect(!WalletSelection(ids: ["urn:uuid:other"]).matches(line))
    }
}

extension CredentialWalletTests {
    @Test("a vc+jwt whose credential has no credentialSubject is rejected on import, as JSON is; with one it imports")
    func jwtWithoutSubject() throws {
        let wallet = try temporaryWallet()
        let key = SigningKey(generating: .ed25519)
        let did = DIDKey.did(for: key.publicKey)
        let signer = VCJWTSigner(key: .key(key), keyID: DIDKey.verificationMethodID(for: key.publicKey))
        var credential = JSONObject()
        credential["@context"] = ["https://www.w3.org/ns/credentials/v2"]
        credential["type"] = ["VerifiableCredential"]
        credential["issuer"] = .string(did)
        credential["validFrom"] = "2026-03-02T00:00:00Z"
        let bare = try signer.sign(credential: .object(credential), issuedAt: VerificationFixture.signedAt)
        guard case .rejected(let error) = wallet.importCredential(bytes: Array(bare.compact.utf8), verifier: verifier)
        else {
            Issue.record("a JWT credential with no subject was not rejected")
            return
        }
        #expect(error.code == .invalidCredential)
        #expect(error.message == "not a VerifiableCredential: it has no credentialSubject")
        credential["credentialSubject"] = ["id": "did:example:learner"]
        let whole = try signer.sign(credential: .object(credential), issuedAt: VerificationFixture.signedAt)
        guard case .imported = wallet.importCredential(bytes: Array(whole.compact.utf8), verifier: verifier) else {
            Issue.record("a JWT credential with a subject was not imported")
            return
        }
    }
}

extension CredentialWalletTests {
    /// The import refusal of a malformed `credentialSubject` that the wallet describes as `found`.
    static func refusal(_ found: String) -> String {
        "not a VerifiableCredential: its credentialSubject is \(found), expected an object or an array of objects"
    }

    @Test("import refuses a signed JSON credential whose credentialSubject is missing or malformed, saying what it is")
    func jsonWithMalformedSubject() throws {
        let wallet = try temporaryWallet()
        var credential = world.credential().objectValue ?? JSONObject()
        let cases =
            [(nil, "not a VerifiableCredential: it has no credentialSubject")]
            + CredentialWalletContentsTests.malformedSubjects.map { (Optional($0.subject), Self.refusal($0.found)) }
        for (subject, message) in cases {
            credential["credentialSubject"] = subject
            // Signed as it is, so that the proof verifies and only the subject is wrong.
            let bytes = JSONSerializer.bytes(try world.sign(.object(credential)))
            guard case .rejected(let error) = wallet.importCredential(bytes: bytes, verifier: verifier) else {
                Issue.record("a credential whose subject is \(subject.map { "\($0)" } ?? "missing") was not rejected")
                continue
            }
            #expect(error.code == .invalidCredential)
            #expect(error.message == message)
        }
        #expect(try wallet.entries().isEmpty)
    }

    @Test("import refuses a vc+jwt whose credentialSubject is malformed, saying what it is")
    func jwtWithMalformedSubject() throws {
        let wallet = try temporaryWallet()
        let key = SigningKey(generating: .ed25519)
        let signer = VCJWTSigner(key: .key(key), keyID: DIDKey.verificationMethodID(for: key.publicKey))
        var credential = JSONObject()
        credential["@context"] = ["https://www.w3.org/ns/credentials/v2"]
        credential["type"] = ["VerifiableCredential"]
        credential["issuer"] = .string(DIDKey.did(for: key.publicKey))
        for malformed in CredentialWalletContentsTests.malformedSubjects {
            credential["credentialSubject"] = malformed.subject
            let jwt = try signer.sign(credential: .object(credential), issuedAt: VerificationFixture.signedAt)
            guard
                case .rejected(let error) = wallet.importCredential(bytes: Array(jwt.compact.utf8), verifier: verifier)
            else {
                Issue.record("a JWT credential whose subject is \(malformed.found) was not rejected")
                continue
            }
            #expect(error.code == .invalidCredential)
            #expect(error.message == Self.refusal(malformed.found))
        }
        #expect(try wallet.entries().isEmpty)
    }
}
