import Foundation
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

@Suite("did:key in the vectors")
struct DIDKeyVectorTests {
    /// Every distinct `did:key` DID or DID URL written anywhere in the vector folders.
    static func didKeysInVectors() throws -> [String] {
        let root = Vectors.url("")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var found = Set<String>()
        while let url = enumerator?.nextObject() as? URL {
            guard ["json", "txt", "nq", "jsonld"].contains(url.pathExtension),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else { continue }
            var rest = text[...]
            while let range = rest.range(of: "did:key:") {
                let tail = rest[range.lowerBound...]
                let end = tail.firstIndex { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == ":" || $0 == "#")) }
                found.insert(String(tail[..<(end ?? tail.endIndex)]))
                rest = rest[range.upperBound...]
            }
        }
        return found.sorted()
    }

    @Test
    func vectorsContainDIDKeys() throws {
        #expect(try Self.didKeysInVectors().count >= 5)
    }

    @Test(arguments: try didKeysInVectors())
    func resolvesEveryDIDKeyInTheVectors(_ didOrURL: String) throws {
        let method = try DIDKey.resolve(didOrURL)
        #expect(didOrURL.hasPrefix(method.controller))
        #expect(DIDKey.did(for: method.publicKey) == method.controller)
        #expect(method.id == DIDKey.verificationMethodID(for: method.publicKey))
    }
}
