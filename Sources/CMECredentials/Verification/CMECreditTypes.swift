public import VerifiableCredentials

/// The credit types a CME credential claims, read through ``CMECredential`` and, for credentials that the
/// typed view cannot read, the generic OB 3.0 reading. Both readings are combined, so a claim either one
/// sees is checked against the issuer's accreditation.
public struct CMECreditTypes: CreditTypeExtractor {
    public init() {}

    public func creditTypes(of credential: JSONObject) -> [String] {
        var codes = ResultDescriptionCreditTypes().creditTypes(of: credential)
        if let view = try? CMECredential(json: .object(credential)) {
            for code in view.credits.keys.sorted() where !codes.contains(code) { codes.append(code) }
        }
        return codes
    }
}
