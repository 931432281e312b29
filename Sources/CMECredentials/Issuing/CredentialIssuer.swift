import Crypto
public import Foundation
public import VerifiableCredentials

/// Issues one CME credential per activity record through the issuer ledger: builds the credential with
/// the status entries the ledger allocates, signs it (proof as an array, or as a `vc+jwt` when ``securing``
/// is `.jwt`) inside the ledger's transaction, and returns the signed bytes the ledger recorded.
///
/// The key is any ``JWSSigningKey``: an Ed25519, P-256 or P-384 key signs Data Integrity proofs with the
/// configured suite and JWTs (EdDSA, ES256, ES384); an RSA key signs RS256 `vc+jwt` only, so its issuer
/// has no suite and ``securing`` must be `.jwt`.
///
/// It writes no files; ``BatchIssuer`` does that after the ledger has committed.
public struct CredentialIssuer: Sendable {
    /// The issuer's configuration.
    public let configuration: IssuerConfiguration
    /// The ledger credentials are recorded in.
    public let ledger: IssuerLedger
    /// The Data Integrity signer; `nil` for an RSA key.
    let signer: DataIntegritySigner?
    let builder: CMECredentialBuilder
    /// How each credential is secured; ``init(configuration:ledger:key:catalog:)`` starts with what the key
    /// supports (``defaultSecuring``).
    public var securing: CredentialSecuring
    let jwtSigner: VCJWTSigner

    /// Creates an issuer for the key and configuration.
    ///
    /// - Throws: ``CredentialError`` `unknownCryptosuite` when the configuration names an unknown suite,
    ///   `keyTypeMismatch` when the suite cannot sign with `key` or names one for an RSA key.
    public init(
        configuration: IssuerConfiguration, ledger: IssuerLedger, key: JWSSigningKey, catalog: CMECatalog = .bundled
    ) throws(CredentialError) {
        self.configuration = configuration
        self.ledger = ledger
        let signer = try Self.dataIntegritySigner(key: key, suite: configuration.suite)
        self.signer = signer
        self.securing = signer == nil ? .jwt : .dataIntegrity
        self.builder = CMECredentialBuilder(issuer: configuration.profile, catalog: catalog)
        self.jwtSigner = VCJWTSigner(key: key, keyID: configuration.verificationMethod)
    }

    /// The Data Integrity signer for `key` with `suite` (the key type's default when `nil`); `nil` for RSA.
    private static func dataIntegritySigner(key: JWSSigningKey, suite: String?) throws(CredentialError)
        -> DataIntegritySigner?
    {
        switch (key, suite) {
        case (.key(let shared), let suite):
            let name = suite ?? IssuanceSuites.defaultName(for: shared.type)
            return try DataIntegritySigner(key: shared, suite: try IssuanceSuites.suite(named: name))
        case (.rsa, let suite?):
            throw CredentialError(
                .keyTypeMismatch, "\(suite) cannot sign with an RSA key; an RSA issuer has no suite (vc+jwt only)")
        case (.rsa, nil):
            return nil
        }
    }

    /// Creates an issuer for an Ed25519, P-256 or P-384 key.
    ///
    /// - Throws: ``CredentialError`` as ``init(configuration:ledger:key:catalog:)`` does.
    public init(
        configuration: IssuerConfiguration, ledger: IssuerLedger, key: SigningKey, catalog: CMECatalog = .bundled
    ) throws(CredentialError) {
        try self.init(configuration: configuration, ledger: ledger, key: .key(key), catalog: catalog)
    }

    /// Opens `directory`'s ledger and creates an issuer for it.
    public init(directory: IssuerDirectory, key: JWSSigningKey, listSize: Int = IssuerLedger.defaultListSize)
        throws(CredentialError)
    {
        try self.init(
            configuration: directory.configuration, ledger: try directory.ledger(listSize: listSize), key: key)
    }

    /// Opens `directory`'s ledger and creates an issuer for an Ed25519, P-256 or P-384 key.
    public init(directory: IssuerDirectory, key: SigningKey, listSize: Int = IssuerLedger.defaultListSize)
        throws(CredentialError)
    {
        try self.init(directory: directory, key: .key(key), listSize: listSize)
    }

    /// How this issuer secures what it signs unless told otherwise: Data Integrity, or `vc+jwt` for an RSA key.
    public var defaultSecuring: CredentialSecuring { signer == nil ? .jwt : .dataIntegrity }

    /// Checks that the key can secure documents as `securing` says.
    ///
    /// - Throws: ``CredentialError`` `securingNotSupported` for Data Integrity with an RSA key.
    public func checkSecuring(_ securing: CredentialSecuring) throws(CredentialError) {
        if securing == .dataIntegrity { _ = try documentSigner() }
    }

    /// The Data Integrity signer, for other documents the issuer signs (status list credentials).
    ///
    /// - Throws: ``CredentialError`` `securingNotSupported` for an RSA key.
    public func documentSigner() throws(CredentialError) -> DataIntegritySigner {
        guard let signer else {
            throw CredentialError(
                .securingNotSupported,
                "the issuer's key \(configuration.verificationMethod) is RSA, which signs RS256 vc+jwt only and has no Data Integrity suite; use --format jwt"
            )
        }
        return signer
    }

