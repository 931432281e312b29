public import Foundation

/// A credit system a CME record may carry, such as AMA PRA Category 1 or ABIM MOC points.
///
/// The list lives in `Schemas/json-schema/credit-types.json`; ``CMECatalog`` loads it.
public struct CreditType: Sendable, Hashable {
    /// The code used in CSV column names (`credits_<code>`) and credentials, such as `AMA_PRA_CAT1`.
    public var code: String
    /// The display name, such as "AMA PRA Category 1 Credit™".
    public var name: String
    /// What one unit is called ("credit", "MOC point", "contact hour").
    public var unit: String
    /// The increment every amount must be a multiple of (0.25 for AMA credit), or `nil` for any amount.
    public var step: Decimal?
    /// The organization whose credit system this is.
    public var awardingBody: String
    /// Whether an accredited provider awards this credit; `false` for credit a learner claims directly
    /// (AMA PRA Category 2), which never appears in a provider's records.
    public var providerDesignated: Bool

    /// Creates a credit type.
    public init(
        code: String, name: String, unit: String, step: Decimal?, awardingBody: String, providerDesignated: Bool
    ) {
        self.code = code
        self.name = name
        self.unit = unit
        self.step = step
        self.awardingBody = awardingBody
        self.providerDesignated = providerDesignated
    }

    /// The code of AMA PRA Category 1 Credit, the credit `creditsAvailable`/`creditsEarned` carry.
    public static let amaCategory1 = "AMA_PRA_CAT1"
}
