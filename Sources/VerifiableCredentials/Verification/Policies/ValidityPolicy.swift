/// `validFrom` and `validUntil` against the verification time.
public struct ValidityPolicy: CredentialPolicy {
    public init() {}

    public func checks(for credential: CredentialUnderVerification, context: VerificationContext) -> [Check] {
        let from = credential.json["validFrom"]?.stringValue.flatMap(DateTimeStamp.init)
        let until = credential.json["validUntil"]?.stringValue.flatMap(DateTimeStamp.init)
        let at = DateTimeStamp(context.now).text
        if let from, context.now < from.date {
            return [.fail("validity", .credentialNotYetValid, "valid from \(from.text), checked at \(at)")]
        }
        if let until, context.now > until.date {
            return [.fail("validity", .credentialExpired, "expired \(until.text), checked at \(at)")]
        }
        return [.pass("validity", "\(from?.text ?? "…") … \(until?.text ?? "no end"), checked at \(at)")]
    }
}
