import Testing
import VerifiableCredentials

@testable import CMECredentials

@Suite("Status positions kept in a credential's ledger row")
struct StatusPositionsTests {
    @Test("positions round-trip in order, a purpose that needs escaping included")
    func roundTrip() throws {
        let positions = [
            StatusAllocation(purpose: .suspension, listNumber: 2, index: 131_071),
            StatusAllocation(purpose: .revocation, listNumber: 1, index: 0),
            StatusAllocation(purpose: StatusPurpose("odd \"purpose\"\\"), listNumber: 7, index: 42),
        ]
        let text = StatusPositions.text(positions)
        #expect(text.hasPrefix(#"[{"purpose":"suspension","list":2,"index":131071},"#))
        #expect(try StatusPositions.parse(text, credentialID: "urn:uuid:x") == positions)
        #expect(StatusPositions.text([]) == "[]")
        #expect(try StatusPositions.parse("[]", credentialID: "urn:uuid:x").isEmpty)
    }

    @Test(
        "text that is not an array of positions is a ledger error naming the credential",
        arguments: [
            "", "{}", "[1]", #"[{"purpose":"revocation","list":1}]"#,
            #"[{"purpose":"revocation","list":0,"index":1}]"#, #"[{"purpose":"revocation","list":1,"index":-1}]"#,
            #"[{"purpose":"revocation","list":1,"index":1.5}]"#, #"[{"purpose":3,"list":1,"index":1}]"#,
        ])
    func rejects(text: String) {
        #expect {
            try StatusPositions.parse(text, credentialID: "urn:uuid:broken")
        } throws: { error in
            let error = error as? CredentialError
            return error?.code == .ledger && error?.message.contains("urn:uuid:broken") == true
        }
    }
}
