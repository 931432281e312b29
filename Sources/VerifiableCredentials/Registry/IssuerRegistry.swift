/// The issuer key registry: the verifier's trust anchor (format `cme-issuer-registry/1`).
///
/// One JSON file lists the issuers a credentialing office trusts, with their keys (and each key's validity
/// window and revocation), accreditations (and the credit types each allows) and status list locations.
/// It may carry a Data Integrity proof by its operator. Read it with ``init(json:)``, write it with ``json``.
public struct IssuerRegistry: Sendable, Hashable {
    /// The format identifier this version reads and writes.
    public static let format = "cme-issuer-registry/1"

    /// The registry's own metadata.
    public struct Info: Sendable, Hashable {
        /// The operator's identifier (usually a DID).
        public var id: String
        public var name: String
        /// Bumped on every change, so a newer file is recognizable.
        public var sequence: Int
        public var issued: RegistryDate
        /// After this time the registry is stale.
        public var nextUpdate: RegistryDate?
        /// A link to the governance policy.
        public var governance: String?

        public init(
            id: String, name: String, sequence: Int = 1, issued: RegistryDate, nextUpdate: RegistryDate? = nil,
            governance: String? = nil
        ) {
            self.id = id
            self.name = name
            self.sequence = sequence
            self.issued = issued
            self.nextUpdate = nextUpdate
            self.governance = governance
        }
    }

    public var info: Info
    public var accreditors: [Accreditor]
    public var issuers: [RegisteredIssuer]
    /// The operator's Data Integrity proof, when the file is signed.
    public var proof: JSONValue?
    /// The document as read, which the proof signs (`nil` for a registry built in code).
    public var document: JSONValue?

    public init(info: Info, accreditors: [Accreditor] = [], issuers: [RegisteredIssuer] = [], proof: JSONValue? = nil) {
        self.info = info
        self.accreditors = accreditors
        self.issuers = issuers
        self.proof = proof
    }

    /// The issuer with this DID.
    public func issuer(_ id: String) -> RegisteredIssuer? { issuers.first { $0.id == id } }

    /// The issuer that lists the key with this verification method id, and the key.
    public func key(_ methodID: String) -> (issuer: RegisteredIssuer, key: RegisteredKey)? {
        for issuer in issuers {
            if let key = issuer.key(methodID) { return (issuer, key) }
        }
        return nil
    }

    /// Index of an issuer, for editing.
    public func issuerIndex(_ id: String) -> Int? { issuers.firstIndex { $0.id == id } }
}
