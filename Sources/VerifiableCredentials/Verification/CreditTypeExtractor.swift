/// Reads what the accreditation check needs from a credential: the credit type codes it claims (such as
/// `AMA_PRA_CAT1`) and whether its activity was provided jointly. Injected, so the CME module can supply its
/// typed reading.
public protocol CreditTypeExtractor: Sendable {
    /// The distinct credit type codes the credential claims, in first-seen order.
    func creditTypes(of credential: JSONObject) -> [String]
    /// Whether the credential's activity was provided jointly with another organization.
    func isJointlyProvided(_ credential: JSONObject) -> Bool
}

extension CreditTypeExtractor {
    /// The CME reading (DOMAIN.md §1.7): an achievement whose `providership` is `joint` or that names
    /// `jointProviders`.
    public func isJointlyProvided(_ credential: JSONObject) -> Bool {
        for subject in credential["credentialSubject"]?.asArray ?? [] {
            guard let achievement = subject["achievement"] else { continue }
            if achievement["providership"]?.stringValue == "joint" { return true }
            if !(achievement["jointProviders"]?.asArray.isEmpty ?? true) { return true }
        }
        return false
    }
}

/// The generic reading of OB 3.0 CME credentials (DOMAIN §1.6–1.7): for each subject's
/// `achievement.resultDescription[]`, its `creditType`, or else the `targetCode` of an alignment in the
/// `cmevc-credit-types/1` framework. (MOC points are per board and are not credit types.)
public struct ResultDescriptionCreditTypes: CreditTypeExtractor {
    /// The alignment framework that names credit types.
    public static let framework = "cmevc-credit-types/1"

    public init() {}

    public func creditTypes(of credential: JSONObject) -> [String] {
        var codes: [String] = []
        for subject in credential["credentialSubject"]?.asArray ?? [] {
            for description in subject["achievement"]?["resultDescription"]?.asArray ?? [] {
                if let code = description["creditType"]?.stringValue {
                    if !codes.contains(code) { codes.append(code) }
                    continue
                }
                for alignment in description["alignment"]?.asArray ?? []
                where alignment["targetFramework"]?.stringValue == Self.framework {
                    if let code = alignment["targetCode"]?.stringValue, !codes.contains(code) { codes.append(code) }
                }
            }
        }
        return codes
    }
}
