import Testing
import VerifiableCredentials

@Suite("Registry or did:key resolver")
struct RegistryOrDIDKeyResolverTests {
    let world = VerificationFixture()

    @Test("a registered key resolves from the registry, its controller the listing issuer")
    func registered() throws {
        let method = try RegistryOrDIDKeyResolver(registry: world.registry).resolve(VerificationFixture.keyID)
        #expect(method.controller == VerificationFixture.issuerID)
        #expect(method.publicKey == world.issuerKey.publicKey)
    }

    @Test("a did:key the registry does not list resolves from its DID")
    func unlistedDIDKey() throws {
        let holder = SigningKey(generating: .ed25519)
        let id = DIDKey.verificationMethodID(for: holder.publicKey)
        let method = try RegistryOrDIDKeyResolver(registry: world.registry).resolve(id)
        #expect(method.controller == DIDKey.did(for: holder.publicKey))
        #expect(method.publicKey == holder.publicKey)
    }

    @Test("any other unlisted method fails as not registered, not as 'only did:key resolves without a registry'")
    func unlistedOther() {
        let error = #expect(throws: CredentialError.self) {
            try RegistryOrDIDKeyResolver(registry: world.registry).resolve("did:web:unknown.example.org#key-1")
        }
        #expect(error?.code == .keyNotRegistered)
        #expect(error?.message == "the registry lists no key did:web:unknown.example.org#key-1")
    }

    @Test("a registered RSA key keeps the registry's refusal")
    func registeredRSA() throws {
        var registry = world.registry
        let id = VerificationFixture.issuerID + "#rsa"
        registry.issuers[0].keys.append(RegisteredKey(id: id, verificationKey: .rsa(try RSASigningKey().publicKey)))
        let error = #expect(throws: CredentialError.self) {
            try RegistryOrDIDKeyResolver(registry: registry).resolve(id)
        }
        #expect(error?.code == .unsupportedKeyType)
    }
}
