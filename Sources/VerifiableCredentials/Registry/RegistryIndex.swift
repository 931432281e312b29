/// An issuer registry's issuers and keys by id, with each key's verification method made once.
///
/// A board's registry lists every provider it trusts (well over a thousand for a national board), and each
/// credential's checks look its issuer and key up several times: scanning the lists made verifying against a
/// 2,000-issuer registry take twice as long as against a registry of one. Lookups give what the registry's own
/// ``IssuerRegistry/issuer(_:)`` and ``IssuerRegistry/key(_:)`` give: the first issuer with the id, and the
/// first listed key with the id (in issuer order, then key order).
///
/// A snapshot: build a new one when the registry changes (``VerificationContext`` does).
final class RegistryIndex: Sendable {
    private let issuers: [RegisteredIssuer]
    private let issuerPositions: [String: Int]
    private let keyPositions: [String: (issuer: Int, key: Int)]
    /// The Multikey verification method of every listed key that Data Integrity proofs can use (not RSA).
    private let methods: [String: VerificationMethod]

    init(_ registry: IssuerRegistry) {
        var issuerPositions: [String: Int] = [:]
        var keyPositions: [String: (issuer: Int, key: Int)] = [:]
        var methods: [String: VerificationMethod] = [:]
        for (issuerPosition, issuer) in registry.issuers.enumerated() {
            if issuerPositions[issuer.id] == nil { issuerPositions[issuer.id] = issuerPosition }
            for (keyPosition, key) in issuer.keys.enumerated() where keyPositions[key.id] == nil {
                keyPositions[key.id] = (issuerPosition, keyPosition)
                if let publicKey = key.publicKey {
                    methods[key.id] = .multikey(id: key.id, controller: issuer.id, publicKey: publicKey)
                }
            }
        }
        self.issuers = registry.issuers
        self.issuerPositions = issuerPositions
        self.keyPositions = keyPositions
        self.methods = methods
    }

    /// The issuer with this DID.
    func issuer(_ id: String) -> RegisteredIssuer? { issuerPositions[id].map { issuers[$0] } }

    /// The issuer that lists the key with this verification method id, and the key.
    func key(_ methodID: String) -> (issuer: RegisteredIssuer, key: RegisteredKey)? {
        keyPositions[methodID].map { (issuers[$0.issuer], issuers[$0.issuer].keys[$0.key]) }
    }

    /// The key's Multikey verification method, controlled by the issuer that lists it; nil for an RSA key.
    func method(_ methodID: String) -> VerificationMethod? { methods[methodID] }
}
