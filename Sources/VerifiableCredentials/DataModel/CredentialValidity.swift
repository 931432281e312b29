public import Foundation

/// The validity window of a credential, read from the members of its data model: `validFrom` / `validUntil`
/// (VC 2.0) or `issuanceDate` / `expirationDate` (VC 1.1, whose base context is
/// `https://www.w3.org/2018/credentials/v1`).
///
/// A small reusable reader: it reports the window and where `now` falls in it; policies decide what to do.
public struct CredentialValidity: Sendable, Hashable {
    /// The data model whose members gave the window.
    public enum DataModel: String, Sendable, Hashable {
        /// VC 2.0: `validFrom`, `validUntil` (both optional).
        case v2 = "VC 2.0"
        /// VC 1.1: `issuanceDate` (required), `expirationDate` (optional).
        case v1_1 = "VC 1.1"
    }

    /// Where an instant falls relative to the window.
    public enum Status: String, Sendable, Hashable {
        case notYetValid
        case valid
        case expired
    }

    /// The VC 1.1 base context URL.
    public static let v1_1Context = "https://www.w3.org/2018/credentials/v1"

    /// The data model, from the first `@context` entry.
    public var dataModel: DataModel
    /// The start of the window (`validFrom` or `issuanceDate`), when given.
    public var validFrom: DateTimeStamp?
    /// The end of the window (`validUntil` or `expirationDate`), when given.
    public var validUntil: DateTimeStamp?

    /// Reads the window of `credential`.
    ///
    /// - Throws: ``CredentialError`` `invalidValidityPeriod` when a date is not an XML Schema dateTime, a VC 1.1
    ///   credential has no `issuanceDate`, a credential uses the other data model's date members, or the window
    ///   ends before it starts; `unexpectedJSON` when `credential` is not an object.
    public init(credential: JSONValue) throws(CredentialError) {
        guard let object = credential.objectValue else {
            throw CredentialError(.unexpectedJSON, "a credential is a JSON object, found \(credential.kindDescription)")
        }
        try self.init(credential: object)
    }

    /// Reads the window of `credential` (see the `JSONValue` variant).
    public init(credential: JSONObject) throws(CredentialError) {
        let base = credential["@context"]?.asArray.first?.stringValue
        let model: DataModel = base == Self.v1_1Context ? .v1_1 : .v2
        dataModel = model
        let (start, end, other) =
            model == .v1_1
            ? ("issuanceDate", "expirationDate", ["validFrom", "validUntil"])
            : ("validFrom", "validUntil", ["issuanceDate", "expirationDate"])
        if let stray = other.first(where: { credential.contains($0) }) {
            throw .invalidValidityPeriod(
                "\(stray) is not a \(model.rawValue) member; this credential's dates are \(start) and \(end)",
                at: "/" + stray)
        }
        validFrom = try Self.date(credential, start)
        validUntil = try Self.date(credential, end)
        if dataModel == .v1_1, validFrom == nil {
            throw .invalidValidityPeriod("a VC 1.1 credential must have an issuanceDate", at: "/issuanceDate")
        }
        if let validFrom, let validUntil, validUntil.date < validFrom.date {
            throw .invalidValidityPeriod(
                "the window ends (\(validUntil.text)) before it starts (\(validFrom.text))", at: "/" + end)
        }
    }

    /// A window from its parts.
    public init(dataModel: DataModel, validFrom: DateTimeStamp?, validUntil: DateTimeStamp?) {
        self.dataModel = dataModel
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// Where `now` falls: before `validFrom`, after `validUntil`, or inside (both ends inclusive).
    public func status(at now: Date) -> Status {
        if let validFrom, now < validFrom.date { return .notYetValid }
        if let validUntil, now > validUntil.date { return .expired }
        return .valid
    }

    /// Whether `now` is inside the window.
    public func contains(_ now: Date) -> Bool { status(at: now) == .valid }

    /// The window for people: `2026-01-10T00:00:00Z … 2028-01-10T00:00:00Z`, with `…` for an open end.
    public var text: String { "\(validFrom?.text ?? "…") … \(validUntil?.text ?? "no end")" }

    private static func date(_ credential: JSONObject, _ name: String) throws(CredentialError) -> DateTimeStamp? {
        guard let value = credential[name] else { return nil }
        guard let text = value.stringValue, let stamp = DateTimeStamp(text) else {
            throw .invalidValidityPeriod(
                "\(name) is not an XML Schema dateTime such as 2026-01-10T00:00:00Z", at: "/" + name)
        }
        return stamp
    }
}
