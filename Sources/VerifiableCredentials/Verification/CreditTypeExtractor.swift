/// Reads the credit type codes a credential claims (such as `AMA_PRA_CAT1`), so that the verifier can check
/// them against the issuer's accreditation. Injected, so the CME module can supply its typed reading.
public protocol CreditTypeExtractor: Sendable {
    /// The distinct credit type codes the credential claims, in first-seen order.
    func creditTypes(of credential: JSONObject) -> [String]
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
