import Foundation

/// The VC Data Model 1.1 JWT decoding (§6.3.1): the credential is the `vc` claim (the presentation the `vp`
/// claim), completed from the registered claims, then expressed in the VC 2.0 data model so that the same
/// checks apply to it.
///
/// Claims fill the properties they stand for: `iss` → `issuer` (or `issuer.id`; `holder` for a presentation),
/// `jti` → `id`, `sub` → `credentialSubject.id`, `nbf` → `issuanceDate`, `exp` → `expirationDate` (NumericDates,
/// possibly fractional). A claim and a property that are both present must agree, or a conflict is recorded.
/// Then `issuanceDate` becomes `validFrom`, `expirationDate` becomes `validUntil`, and the VC 1.1 base context
/// `https://www.w3.org/2018/credentials/v1` becomes `https://www.w3.org/ns/credentials/v2`.
enum VC11JWTMapping {
    static let contextV1 = "https://www.w3.org/2018/credentials/v1"
    static let contextV2 = "https://www.w3.org/ns/credentials/v2"

    /// The mapped document and the conflicts between claims and properties.
    static func map(_ claims: JSONObject, presentation: Bool) throws(CredentialError) -> (
        document: JSONObject, conflicts: [CredentialError]
    ) {
        let name = presentation ? "vp" : "vc"
        guard let inner = claims[name]?.objectValue else {
            throw .invalidClaims("the \"\(name)\" claim must be a JSON object")
        }
        var document = inner
        var conflicts: [CredentialError] = []

        if let iss = claims["iss"]?.stringValue {
            if presentation {
                let holder = document["holder"]?.stringValue ?? document["holder"]?["id"]?.stringValue
                if let holder, holder != iss {
                    conflicts.append(.issuerConflict(iss: iss, member: "holder", value: holder))
                } else if holder == nil {
                    document["holder"] = .string(iss)
                }
            } else {
                switch document["issuer"] {
                case .string(let issuer)? where issuer != iss:
                    conflicts.append(.issuerConflict(iss: iss, member: "issuer", value: issuer))
                case .object(var issuer)?:
                    if let id = issuer["id"]?.stringValue {
                        if id != iss { conflicts.append(.issuerConflict(iss: iss, member: "issuer.id", value: id)) }
                    } else {
                        issuer["id"] = .string(iss)
                        document["issuer"] = .object(issuer)
                    }
                case nil: document["issuer"] = .string(iss)
                default: break
                }
            }
        }
        if let jti = claims["jti"]?.stringValue {
            if let id = document["id"]?.stringValue {
                if id != jti {
                    conflicts.append(
                        CredentialError(
                            .jwtIDMismatch, "the JWT's jti \(jti) is not the \(name) claim's id \(id)",
                            location: "jti"))
                }
            } else {
                document["id"] = .string(jti)
            }
        }
        if !presentation, let sub = claims["sub"]?.stringValue {
            switch document["credentialSubject"] {
            case .object(var subject)?:
                if let id = subject["id"]?.stringValue {
                    if id != sub { conflicts.append(subjectConflict(sub, id)) }
                } else {
                    subject["id"] = .string(sub)
                    document["credentialSubject"] = .object(subject)
                }
            case .array(let subjects)?:
                let ids = subjects.compactMap { $0["id"]?.stringValue }
                if !ids.isEmpty, !ids.contains(sub) {
                    conflicts.append(subjectConflict(sub, ids.joined(separator: ", ")))
                }
            default: break
            }
        }
        for (claim, property, code) in [
            ("nbf", "issuanceDate", CredentialError.Code.jwtNotBeforeMismatch),
            ("exp", "expirationDate", .jwtExpirationMismatch),
        ] {
            guard let date = claims[claim].flatMap(NumericDate.date) else { continue }
            if let text = document[property]?.stringValue {
                if let stamp = DateTimeStamp(text), !NumericDate.sameSecond(date, stamp.date) {
                    conflicts.append(
                        CredentialError(
                            code,
                            "the JWT's \(claim) (\(NumericDate.stamp(date))) is not the \(name) claim's \(property) \(text)",
                            location: claim))
                }
            } else if document[property] == nil {
                document[property] = .string(NumericDate.stamp(date))
            }
        }
        // Express the VC 1.1 document in the VC 2.0 data model.
        for (old, new) in [("issuanceDate", "validFrom"), ("expirationDate", "validUntil")] {
            if let value = document[old] {
                if document[new] == nil { document[new] = value }
                document[old] = nil
            }
        }
        if let context = document["@context"] {
            document["@context"] = replacingBaseContext(context)
        }
        return (document, conflicts)
    }

    static func replacingBaseContext(_ context: JSONValue) -> JSONValue {
        switch context {
        case .string(contextV1): .string(contextV2)
        case .array(let entries): .array(entries.map { $0 == .string(contextV1) ? .string(contextV2) : $0 })
        default: context
        }
    }

    static func subjectConflict(_ sub: String, _ ids: String) -> CredentialError {
        CredentialError(
            .jwtSubjectMismatch, "the JWT's sub \(sub) is not the credentialSubject id \(ids)", location: "sub")
    }
}
