public import VerifiableCredentials

/// The accredited provider that issues CME credentials: an Open Badges 3.0 `Profile` with the ACCME provider id
/// as an `otherIdentifier` and the accreditation statement as a CME extension term.
public struct IssuerProfile: Sendable, Hashable {
    /// The issuer's DID (or URL).
    public var id: String
    /// The provider's name as it appears in statements ("Example Hospital CME Office").
    public var name: String
    /// The provider's web site.
    public var url: String?
    /// The ACCME provider id; `nil` for a provider accredited by a state medical society.
    public var providerID: String?
    /// The provider's accreditation statement (direct providership). When `nil` and ``providerID`` is set,
    /// credentials carry the ACCME statement from ``accmeAccreditationStatement(providerName:)``.
    public var accreditationStatement: String?

    /// The `identifierType` of the ACCME provider id in `otherIdentifier`.
    public static let providerIDType = "ext:ACCMEProviderId"

    /// Creates a profile.
    public init(
        id: String, name: String, url: String? = nil, providerID: String? = nil, accreditationStatement: String? = nil
    ) {
        self.id = id
        self.name = name
        self.url = url
        self.providerID = providerID
        self.accreditationStatement = accreditationStatement
    }

    /// Reads a profile in the shape ``json`` writes (an OB 3.0 `Profile`).
    ///
    /// - Throws: ``CMEError`` `.invalidIssuerProfile` when `id` or `name` is missing or a member has the wrong type.
    public init(json: JSONValue) throws(CMEError) {
        guard let object = json.objectValue else {
            throw .issuerProfile("expected an object, found \(json.kindDescription)", at: "/")
        }
        guard let id = object["id"]?.stringValue, !id.isEmpty else {
            throw .issuerProfile("the issuer profile needs an id (the issuer's DID)", at: "/id")
        }
        guard let name = object["name"]?.stringValue, !name.isEmpty else {
            throw .issuerProfile("the issuer profile needs a name", at: "/name")
        }
        self.init(id: id, name: name)
        for key in ["url", "accreditationStatement"] where object[key] != nil && object[key]?.stringValue == nil {
            throw .issuerProfile("expected a string", at: "/" + key)
        }
        url = object["url"]?.stringValue
        accreditationStatement = object["accreditationStatement"]?.stringValue
        for (index, entry) in (object["otherIdentifier"]?.asArray ?? []).enumerated()
        where entry["identifierType"]?.stringValue == Self.providerIDType {
            guard let identifier = entry["identifier"]?.stringValue else {
                throw .issuerProfile("expected a string", at: "/otherIdentifier/\(index)/identifier")
            }
            providerID = identifier
        }
    }

    /// The profile as the credential's `issuer`.
    public var json: JSONValue {
        var object = JSONObject()
        object["id"] = .string(id)
        object["type"] = ["Profile"]
        object["name"] = .string(name)
        object["url"] = url.map { .string($0) }
        if let providerID {
            object["otherIdentifier"] = [
                [
                    "type": "IdentifierEntry", "identifier": .string(providerID),
                    "identifierType": .string(Self.providerIDType),
                ]
            ]
        }
        object["accreditationStatement"] = effectiveAccreditationStatement.map { .string($0) }
        return .object(object)
    }

    /// The statement credentials carry: the one given, or the ACCME one when the provider has an ACCME id.
    public var effectiveAccreditationStatement: String? {
        accreditationStatement ?? providerID.map { _ in Self.accmeAccreditationStatement(providerName: name) }
    }

    /// The ACCME accreditation statement for direct providership (DOMAIN.md §1.5).
    public static func accmeAccreditationStatement(providerName: String) -> String {
        "\(withArticle(providerName)) is accredited by the Accreditation Council for Continuing Medical Education "
            + "(ACCME) to provide continuing medical education for physicians."
    }

    /// The ACCME accreditation statement for joint providership (DOMAIN.md §1.5, accme.org).
    public static func accmeJointProvidershipStatement(providerName: String, jointProvider: String) -> String {
        "This activity has been planned and implemented in accordance with the accreditation requirements and "
            + "policies of the Accreditation Council for Continuing Medical Education (ACCME) through the joint "
            + "providership of \(withArticle(providerName, capitalized: false)) and \(jointProvider). "
            + "\(withArticle(providerName)) is accredited by the ACCME to provide continuing medical education for "
            + "physicians."
    }

    /// "The X", unless the name already starts with "The".
    static func withArticle(_ name: String, capitalized: Bool = true) -> String {
        if name.lowercased().hasPrefix("the ") {
            return capitalized ? "The" + name.dropFirst(3) : "the" + name.dropFirst(3)
        }
        return (capitalized ? "The " : "the ") + name
    }
}
