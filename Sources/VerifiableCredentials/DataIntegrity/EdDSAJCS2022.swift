/// The `eddsa-jcs-2022` cryptosuite: Ed25519 over RFC 8785 canonical JSON (Data Integrity EdDSA §3.3).
public struct EdDSAJCS2022: Cryptosuite {
    public init() {}
    public var name: String { "eddsa-jcs-2022" }
    public var proofIncludesContext: Bool { true }
    public var canonicalizesWithJCS: Bool { true }
    public func accepts(_ keyType: KeyType) -> Bool { keyType == .ed25519 }
    public func canonicalize(_ value: JSONValue, keyType: KeyType) throws(CredentialError) -> [UInt8] {
        JSONCanonicalizer.canonicalize(value)
    }
}
