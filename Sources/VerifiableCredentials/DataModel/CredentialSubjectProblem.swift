/// What is wrong with a credential's `credentialSubject`, which VC Data Model 2.0 (§4.8) requires: one object, or
/// a non-empty array of objects. The verifier's structure check fails such a credential (``StructurePolicy``), so
/// `cmevc sign` does not sign it and the wallet neither stores nor lists it.
enum CredentialSubjectProblem: Sendable {
    /// There is no `credentialSubject`.
    case missing
    /// There is one, but it is `found` ("null", "a string", "an empty array", "an array holding a number at
    /// index 1") instead of an object or an array of objects.
    case malformed(found: String)

    /// The problem with `credential`'s `credentialSubject`, or `nil` when it is an object or a non-empty array of
    /// objects.
    init?(of credential: JSONObject) {
        guard let subject = credential["credentialSubject"] else {
            self = .missing
            return
        }
        switch subject {
        case .object: return nil
        case .array(let items):
            guard !items.isEmpty else {
                self = .malformed(found: "an empty array")
                return
            }
            guard let index = items.firstIndex(where: { $0.objectValue == nil }) else { return nil }
            self = .malformed(found: "an array holding \(items[index].kindDescription) at index \(index)")
        default:
            self = .malformed(found: subject.kindDescription)
        }
    }

    /// The problem as a clause about a credential that `owner` names ("it", "the enveloped JWT's credential") and
    /// `possessive` owns ("its", "the enveloped JWT's"), writing the member as `member` (quoted or not):
    /// `it has no credentialSubject`, `its credentialSubject is null, expected an object or an array of objects`.
    func clause(owner: String, possessive: String, member: String) -> String {
        switch self {
        case .missing: "\(owner) has no \(member)"
        case .malformed(let found): "\(possessive) \(member) is \(found), expected an object or an array of objects"
        }
    }
}
