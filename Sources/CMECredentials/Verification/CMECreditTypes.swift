public import VerifiableCredentials

/// The credit types a CME credential claims: the generic OB 3.0 reading (each result description's credit
/// type) plus what ``CMECredential`` adds to it (``CMECredential/impliedAMACredits(subject:)``: a
/// `CMEAchievement` whose subject states `creditsEarned` claims AMA PRA Category 1 credits). Only those
/// members are read (a verification should not build the whole typed view), for every subject, so a claim
/// either reading sees is checked against the issuer's accreditation.
public struct CMECreditTypes: CreditTypeExtractor {
    public init() {}

    public func creditTypes(of credential: JSONObject) -> [String] {
        var codes = ResultDescriptionCreditTypes().creditTypes(of: credential)
        let ama = CreditType.amaCategory1
        guard !codes.contains(ama) else { return codes }
        let claimsAMA = (credential["credentialSubject"]?.asArray ?? []).contains { subject in
            subject.objectValue.flatMap(CMECredential.impliedAMACredits(subject:)) != nil
        }
        if claimsAMA { codes.append(ama) }
        return codes
    }
}
