import Foundation

/// Each `BitstringStatusListEntry` of the credential: the list credential is found by its id, comes from an
/// allowed prefix, is signed by the same issuer with a registered key, is fresh (within `maxAgeDays` and its
/// own `validUntil`), and the entry's bit is clear. A missing or stale list is **unknown**, never a pass.
public struct StatusPolicy: CredentialPolicy {
    public init() {}

    public func checks(for credential: CredentialUnderVerification, context: VerificationContext) -> [Check] {
        guard let status = credential.json["credentialStatus"] else {
            return [.pass("status", "the credential has no status entry (it cannot be revoked)")]
        }
        return status.asArray.enumerated().map { index, entry in
            check(
                entry, at: credential.pointer + "/credentialStatus" + (status.arrayValue == nil ? "" : "/\(index)"),
                issuerID: credential.issuerID, context: context)
        }
    }

    func check(_ entry: JSONValue, at pointer: String, issuerID: String?, context: VerificationContext) -> Check {
        func fail(_ code: CredentialError.Code, _ message: String) -> Check { .fail("status", code, message) }
        func unknown(_ code: CredentialError.Code, _ message: String) -> Check { .unknown("status", code, message) }
        guard entry["type"]?.asArray.contains(.string(BitstringStatusListEntry.typeName)) == true else {
            return unknown(
                .invalidStatusEntry,
                "\(pointer): status type \(entry["type"].map { JSONSerializer.string($0) } ?? "none") is not supported")
        }
        let parsed: BitstringStatusListEntry
        do {
            parsed = try BitstringStatusListEntry(json: entry, at: pointer)
        } catch {
            return fail(error.code, error.description)
        }
        let listID = parsed.statusListCredential
        let index = parsed.statusListIndex
        let purpose = parsed.statusPurpose.rawValue
        guard let issuerID, let issuer = context.registeredIssuer(issuerID) else {
            return unknown(.issuerNotRegistered, "status of a credential from an unregistered issuer is not checked")
        }
        guard let policy = issuer.statusListPolicy(for: listID) else {
            let prefixes = issuer.statusLists.map(\.idPrefix).joined(separator: ", ")
            return fail(
                .statusListNotAllowed,
                "list \(listID) is not under an allowed prefix of \(issuer.displayName) (\(prefixes.isEmpty ? "none registered" : prefixes))"
            )
        }
        let list: BitstringStatusListCredential
        let verdict = context.statusListVerdicts.verdict(listID: listID, issuerID: issuerID) {
            Self.listVerdict(listID: listID, issuerID: issuerID, maxAgeDays: policy.maxAgeDays, context: context)
        }
        switch verdict {
        case .problem(let check): return check
        case .usable(let decoded): list = decoded
        }
        guard list.serves(parsed.statusPurpose) else {
            return fail(.invalidStatusList, "list \(listID) does not serve the \(purpose) purpose")
        }
        guard list.list.statusSize == parsed.statusSize else {
            return fail(
                .invalidStatusEntry,
                "the entry's statusSize \(parsed.statusSize) differs from the list's \(list.list.statusSize)")
        }
        let value: UInt32
        do {
            value = try list.list.status(at: index)
        } catch {
            return fail(error.code, "list \(listID): \(error.message)")
        }
        let place = "list \(listID), index \(index)"
        switch (purpose, value) {
        case (_, 0): return .pass("status", "\(purpose) bit clear (\(place))")
        case ("revocation", _): return fail(.credentialRevoked, "revoked (\(place))")
        case ("suspension", _): return fail(.credentialSuspended, "suspended (\(place))")
        default: return unknown(.invalidStatusEntry, "\(purpose) status \(value) is not interpreted (\(place))")
        }
    }
}
