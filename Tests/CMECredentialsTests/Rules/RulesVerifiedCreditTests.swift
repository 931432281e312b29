import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

/// `VerifiedCredit` built from issued CME credentials carries their date, credits, topic hours and format.
@Suite("Rules: verified credit from a CME credential")
struct RulesVerifiedCreditTests {
    @Test func summaryFollowsTheCredentialView() throws {
        for json in try CredentialFixtures.exampleCredentials() {
            let view = try CMECredential(json: json)
            let credit = try VerifiedCredit(credential: view, approvals: ["US-PA-DHS"])
            #expect(credit.id == view.id)
            #expect(credit.completionDate.description == view.completionDate)
            #expect(credit.credits == view.credits)
            #expect(credit.topics == view.topicCredits)
            #expect(credit.format == view.format?.rawValue)
            #expect(credit.approvals == ["US-PA-DHS"])
        }
    }

    @Test func malformedCompletionDateIsAnInputError() throws {
        var view = try CMECredential(json: try #require(try CredentialFixtures.exampleCredentials().first))
        view.completionDate = "2026-02-30"
        let error = #expect(throws: CMEError.self) { try VerifiedCredit(credential: view) }
        #expect(error?.code == .invalidEvaluationInput)
    }
}
