/// VC 2.0 structure: `type` contains `VerifiableCredential`, an `issuer` (a URL or an object with an `id`),
/// a `credentialSubject` object (or array of objects), and well-formed `validFrom`/`validUntil`.
public struct StructurePolicy: CredentialPolicy {
    public init() {}

    public func checks(for credential: CredentialUnderVerification, context: VerificationContext) -> [Check] {
        [Self.check(credential.json)]
    }

    /// Why `document` should not be signed: its `type` names `VerifiableCredential` but it fails this policy's
    /// check, which every verifier makes (a signer that went on would make a credential no one accepts). `nil`
    /// for a VC 2.0 credential and for any document that does not claim to be one (a presentation, a registry).
    public static func signingProblem(_ document: JSONValue) -> String? {
        guard let object = document.objectValue,
            object["type"]?.asArray.contains(.string("VerifiableCredential")) == true
        else { return nil }
        let structure = check(object)
        return structure.status == .pass ? nil : structure.message
    }

    static func check(_ json: JSONObject) -> Check {
        func fail(_ message: String) -> Check { .fail("structure", .invalidCredential, message) }
        let types = json["type"]?.asArray.compactMap(\.stringValue) ?? []
        guard types.contains("VerifiableCredential") else { return fail("type must contain VerifiableCredential") }
        guard let issuer = CredentialUnderVerification.issuerID(of: json), issuer.contains(":") else {
            return fail("issuer must be a URL or an object whose id is a URL")
        }
        guard CredentialSubjectProblem(of: json) == nil else {
            return fail("credentialSubject must be an object or an array of objects")
        }
        if let id = json["id"], id.stringValue?.contains(":") != true { return fail("id must be a URL") }
        for key in ["validFrom", "validUntil"] {
            if let value = json[key], value.stringValue.flatMap(DateTimeStamp.init) == nil {
                return fail("\(key) must be an XML Schema dateTimeStamp such as 2026-03-02T00:00:00Z")
            }
        }
        if let from = json["validFrom"]?.stringValue.flatMap(DateTimeStamp.init),
            let until = json["validUntil"]?.stringValue.flatMap(DateTimeStamp.init), until < from
        {
            return fail("validUntil is before validFrom")
        }
        return .pass("structure", "VC 2.0 credential: \(types.joined(separator: ", "))")
    }
}
