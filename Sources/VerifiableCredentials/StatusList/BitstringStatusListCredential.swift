public import Foundation

/// A `BitstringStatusListCredential` (Bitstring Status List §2.2): the credential that publishes a list.
///
/// ``unsignedJSON()`` builds the VC 2.0 document for an issuer to sign; ``init(json:minimumEntries:maximumBytes:)``
/// reads one (signed or not; proofs are the caller's business) and decodes its list.
public struct BitstringStatusListCredential: Sendable, Hashable {
    /// The VC 2.0 base context, which already defines every `BitstringStatusList*` term.
    public static let credentialsV2Context = "https://www.w3.org/ns/credentials/v2"
    /// The credential `type` value that marks a status list credential.
    public static let typeName = "BitstringStatusListCredential"
    /// The `credentialSubject.type` of a status list.
    public static let subjectTypeName = "BitstringStatusList"

    /// The credential's URL; status entries point at it with `statusListCredential`.
    public var id: String
    /// The issuer's identifier (a DID or URL).
    public var issuer: String
    /// The `credentialSubject.id`, by default ``id`` followed by `#list`.
    public var subjectID: String?
    /// One or more purposes the list serves.
    public var statusPurposes: [StatusPurpose]
    /// The list itself.
    public var list: BitstringStatusList
    /// The earliest time the list is valid.
    public var validFrom: Date?
    /// The latest time the list is valid.
    public var validUntil: Date?
    /// How long a verifier may cache the list before refreshing, in milliseconds.
    public var ttl: Int?

    /// Creates a status list credential to be signed.
    public init(
        id: String, issuer: String, statusPurposes: [StatusPurpose], list: BitstringStatusList,
        validFrom: Date? = nil, validUntil: Date? = nil, ttl: Int? = nil, subjectID: String? = nil
    ) {
        self.id = id
        self.issuer = issuer
        self.statusPurposes = statusPurposes
        self.list = list
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.ttl = ttl
        self.subjectID = subjectID
    }

    /// Creates a status list credential for one purpose.
    public init(
        id: String, issuer: String, statusPurpose: StatusPurpose, list: BitstringStatusList,
        validFrom: Date? = nil, validUntil: Date? = nil, ttl: Int? = nil
    ) {
        self.init(
            id: id, issuer: issuer, statusPurposes: [statusPurpose], list: list, validFrom: validFrom,
            validUntil: validUntil, ttl: ttl)
    }

    /// The unsigned credential: `@context`, `id`, `type`, `issuer`, `validFrom`, `validUntil` and a
    /// `credentialSubject` with `id`, `type`, `statusPurpose`, `encodedList`, `statusSize` (above 1 only)
    /// and `ttl`. Times are written as `YYYY-MM-DDThh:mm:ssZ`.
    ///
    /// - Throws: ``CredentialError`` `compression` only if zlib fails.
    public func unsignedJSON() throws(CredentialError) -> JSONValue {
        var subject = JSONObject()
        subject["id"] = .string(subjectID ?? id + "#list")
        subject["type"] = .string(Self.subjectTypeName)
        subject["statusPurpose"] =
            statusPurposes.count == 1
            ? .string(statusPurposes[0].rawValue) : .array(statusPurposes.map { .string($0.rawValue) })
        subject["encodedList"] = .string(try list.encodedList())
        if list.statusSize != 1 { subject["statusSize"] = .number(Double(list.statusSize)) }
        if let ttl { subject["ttl"] = .number(Double(ttl)) }

        var credential = JSONObject()
        credential["@context"] = [.string(Self.credentialsV2Context)]
        credential["id"] = .string(id)
        credential["type"] = ["VerifiableCredential", .string(Self.typeName)]
        credential["issuer"] = .string(issuer)
        if let validFrom { credential["validFrom"] = .string(DateTimeStamp.format(validFrom)) }
        if let validUntil { credential["validUntil"] = .string(DateTimeStamp.format(validUntil)) }
        credential["credentialSubject"] = .object(subject)
        return .object(credential)
    }

