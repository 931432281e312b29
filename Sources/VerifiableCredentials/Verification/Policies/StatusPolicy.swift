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
            check(entry, at: credential.pointer + "/credentialStatus" + (status.arrayValue == nil ? "" : "/\(index)"),
                  issuerID: credential.issuerID, context: context)
        }
    }

    func check(_ entry: JSONValue, at pointer: String, issuerID: String?, context: VerificationContext) -> Check {
        func fail(_ code: CredentialError.Code, _ message: String) -> Check { .fail("status", code, message) }
        func unknown(_ code: CredentialError.Code, _ message: String) -> Check { .unknown("status", code, message) }
        guard entry["type"]?.stringValue == "BitstringStatusListEntry" else {
            return unknown(.statusListInvalid, "\(pointer): status type \(entry["type"].map { JSONSerializer.string($0) } ?? "none") is not supported")
        }
        guard let listID = entry["statusListCredential"]?.stringValue,
            let indexText = entry["statusListIndex"]?.stringValue, let index = Int(indexText), index >= 0,
            let purpose = entry["statusPurpose"]?.stringValue
        else {
            return fail(.statusListInvalid, "\(pointer): a BitstringStatusListEntry needs statusListCredential, statusListIndex (a number as a string) and statusPurpose")
        }
        let size = entry["statusSize"]?.numberValue.map { Int($0) } ?? 1
        guard let issuerID, let issuer = context.registry.issuer(issuerID) else {
            return unknown(.issuerNotRegistered, "status of a credential from an unregistered issuer is not checked")
        }
        guard let policy = issuer.statusListPolicy(for: listID) else {
            let prefixes = issuer.statusLists.map(\.idPrefix).joined(separator: ", ")
            return fail(.statusListNotAllowed, "list \(listID) is not under an allowed prefix of \(issuer.displayName) (\(prefixes.isEmpty ? "none registered" : prefixes))")
        }
        guard let list = context.statusLists.statusListCredential(id: listID), let listObject = list.objectValue else {
            return unknown(.statusListMissing, "status could not be checked: list \(listID) was not found")
        }
        // The list must be signed by the same issuer, with a key registered and valid when it signed.
        let verifier = DataIntegrityVerifier(suites: context.suites, resolver: context.resolver, now: context.now)
        let proofs = verifier.verify(list, expecting: ProofExpectations(proofPurpose: "assertionMethod"))
        let listIssuer = CredentialUnderVerification.issuerID(of: listObject)
        guard listIssuer == issuerID else {
            return fail(.statusListIssuerMismatch, "list \(listID) is issued by \(listIssuer ?? "nobody"), not by \(issuerID)")
        }
        let signature = IssuerSignaturePolicy.checks(proofs: proofs, issuerID: issuerID, registry: context.registry)
        if let problem = signature.firstProblem {
            let code: CredentialError.Code = problem.code == .controllerMismatch ? .statusListIssuerMismatch : (problem.code ?? .statusListInvalid)
            return fail(code, "list \(listID) is not validly signed by \(issuerID): \(problem.message)")
        }
        // Freshness.
        let at = DateTimeStamp(context.now).text
        if let until = listObject["validUntil"]?.stringValue.flatMap(DateTimeStamp.init), context.now > until.date {
            return unknown(.statusListExpired, "status could not be checked: list \(listID) expired \(until.text) (checked at \(at))")
        }
        guard let issued = listObject["validFrom"]?.stringValue.flatMap(DateTimeStamp.init) ?? proofs.proofs.first?.created else {
            return unknown(.statusListStale, "status could not be checked: list \(listID) has no validFrom to judge its age")
        }
        let age = context.now.timeIntervalSince(issued.date)
        if age > Double(policy.maxAgeDays) * 86_400 {
            return unknown(.statusListStale, "status could not be checked: list \(listID) is from \(issued.text), older than \(policy.maxAgeDays) days")
        }
        // The bit.
        let subjects = listObject["credentialSubject"]?.asArray ?? []
        guard let subject = subjects.first(where: { $0["statusPurpose"].map { $0.asArray.contains(.string(purpose)) } ?? false }),
            let encoded = subject["encodedList"]?.stringValue
        else {
            return fail(.statusListInvalid, "list \(listID) has no \(purpose) bitstring")
        }
        let bits: [UInt8]
        do {
            bits = try StatusListBits.decode(encoded)
        } catch {
            return fail(.statusListInvalid, "list \(listID): \(error.message)")
        }
        guard let value = StatusListBits.value(in: bits, index: index, size: size) else {
            return fail(.statusListInvalid, "index \(index) is outside list \(listID) (\(bits.count * 8 / max(size, 1)) entries)")
        }
        let place = "list \(listID), index \(index)"
        switch (purpose, value) {
        case (_, 0): return .pass("status", "\(purpose) bit clear (\(place))")
        case ("revocation", _): return fail(.credentialRevoked, "revoked (\(place))")
        case ("suspension", _): return fail(.credentialSuspended, "suspended (\(place))")
        default: return unknown(.statusListInvalid, "\(purpose) status \(value) is not interpreted (\(place))")
        }
    }
}
