public import Foundation
public import VerifiableCredentials

/// Builds and signs one `BitstringStatusListCredential` per status list the ledger has opened, and records
/// a `publish` audit event.
public struct StatusListPublisher: Sendable {
    /// The issuer whose ledger and key are used.
    public var issuer: CredentialIssuer

    /// Creates a publisher.
    public init(issuer: CredentialIssuer) {
        self.issuer = issuer
    }

    /// Every list, signed: `validFrom` is `now`, `validUntil` is `now + ttl`. The credential `id` is the URL
    /// the status entries name (`<status base URL>/<purpose>/<number>`).
    ///
    /// - Parameter securing: a Data Integrity proof, or a `vc+jwt` (`kid` the issuer's verification method,
    ///   `iat` `now`); `nil` for the issuer's ``CredentialIssuer/defaultSecuring`` (`vc+jwt` for an RSA key).
    /// - Returns: one ``PublishedStatusList`` per list and purpose, ordered by purpose and number.
    /// - Throws: ``CredentialError`` `securingNotSupported` for Data Integrity with an RSA key; errors from the
    ///   ledger, compression or signing.
    public func publish(now: Date, ttl: TimeInterval, securing: CredentialSecuring? = nil) throws(CredentialError)
        -> [PublishedStatusList]
    {
        let configuration = issuer.configuration
        let securing = securing ?? issuer.defaultSecuring
        try issuer.checkSecuring(securing)
        var published: [PublishedStatusList] = []
        for info in try issuer.ledger.allLists() {
            let list = try issuer.ledger.statusList(number: info.number, purpose: info.purpose)
            let url = configuration.statusListURL(purpose: info.purpose, number: info.number)
            let credential = BitstringStatusListCredential(
                id: url, issuer: configuration.profile.id, statusPurpose: info.purpose, list: list, validFrom: now,
                validUntil: now.addingTimeInterval(ttl))
            published.append(
                PublishedStatusList(
                    purpose: info.purpose, number: info.number, url: url, setCount: list.setIndexes.count,
                    securing: securing,
                    bytes: try issuer.securedBytes(try credential.unsignedJSON(), as: securing, now: now)))
        }
        try issuer.ledger.appendAudit(
            kind: .publish,
            details: [
                "lists": .array(
                    published.map { list in
                        ["id": .string(list.url), "set": .number(Double(list.setCount))]
                    }),
                "validUntil": .string(DateTimeStamp(now.addingTimeInterval(ttl)).text),
            ],
            at: now)
        return published
    }
}

/// One signed status list credential, ready to be written.
public struct PublishedStatusList: Sendable, Hashable {
    public var purpose: StatusPurpose
    /// The list's number among lists of its purpose.
    public var number: Int
    /// The credential's `id`, where verifiers will fetch it.
    public var url: String
    /// How many entries are set.
    public var setCount: Int
    /// How the credential is secured.
    public var securing: CredentialSecuring
    /// The signed credential: pretty JSON with a proof, or a compact `vc+jwt`.
    public var bytes: [UInt8]

    /// A file name for the list: `<purpose>-<number>.json`, or `.jwt` for a `vc+jwt` (verifiers find lists by
    /// `id`, not by name).
    public var fileName: String { "\(purpose.rawValue)-\(number).\(securing.fileExtension)" }
}
