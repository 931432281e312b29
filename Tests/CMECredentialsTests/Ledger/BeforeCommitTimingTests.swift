import Foundation
import Testing
import VerifiableCredentials

@testable import CMECredentials

@Suite("Issuer ledger: a batch hands its idle stretch to other work")
struct BeforeCommitTimingTests {
    /// Starts builds that run only when their results are asked for, counting both.
    final class CountingBuilds: @unchecked Sendable {
        // `@unchecked Sendable` is safe: used from the test's thread only (the ledger calls back on it).
        var started = 0
        var collected = 0

        func start(_ assignments: [StatusAssignment]) -> any PendingBuild {
            started += assignments.count
            return Build(assignments: assignments, owner: self)
        }

        struct Build: PendingBuild {
            let assignments: [StatusAssignment]
            let owner: CountingBuilds

            func results() -> [Result<[UInt8], CredentialError>] {
                owner.collected += 1
                return assignments.map { .success(LedgerFixture.fakeCredential($0)) }
            }
        }
    }

    @Test("beforeCommit runs as soon as the last build is queued, before the built credentials are recorded")
    func runsWhenLastBuildIsQueued() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger(listSize: 1_024)
        let observer = try fixture.ledger(listSize: 1_024)
        // Three slices: all of them are in flight at once, so none is recorded when the last one is queued.
        let count = 2 * IssuerLedger.buildSliceSize + 5
        #expect(IssuerLedger.slicesInFlight >= 3)
        let requests = (0..<count).map { LedgerIssueRequest(LedgerFixture.pending(learner: $0)) }
        let builds = CountingBuilds()
        var seen: [(started: Int, collected: Int, committed: Int)] = []
        let results = try ledger.issue(
            requests, atomically: false,
            beforeCommit: {
                seen.append((builds.started, builds.collected, (try? observer.credentialCount()) ?? -1))
            },
            startBuild: builds.start)
        #expect(seen.count == 1)
        #expect(seen.first?.started == count)
        #expect(seen.first?.collected == 0)
        #expect(seen.first?.committed == 0)
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        #expect(try observer.credentialCount() == count)
    }

    @Test("An empty batch still runs beforeCommit once")
    func emptyBatch() throws {
        let fixture = try LedgerFixture()
        let ledger = try fixture.ledger()
        var calls = 0
        let results = try ledger.issue([], beforeCommit: { calls += 1 }) { _ in [] }
        #expect(results.isEmpty)
        #expect(calls == 1)
    }
}
