import Foundation
import VerifiableCredentials

@testable import CMECredentials

/// Ledger credentials built in memory, for the PARS export tests.
enum PARSFixtures {
    static let issuedAt = Date(timeIntervalSince1970: 1_767_225_600)

    /// A complete, acceptable CME + ABIM MOC completion; tweak with `edit`.
    static func credential(
        _ id: String = "urn:uuid:00000000-0000-4000-8000-000000000001", state: CredentialState = .active,
        completion: String = "2026-03-01", credits: JSONValue = ["AMA_PRA_CAT1": 3, "ABIM_MOC": 3],
        edit: (inout LedgerLearner, inout LedgerActivity) -> Void = { _, _ in }
    ) -> LedgerCredential {
        var learner = LedgerLearner(
            givenName: "Maria", familyName: "Gonzalez", npi: "1234567893", licenses: ["CA:A123456"],
            boardIDs: ["ABIM:204518"], dateOfBirth: "04-17", email: "maria@example.org")
        var activity = LedgerActivity(
            id: "2026-017", title: "Safe Opioid Prescribing 2026", format: "course", completionDate: completion,
            parsActivityID: "202603117")
        edit(&learner, &activity)
        return LedgerCredential(
            credentialID: id, activityID: activity.id, learnerKey: "npi:1234567893", recordHash: "h",
            issuedAt: issuedAt,
            credentialBytes: Array("{}".utf8), state: state, replacedBy: nil, statusAllocations: [], learner: learner,
            activity: activity, credits: credits)
    }

    /// The rows of one credential under `mapping`.
    static func rows(_ credential: LedgerCredential, mapping: PARSMapping = .default) -> [PARSRow] {
        PARSRowBuilder(mapping: mapping).rows(for: credential)
    }

    /// The rejection codes of the single row of `credential`.
    static func codes(_ credential: LedgerCredential, mapping: PARSMapping = .default) -> [PARSRejection.Code] {
        let validator = PARSRowValidator(mapping: mapping)
        return rows(credential, mapping: mapping).flatMap { validator.rejections(of: $0).map(\.code) }
    }
}
