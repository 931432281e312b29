public import Foundation

/// An issuer's accreditation by an accreditor over a window, with the credit types it may award.
public struct Accreditation: Sendable, Hashable {
    /// The accreditor's id in the registry's `accreditors`.
    public var accreditor: String
    /// `accredited`, `provisional`, `probation`, `nonAccredited`, … (stored as written).
    public var status: String
    public var validFrom: RegistryDate
    public var validUntil: RegistryDate?
    /// Credit type codes the issuer may award under this accreditation, such as `AMA_PRA_CAT1`.
    public var creditTypes: [String]
    /// MOC boards the issuer may report to, such as `ABIM`.
    public var mocBoards: [String]

    /// Statuses under which an issuer may award credit (designate it) for activities it provides itself.
    public static let awardingStatuses: Set<String> = ["accredited", "provisional", "probation"]
    /// Statuses under which an issuer may also award credit for activities it provides jointly with a
    /// non-accredited organization: a provider on probation may not (DOMAIN.md §5.5, accme.org joint
    /// providership).
    public static let jointProvidingStatuses: Set<String> = ["accredited", "provisional"]

    public init(
        accreditor: String, status: String, validFrom: RegistryDate, validUntil: RegistryDate? = nil,
        creditTypes: [String] = [], mocBoards: [String] = []
    ) {
        self.accreditor = accreditor
        self.status = status
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.creditTypes = creditTypes
        self.mocBoards = mocBoards
    }

    /// Whether the accreditation lets the issuer award credit at `date`, for an activity it provides alone or,
    /// when `jointly`, with a joint provider.
    public func covers(_ date: Date, jointly: Bool = false) -> Bool {
        (jointly ? Self.jointProvidingStatuses : Self.awardingStatuses).contains(status) && validFrom.start <= date
            && (validUntil.map { date <= $0.end } ?? true)
    }
}

/// A body that accredits issuers (ACCME, a state medical society recognized by ACCME, …).
public struct Accreditor: Sendable, Hashable {
    public var id: String
    public var name: String
    /// `national`, `state-recognized`, …
    public var kind: String?
    /// The accreditor that recognizes this one.
    public var recognizedBy: String?

    public init(id: String, name: String, kind: String? = nil, recognizedBy: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.recognizedBy = recognizedBy
    }
}

/// Where an issuer publishes status lists, and how old a list may be before its answer is unknown.
public struct StatusListPolicy: Sendable, Hashable {
    /// Status list credential ids must start with this prefix.
    public var idPrefix: String
    /// A list older than this (from its `validFrom`) is stale.
    public var maxAgeDays: Int

    public init(idPrefix: String, maxAgeDays: Int) {
        self.idPrefix = idPrefix
        self.maxAgeDays = maxAgeDays
    }
}