    /// `unsigned` secured as `securing` says and ready to record or write: JSON in `layout` with a Data
    /// Integrity proof (as an array, `created` = `now`), or a compact `vc+jwt` (`kid` = the verification
    /// method, `iat` = `now`). Credentials and status list credentials are secured alike. The compact layout
    /// of a Data Integrity document copies the text of the objects of `fragments` it holds.
    ///
    /// - Throws: ``CredentialError`` `securingNotSupported` for Data Integrity with an RSA key; the signer's
    ///   errors.
    func securedBytes(
        _ unsigned: JSONValue, as securing: CredentialSecuring, now: Date,
        layout: JSONSerializer.Layout = .pretty, reusing fragments: JSONFragments = JSONFragments()
    ) throws(CredentialError) -> [UInt8] {
        switch securing {
        case .jwt:
            return Array(try jwtSigner.sign(credential: unsigned, issuedAt: now).compact.utf8)
        case .dataIntegrity:
            let options = ProofOptions(verificationMethod: configuration.verificationMethod, created: now)
            let signed = try documentSigner().addProof(
                to: unsigned, options: options, asArray: true, reusing: fragments)
            return layout == .compact
                ? JSONSerializer.bytes(signed, reusing: fragments) : JSONSerializer.bytes(signed, layout: layout)
        }
    }

    /// Issues the credential for `record` unless the (activity, learner) pair already has one in force.
    ///
    /// - Parameters:
    ///   - reissue: issue a new credential even when one is in force, revoking the old one in the same
    ///     transaction (its audit event says which credential replaced it).
    ///   - now: the issue time (proof `created`, ledger times).
    /// - Returns: ``IssueOutcome/issued(_:)`` with the new credential, or ``IssueOutcome/alreadyIssued(_:)``.
    /// - Throws: ``CredentialError`` `securingNotSupported` when the key cannot secure as ``securing`` says;
    ///   `recordNotIssuable` when the record cannot become a credential (for example a completion date after
    ///   `now`); the ledger's and the signer's errors.
    @discardableResult
    public func issue(_ record: ActivityRecord, reissue: Bool = false, now: Date) throws(CredentialError)
        -> IssueOutcome
    {
        try checkSecuring(securing)
        let pending = pendingIssue(for: record, now: now)
        var replacing: String?
        if reissue {
            replacing = try ledger.lookup(activityID: pending.activityID, learnerKey: pending.learnerKey)?.credentialID
        }
        return try ledger.issue(pending, replacing: replacing) { assignment throws(CredentialError) -> [UInt8] in
            try signedBytes(for: record, assignment: assignment, now: now)
        }
    }

    /// Builds the credential for `record` with the ledger's status assignment, signs it (proof as an
    /// array, or as a `vc+jwt` when ``securing`` is `.jwt`) and returns the bytes to record and write.
    /// `achievement` is the record's ``CMECredentialBuilder/achievement(_:)`` when the caller shares it among
    /// records, and `fragments` may hold its text.
    ///
    /// - Throws: ``CredentialError`` `recordNotIssuable` when the record cannot become a credential; the
    ///   signer's errors.
    func signedBytes(
        for record: ActivityRecord, assignment: StatusAssignment, now: Date,
        shared: CMECredentialBuilder.ActivityParts? = nil, reusing fragments: JSONFragments = JSONFragments()
    ) throws(CredentialError) -> [UInt8] {
        let statuses = assignment.allocations.map { configuration.statusEntry($0).json }
        let unsigned: JSONValue
        do throws(CMEError) {
            unsigned = try builder.credential(
                for: record, id: assignment.credentialID, issuedAt: now, statuses: statuses, shared: shared)
        } catch {
            throw CredentialError(
                .recordNotIssuable, error.message, location: error.location ?? record.location.description)
        }
        // The ledger keeps the compact form (a quarter smaller than pretty, and the ledger's thread writes every
        // byte of it twice); credential files are laid out pretty from it (``CredentialFile``).
        return try securedBytes(unsigned, as: securing, now: now, layout: .compact, reusing: fragments)
    }

    /// What the ledger records for `record`: a fresh `urn:uuid:` id, the learner key, the record hash and
    /// the plaintext fields.
    public func pendingIssue(for record: ActivityRecord, now: Date) -> PendingIssue {
        let learner = record.learner
        let activity = record.activity
        var credits = JSONObject()
        for credit in record.credits { credits[credit.code] = .number(DecimalText.double(credit.amount)) }
        return PendingIssue(
            credentialID: "urn:uuid:" + RandomUUID.timeOrdered(), learnerKey: record.learnerKey,
            recordHash: Self.recordHash(record), issuedAt: now,
            learner: LedgerLearner(
                givenName: learner.givenName, familyName: learner.familyName, npi: learner.npi?.digits,
                licenses: learner.licenses.map(\.description), boardIDs: learner.boardIDs.map(\.description),
                dateOfBirth: learner.dateOfBirth?.description, email: learner.email, did: learner.did),
            activity: LedgerActivity(
                id: activity.id, title: activity.title, format: activity.format.rawValue,
                completionDate: activity.completionDate, startDate: activity.startDate, endDate: activity.endDate,
                parsActivityID: activity.parsActivityID, jointProvider: activity.jointProvider),
            credits: .object(credits))
    }

    /// The lowercase hex SHA-256 of the record's canonical JSON (its location left out), so the same record
    /// read from CSV or JSON Lines hashes the same.
    public static func recordHash(_ record: ActivityRecord) -> String {
        let digest = SHA256.hash(data: record.canonicalJSON)
        return IdentityHash.hex(Array(digest))
    }
}
