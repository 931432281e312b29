/// The `ecdsa-jcs-2019` cryptosuite: ECDSA P-256 (SHA-256) or P-384 (SHA-384) over RFC 8785 canonical JSON
/// (Data Integrity ECDSA §3.4).
public struct ECDSAJCS2019: Cryptosuite {
    public init() {}
    public var name: String { "ecdsa-jcs-2019" }
    public var proofIncludesContext: Bool { true }
    public var canonicalizesWithJCS: Bool { true }
    public func accepts(_ keyType: KeyType) -> Bool { keyType == .p256 || keyType == .p384 }
    public func canonicalize(_ value: JSONValue, keyType: KeyType) throws(CredentialError) -> [UInt8] {
        JSONCanonicalizer.canonicalize(value)
    }
}
