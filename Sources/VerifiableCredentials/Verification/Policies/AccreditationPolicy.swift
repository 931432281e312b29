import Foundation

/// The issuer was accredited (`accredited` or `provisional`, or `probation` for an activity it provided
/// alone) at the credential's `validFrom` (else the proof's `created`) and may award every credit type the
/// credential claims.
public struct AccreditationPolicy: CredentialPolicy {
    public init() {}

    public func checks(for credential: CredentialUnderVerification, context: VerificationContext) -> [Check] {
        guard let issuerID = credential.issuerID, let issuer = context.registeredIssuer(issuerID) else {
            return [
                .fail("accreditation", .issuerNotRegistered, "no accreditation can be found for an unregistered issuer")
            ]
        }
        let dateText = credential.json["validFrom"]?.stringValue
        guard let awarded = dateText.flatMap(DateTimeStamp.init) ?? credential.proofs.proofs.first?.created else {
            return [
                .fail(
                    "accreditation", .invalidCredential,
                    "the credential has no validFrom (or proof created) to judge accreditation at")
            ]
        }
        let jointly = context.creditTypes.isJointlyProvided(credential.json)
        let covering = issuer.accreditations.filter { $0.covers(awarded.date, jointly: jointly) }
        guard !covering.isEmpty else {
            if jointly, issuer.accreditations.contains(where: { $0.covers(awarded.date) }) {
                return [
                    .fail(
                        "accreditation", .issuerNotAccredited,
                        "\(issuer.displayName) was on probation at \(awarded.text): it may award credit for its own activities, not for one provided jointly"
                    )
                ]
            }
            let held = issuer.accreditations.map { "\($0.status) \($0.validFrom.text) … \($0.validUntil?.text ?? "")" }
            return [
                .fail(
                    "accreditation", .issuerNotAccredited,
                    "\(issuer.displayName) was not accredited at \(awarded.text)\(held.isEmpty ? "" : " (registry: \(held.joined(separator: "; ")))")"
                )
            ]
        }
        var checks: [Check] = [
            .pass(
                "accreditation",
                covering.map { "\($0.status) by \($0.accreditor) \($0.validFrom.text) … \($0.validUntil?.text ?? "")" }
                    .joined(separator: "; ")
                    + " at \(awarded.text)")
        ]
        let allowed = Set(covering.flatMap(\.creditTypes))
        let claimed = context.creditTypes.creditTypes(of: credential.json)
        let refused = claimed.filter { !allowed.contains($0) }
        if refused.isEmpty {
            checks.append(
                .pass("creditTypes", claimed.isEmpty ? "no credit types claimed" : claimed.joined(separator: ", ")))
        } else {
            checks.append(
                .fail(
                    "creditTypes", .creditTypeNotAllowed,
                    "\(issuer.displayName) may not award \(refused.joined(separator: ", ")) (allowed: \(allowed.sorted().joined(separator: ", ")))"
                ))
        }
        return checks
    }
}
