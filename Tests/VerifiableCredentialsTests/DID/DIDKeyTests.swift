import Testing
import VerifiableCredentials

@Suite("did:key")
struct DIDKeyTests {
    @Test(arguments: try KeyPairVector.all())
    func createsAndResolvesTheVectorKeys(_ vector: KeyPairVector) throws {
        let key = try PublicKey(multibase: vector.publicKeyMultibase)
        let did = "did:key:\(vector.publicKeyMultibase)"
        let vmID = "\(did)#\(vector.publicKeyMultibase)"
        #expect(DIDKey.did(for: key) == did)
        #expect(DIDKey.verificationMethodID(for: key) == vmID)
        for input in [did, vmID] {
            let method = try DIDKey.resolve(input)
            #expect(method.id == vmID)
            #expect(method.type == "Multikey")
            #expect(method.controller == did)
            #expect(method.publicKey == key)
            #expect(method.json["publicKeyMultibase"]?.stringValue == vector.publicKeyMultibase)
        }
    }

    @Test
    func documentListsTheMethodForEachRelationship() throws {
        let key = SigningKey(generating: .ed25519).publicKey
        let document = DIDKey.document(for: key)
        let vmID = DIDKey.verificationMethodID(for: key)
        #expect(document["id"]?.stringValue == DIDKey.did(for: key))
        #expect(document["verificationMethod"]?.arrayValue?.first?["id"]?.stringValue == vmID)
        #expect(document["verificationMethod"]?.arrayValue?.first?["type"] == "Multikey")
        for relationship in ["assertionMethod", "authentication", "capabilityInvocation", "capabilityDelegation"] {
            #expect(document[relationship] == [.string(vmID)])
        }
        #expect(try DIDKey.resolveDocument(vmID) == document)
    }

    @Test
    func rejectsAForeignFragment() throws {
        let a = SigningKey(generating: .p256).publicKey.multibase
        let b = SigningKey(generating: .p256).publicKey.multibase
        for input in ["did:key:\(a)#\(b)", "did:key:\(a)#", "did:key:\(a)#key-1"] {
            #expect((#expect(throws: CredentialError.self) { try DIDKey.resolve(input) })?.code == .invalidDID)
        }
    }

    @Test(arguments: ["did:key:", "did:key:zNotAKey", "did:key:z6Mk/path", "did:key:z6Mk?x=1", "key:z6Mk", "https://x"])
    func rejectsMalformedDIDs(_ input: String) {
        #expect((#expect(throws: CredentialError.self) { try DIDKey.resolve(input) })?.code == .invalidDID)
    }

    @Test
    func otherMethodsAreUnresolvable() {
        let error = #expect(throws: CredentialError.self) { try DIDKey.resolve("did:web:example.com") }
        #expect(error?.code == .unresolvableDID)
    }
}
