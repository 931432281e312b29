/// An issuer the registry trusts: its DID, names, identifiers, accreditations, keys and status list policy.
public struct RegisteredIssuer: Sendable, Hashable {
    /// An identifier of the issuer in another system, such as `{"type": "ACCMEProviderId", "value": "0001234"}`.
    public struct Identifier: Sendable, Hashable {
        public var type: String
        public var value: String
        public init(type: String, value: String) {
            self.type = type
            self.value = value
        }
    }

    /// The issuer DID, equal to the credential's `issuer` (or `issuer.id`).
    public var id: String
    /// The name to show (from the registry, never from the self-asserted credential).
    public var displayName: String
    public var legalName: String?
    public var identifiers: [Identifier]
    public var accreditations: [Accreditation]
    public var keys: [RegisteredKey]
    public var statusLists: [StatusListPolicy]

    public init(
        id: String, displayName: String, legalName: String? = nil, identifiers: [Identifier] = [],
        accreditations: [Accreditation] = [], keys: [RegisteredKey] = [], statusLists: [StatusListPolicy] = []
    ) {
        self.id = id
        self.displayName = displayName
        self.legalName = legalName
        self.identifiers = identifiers
        self.accreditations = accreditations
        self.keys = keys
        self.statusLists = statusLists
    }

    /// The key with this verification method id.
    public func key(_ id: String) -> RegisteredKey? { keys.first { $0.id == id } }

    /// The status list policy whose prefix `listID` starts with.
    public func statusListPolicy(for listID: String) -> StatusListPolicy? {
        statusLists.first { listID.hasPrefix($0.idPrefix) }
    }
}