    /// Reads a status list credential and decodes its list.
    ///
    /// Checks that the first context is VC 2.0, that `type` includes `VerifiableCredential` and
    /// `BitstringStatusListCredential`, that there is one subject of type `BitstringStatusList` with
    /// one or more purposes and an `encodedList` of at least `minimumEntries` entries, and that the
    /// validity times parse. The issuer may be a string or an object with an `id`.
    /// - Throws: ``CredentialError`` `invalidStatusListCredential` naming the JSON Pointer of the problem,
    ///   or the list's own errors (`invalidStatusList`, `statusListTooShort`) located at `encodedList`.
    public init(
        json: JSONValue, minimumEntries: Int = BitstringStatusList.minimumEntries,
        maximumBytes: Int = GZip.defaultMaximumOutputBytes
    ) throws(CredentialError) {
        guard let object = json.objectValue else {
            throw Self.malformed("a status list credential must be an object, found \(json.kindDescription)", "")
        }
        guard object["@context"]?.asArray.first?.stringValue == Self.credentialsV2Context else {
            throw Self.malformed("the first @context must be \"\(Self.credentialsV2Context)\"", "/@context")
        }
        guard let id = object["id"]?.stringValue, !id.isEmpty else {
            throw Self.malformed("id must be the URL the status entries point at", "/id")
        }
        let types = object["type"]?.asArray.compactMap(\.stringValue) ?? []
        guard types.contains("VerifiableCredential"), types.contains(Self.typeName) else {
            throw Self.malformed("type must include VerifiableCredential and \(Self.typeName)", "/type")
        }
        guard let issuer = object["issuer"]?.stringValue ?? object["issuer"]?["id"]?.stringValue else {
            throw Self.malformed("issuer must be a URL or an object with an id", "/issuer")
        }
        let validFrom = try Self.readDate(object["validFrom"], "/validFrom")
        let validUntil = try Self.readDate(object["validUntil"], "/validUntil")

        let subjects = object["credentialSubject"]?.asArray ?? []
        guard subjects.count == 1, let subject = subjects[0].objectValue else {
            throw Self.malformed("credentialSubject must be one BitstringStatusList object", "/credentialSubject")
        }
        guard subject["type"]?.asArray.contains(.string(Self.subjectTypeName)) == true else {
            throw Self.malformed("type must be \(Self.subjectTypeName)", "/credentialSubject/type")
        }
        let purposes = subject["statusPurpose"]?.asArray.compactMap(\.stringValue) ?? []
        guard !purposes.isEmpty, purposes.count == subject["statusPurpose"]?.asArray.count,
            purposes.allSatisfy({ !$0.isEmpty })
        else {
            throw Self.malformed("statusPurpose must be one or more strings", "/credentialSubject/statusPurpose")
        }
        var statusSize = 1
        if let sizeValue = subject["statusSize"] {
            guard let size = sizeValue.numberValue, size.rounded() == size, size >= 1,
                size <= Double(BitstringStatusList.maximumStatusSize)
            else {
                throw Self.malformed("statusSize must be a positive integer", "/credentialSubject/statusSize")
            }
            statusSize = Int(size)
        }
        var ttl: Int?
        if let ttlValue = subject["ttl"] {
            guard let milliseconds = ttlValue.numberValue, milliseconds.rounded() == milliseconds, milliseconds >= 0,
                milliseconds < 9.0e15
            else {
                throw Self.malformed("ttl must be a whole number of milliseconds", "/credentialSubject/ttl")
            }
            ttl = Int(milliseconds)
        }
        guard let encoded = subject["encodedList"]?.stringValue else {
            throw Self.malformed("encodedList must be a string", "/credentialSubject/encodedList")
        }
        let list: BitstringStatusList
        do {
            list = try BitstringStatusList(
                encodedList: encoded, statusSize: statusSize, minimumEntries: minimumEntries,
                maximumBytes: maximumBytes)
        } catch {
            throw error.located("/credentialSubject/encodedList")
        }
        self.init(
            id: id, issuer: issuer, statusPurposes: purposes.map(StatusPurpose.init(rawValue:)), list: list,
            validFrom: validFrom, validUntil: validUntil, ttl: ttl, subjectID: subject["id"]?.stringValue)
    }

    /// Whether the list serves `purpose`.
    public func serves(_ purpose: StatusPurpose) -> Bool { statusPurposes.contains(purpose) }

    private static func readDate(_ value: JSONValue?, _ pointer: String) throws(CredentialError) -> Date? {
        guard let value else { return nil }
        guard let text = value.stringValue, let date = DateTimeStamp(text)?.date else {
            throw malformed("expected a date-time such as 2026-01-31T00:00:00Z", pointer)
        }
        return date
    }

    private static func malformed(_ message: String, _ pointer: String) -> CredentialError {
        CredentialError(.invalidStatusListCredential, message, location: pointer.isEmpty ? nil : pointer)
    }
}
