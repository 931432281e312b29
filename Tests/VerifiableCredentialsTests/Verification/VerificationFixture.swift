import Foundation
import VerifiableCredentials

/// A small world for verification tests: one registered issuer with one key, a registry, credentials,
/// presentations and status lists, all at fixed times.
struct VerificationFixture {
    static let issuerID = "did:web:cme.example-hospital.org"
    static let keyID = issuerID + "#key-2026"
    static let statusPrefix = "https://cme.example-hospital.org/status/"
    static let listID = statusPrefix + "1"
    static let now = date("2026-06-01T00:00:00Z")
    static let signedAt = date("2026-03-02T00:00:00Z")
    static let contexts: Set<String> = [
        "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]

    let issuerKey = SigningKey(generating: .ed25519)
    let alice = SigningKey(generating: .ed25519)
    let bob = SigningKey(generating: .ed25519)
    var key = RegisteredKey(
        id: keyID, publicKey: PublicKey.placeholder, validFrom: RegistryDate("2026-01-01T00:00:00Z"))
    var accreditation = Accreditation(
        accreditor: "accme", status: "accredited", validFrom: RegistryDate.fixed("2022-07-01"),
        validUntil: RegistryDate("2028-06-30"), creditTypes: ["AMA_PRA_CAT1"])

    init() { key.publicKey = issuerKey.publicKey }

    static func date(_ text: String) -> Date { DateTimeStamp(text)?.date ?? Date(timeIntervalSince1970: 0) }

    var registry: IssuerRegistry {
        let issuer = RegisteredIssuer(
            id: Self.issuerID, displayName: "Example Hospital CME Office", accreditations: [accreditation], keys: [key],
            statusLists: [StatusListPolicy(idPrefix: Self.statusPrefix, maxAgeDays: 7)])
        return IssuerRegistry(
            info: .init(
                id: "did:web:registry.example-board.org", name: "Test Registry", sequence: 1,
                issued: RegistryDate(Self.now)),
            accreditors: [Accreditor(id: "accme", name: "ACCME", kind: "national")], issuers: [issuer])
    }

    func context(registry: IssuerRegistry? = nil, lists: [JSONValue] = []) -> VerificationContext {
        VerificationContext(
            registry: registry ?? self.registry, statusLists: InMemoryStatusLists(lists), knownContexts: Self.contexts,
            now: Self.now)
    }

    func verifier(registry: IssuerRegistry? = nil, lists: [JSONValue] = []) -> Verifier {
        Verifier(context: context(registry: registry, lists: lists))
    }

    static func did(_ key: SigningKey) -> String { DIDKey.did(for: key.publicKey) }

    /// An unsigned CME credential for `subject`.
    func credential(
        subject: SigningKey? = nil, npi: String = "1234567893", creditType: String = "AMA_PRA_CAT1",
        amount: Double = 3.25, issuer: String = issuerID, statusIndex: Int? = 94
    ) -> JSONValue {
        let salt = "s4lt"
        var subjectObject = object(from: [
            "type": ["AchievementSubject"],
            "identifier": [
                [
                    "type": "IdentityObject", "identityType": "ext:NPI", "hashed": true,
                    "identityHash": .string(SubjectNPI.identityHash(npi: npi, salt: salt)), "salt": .string(salt),
                ]
            ],
            "creditsEarned": .number(amount),
            "achievement": [
                "id": "https://cme.example-hospital.org/activities/2026-017", "type": ["Achievement"],
                "name": "Safe Opioid Prescribing 2026",
                "resultDescription": [
                    [
                        "id": "urn:x#cat1", "type": ["ResultDescription"], "name": "AMA PRA Category 1 Credit",
                        "resultType": "ext:CreditAmount", "creditType": .string(creditType),
                    ]
                ],
            ],
        ])
        if let subject { subjectObject["id"] = .string(Self.did(subject)) }
        var object = object(from: [
            "@context": [
                "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            ],
            "id": .string("urn:uuid:\(UUID().uuidString.lowercased())"),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": ["id": .string(issuer), "type": ["Profile"], "name": "Example Hospital CME Office"],
            "validFrom": "2026-03-02T00:00:00Z",
        ])
        object["credentialSubject"] = .object(subjectObject)
        if let statusIndex {
            object["credentialStatus"] = [
                "id": .string("\(Self.listID)#\(statusIndex)"), "type": "BitstringStatusListEntry",
                "statusPurpose": "revocation", "statusListIndex": .string(String(statusIndex)),
                "statusListCredential": .string(Self.listID),
            ]
        }
        return .object(object)
    }

    /// `document` signed by `key` (default: the issuer's registered key) at `created`.
    func sign(_ document: JSONValue, key: SigningKey? = nil, method: String = keyID, created: Date = signedAt) throws
        -> JSONValue
    {
        let signer = try DataIntegritySigner(key: key ?? issuerKey, suite: EdDSAJCS2022())
        return try signer.addProof(to: document, options: ProofOptions(verificationMethod: method, created: created))
    }

    /// A signed revocation status list with the given bits set.
    func statusList(
        revoked: [Int] = [], issuer: String = issuerID, key: SigningKey? = nil, method: String = keyID,
        validFrom: String = "2026-05-30T00:00:00Z", validUntil: String? = nil
    ) throws -> JSONValue {
        let unsigned = try unsignedStatusList(
            revoked: revoked, issuer: issuer, validFrom: validFrom, validUntil: validUntil)
        return try sign(unsigned, key: key, method: method, created: Self.date(validFrom))
    }

    /// An unsigned revocation status list credential with the given bits set.
    func unsignedStatusList(
        revoked: [Int] = [], issuer: String = issuerID, validFrom: String = "2026-05-30T00:00:00Z",
        validUntil: String? = nil
    ) throws -> JSONValue {
        var bits = try BitstringStatusList()
        for index in revoked { try bits.set(true, at: index) }
        var object = object(from: [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "id": .string(Self.listID),
            "type": ["VerifiableCredential", "BitstringStatusListCredential"], "issuer": .string(issuer),
            "validFrom": .string(validFrom),
            "credentialSubject": [
                "id": .string(Self.listID + "#list"), "type": "BitstringStatusList", "statusPurpose": "revocation",
                "encodedList": .string(try bits.encodedList()),
            ],
        ])
        if let validUntil { object["validUntil"] = .string(validUntil) }
        return .object(object)
    }

    /// A presentation of `credentials` by `holder`.
    func present(
        _ credentials: [JSONValue], holder: SigningKey, challenge: String = "c-123", domain: String = "hospital.example"
    )
        throws -> JSONValue
    {
        try VerifiablePresentationBuilder(credentials: credentials)
            .signed(with: holder, challenge: challenge, domain: domain, created: Self.signedAt)
    }
}

/// The object of an object literal.
func object(from value: JSONValue) -> JSONObject { value.objectValue ?? JSONObject() }

extension PublicKey {
    /// A valid key used before the real one is set.
    static var placeholder: PublicKey { SigningKey(generating: .ed25519).publicKey }
}

extension JSONValue {
    /// A copy with the value at `path` (object keys) replaced.
    func replacing(_ path: [String], with value: JSONValue) -> JSONValue {
        guard let first = path.first, case .object(var object) = self else { return path.isEmpty ? value : self }
        object[first] = (object[first] ?? .null).replacing(Array(path.dropFirst()), with: value)
        return .object(object)
    }
}

extension RegistryDate {
    /// A date known to parse in a test (the epoch if it does not, which makes the test fail visibly).
    static func fixed(_ text: String) -> RegistryDate {
        RegistryDate(text) ?? RegistryDate(Date(timeIntervalSince1970: 0))
    }
}
