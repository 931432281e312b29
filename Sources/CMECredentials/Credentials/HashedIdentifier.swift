/// One OB 3.0 `IdentityObject` of a credential subject: a learner identifier, usually hashed with a salt.
public struct HashedIdentifier: Sendable, Hashable {
    /// The identity type (`ext:NPI`, `emailAddress`, `ext:StateLicense`, `ext:ABIMId`, `ext:BirthMonthDay`).
    public var identityType: String
    /// `sha256$<hex>` when ``hashed``, otherwise the plaintext identifier.
    public var identityHash: String
    /// Whether ``identityHash`` is a hash.
    public var hashed: Bool
    /// The salt appended to the identifier before hashing (empty when none).
    public var salt: String

    /// Creates an identifier.
    public init(identityType: String, identityHash: String, hashed: Bool, salt: String) {
        self.identityType = identityType
        self.identityHash = identityHash
        self.hashed = hashed
        self.salt = salt
    }

    /// Whether this identifier is `value` (OB 3.0 recipient check): hash with the salt and compare, or compare
    /// the plaintext.
    public func matches(_ value: String) -> Bool {
        hashed ? IdentityHash.matches(identityHash, identifier: value, salt: salt) : identityHash == value
    }
}
