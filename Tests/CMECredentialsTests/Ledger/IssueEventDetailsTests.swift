import Foundation
import Testing
import VerifiableCredentials

@testable import CMECredentials

/// An `issue` event's details written directly are exactly the canonical form of the details' JSON (the bytes
/// the audit chain hashes and stores).
@Suite("Issue event details")
struct IssueEventDetailsTests {
    @Test("The same bytes as canonicalizing the details, with and without a replaced credential")
    func sameAsCanonicalized() {
        let texts = ["2026-017", "email:m@example.org", "O\"Brien\\x", "José 🩺", "tab\there", ""]
        let allocations = [
            StatusAllocation(purpose: .revocation, listNumber: 1, index: 43_526),
            StatusAllocation(purpose: .suspension, listNumber: 12, index: 0),
            StatusAllocation(purpose: StatusPurpose("odd \"purpose\"\\"), listNumber: 7, index: 131_071),
        ]
        var cases = 0
        for text in texts {
            for count in 0...allocations.count {
                for replacing in [nil, "urn:uuid:01a20d59-4870-701c-9b77-a51f5f1a9532", text] {
                    let arguments = (
                        activityID: text, learnerKey: "npi:" + text, recordHash: String(repeating: "ab", count: 32),
                        replacing: replacing, allocations: Array(allocations.prefix(count))
                    )
                    let direct = IssueEventDetails.canonical(
                        activityID: arguments.activityID, learnerKey: arguments.learnerKey,
                        recordHash: arguments.recordHash, replacing: arguments.replacing,
                        allocations: arguments.allocations)
                    let built = Self.json(
                        activityID: arguments.activityID, learnerKey: arguments.learnerKey,
                        recordHash: arguments.recordHash, replacing: arguments.replacing,
                        allocations: arguments.allocations)
                    #expect(direct == JSONCanonicalizer.canonicalize(built), "\(text) \(count) \(replacing ?? "-")")
                    cases += 1
                }
            }
        }
        #expect(cases == texts.count * 4 * 3)
    }

    /// The details built as a JSON value, as the ledger built them before they were written directly.
    static func json(
        activityID: String, learnerKey: String, recordHash: String, replacing: String?,
        allocations: [StatusAllocation]
    ) -> JSONValue {
        var details = JSONObject()
        details["activityID"] = .string(activityID)
        details["learnerKey"] = .string(learnerKey)
        details["recordHash"] = .string(recordHash)
        details["status"] = .array(allocations.map(\.json))
        if let replacing { details["replaces"] = .string(replacing) }
        return .object(details)
    }
}
