public import VerifiableCredentials

/// What an issuer directory's `issuer.json` holds: the issuer profile, where the signing key is, the
/// verification method proofs name, where status lists are published, and the cryptosuite.
///
/// ```json
/// {"profile": {"id": "did:web:cme.example.org", "type": ["Profile"], "name": "…"},
///  "keyPath": "issuer.pem", "verificationMethod": "did:web:cme.example.org#key-1",
///  "statusBaseURL": "https://cme.example.org/status", "suite": "eddsa-jcs-2022"}
/// ```
public struct IssuerConfiguration: Sendable, Hashable {
    /// The issuer's profile, written into every credential.
    public var profile: IssuerProfile
    /// The PEM key file, absolute or relative to the issuer directory.
    public var keyPath: String
    /// The verification method id written into proofs (for did:key issuers, the key's did:key method).
    public var verificationMethod: String
    /// The URL under which status lists are published, without a trailing slash: list credentials are
    /// `<statusBaseURL>/<purpose>/<list number>`.
    public var statusBaseURL: String
    /// The Data Integrity cryptosuite name (see ``IssuanceSuites``); `nil` for an issuer whose key is RSA,
    /// which secures credentials and status lists as RS256 `vc+jwt` only.
    public var suite: String?

    /// Creates a configuration; a trailing `/` of `statusBaseURL` is dropped.
    public init(
        profile: IssuerProfile, keyPath: String, verificationMethod: String, statusBaseURL: String,
        suite: String? = IssuanceSuites.defaultName
    ) {
        self.profile = profile
        self.keyPath = keyPath
        self.verificationMethod = verificationMethod
        var base = statusBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.statusBaseURL = base
        self.suite = suite
    }

    /// Reads the shape ``json`` writes.
    ///
    /// - Throws: ``CredentialError`` `invalidIssuerDirectory` naming the JSON Pointer of a missing or
    ///   malformed member.
    public init(json: JSONValue) throws(CredentialError) {
        guard let object = json.objectValue else {
            throw Self.malformed("expected an object, found \(json.kindDescription)", "/")
        }
        func string(_ key: String) throws(CredentialError) -> String {
            guard let value = object[key]?.stringValue, !value.isEmpty else {
                throw Self.malformed("expected a non-empty string", "/" + key)
            }
            return value
        }
        guard let profileJSON = object["profile"] else { throw Self.malformed("the profile is missing", "/profile") }
        let profile: IssuerProfile
        do {
            profile = try IssuerProfile(json: profileJSON)
        } catch {
            throw Self.malformed(error.message, "/profile" + (error.location.map { $0 == "/" ? "" : $0 } ?? ""))
        }
        self.init(
            profile: profile, keyPath: try string("keyPath"), verificationMethod: try string("verificationMethod"),
            statusBaseURL: try string("statusBaseURL"), suite: object["suite"] == nil ? nil : try string("suite"))
    }

    /// The configuration as `issuer.json` stores it.
    public var json: JSONValue {
        // The statement as given (not the ACCME default the credentials carry), so the file reads back equal.
        var profileObject = profile.json.objectValue ?? JSONObject()
        profileObject["accreditationStatement"] = profile.accreditationStatement.map { .string($0) }
        var object = JSONObject()
        object["profile"] = .object(profileObject)
        object["keyPath"] = .string(keyPath)
        object["verificationMethod"] = .string(verificationMethod)
        object["statusBaseURL"] = .string(statusBaseURL)
        object["suite"] = suite.map { .string($0) }
        return .object(object)
    }

    /// The URL of the status list credential for list `number` of `purpose`.
    public func statusListURL(purpose: StatusPurpose, number: Int) -> String {
        // Concatenation, not interpolation: this runs twice per issued credential.
        statusBaseURL + "/" + purpose.rawValue + "/" + String(number)
    }

    /// The status entry for one allocation: `id` is `<statusListCredential>#<index>`.
    public func statusEntry(_ allocation: StatusAllocation) -> BitstringStatusListEntry {
        let list = statusListURL(purpose: allocation.purpose, number: allocation.listNumber)
        return BitstringStatusListEntry(
            id: list + "#" + String(allocation.index), statusPurpose: allocation.purpose,
            statusListIndex: allocation.index,
            statusListCredential: list)
    }

    private static func malformed(_ message: String, _ pointer: String) -> CredentialError {
        CredentialError(
            .invalidIssuerDirectory, "\(IssuerDirectory.configurationFileName): \(message)", location: pointer)
    }
}
