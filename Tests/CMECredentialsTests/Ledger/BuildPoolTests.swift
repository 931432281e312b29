import Dispatch
import Foundation
import Testing
import VerifiableCredentials

@testable import CMECredentials

@Suite("Build pool: a batch's credentials built on dedicated threads")
struct BuildPoolTests {
    static func assignments(_ prefix: String, _ count: Int) -> [StatusAssignment] {
        (0..<count).map { StatusAssignment(credentialID: "\(prefix)-\($0)", allocations: []) }
    }

    static func echo(_ assignments: [StatusAssignment]) -> [Result<[UInt8], CredentialError>] {
        assignments.map { .success(Array($0.credentialID.utf8)) }
    }

    @Test(
        "Every slice gets its own results in order, whatever its size against the task size",
        arguments: [1, 2])
    func slicesInOrder(threads: Int) {
        let pool = BuildPool(threads: threads, build: Self.echo)
        defer { pool.stop() }
        let sizes = [1, BuildPool.taskSize - 1, BuildPool.taskSize, BuildPool.taskSize + 1, 64, 0, 3]
        let slices = sizes.enumerated().map { index, size in Self.assignments("s\(index)", size) }
        let pending = slices.map { pool.start($0) }
        for (slice, build) in zip(slices, pending).reversed() {
            let results = build.results().map { try? $0.get() }
            #expect(results == slice.map { Array($0.credentialID.utf8) })
        }
    }

    @Test("A build that returns the wrong number of results fails its own credentials only")
    func wrongCount() {
        let pool = BuildPool(threads: 2) { assignments in
            assignments.contains { $0.credentialID == "s-5" } ? [] : Self.echo(assignments)
        }
        defer { pool.stop() }
        let slice = Self.assignments("s", 3 * BuildPool.taskSize)
        let results = pool.start(slice).results()
        let failedTask = 5 / BuildPool.taskSize
        for (index, result) in results.enumerated() {
            if index / BuildPool.taskSize == failedTask {
                #expect(throws: CredentialError.self) { try result.get() }
            } else {
                #expect((try? result.get()) == Array("s-\(index)".utf8))
            }
        }
    }

    @Test("The thread waiting for a slice builds queued work itself while the workers are busy")
    func waiterHelps() {
        let started = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        let timedOut = Flag()
        // The only worker takes the first task and blocks until a later task runs, which only the waiting
        // thread can run.
        let pool = BuildPool(threads: 1) { assignments in
            if assignments.contains(where: { $0.credentialID == "s-0" }) {
                started.signal()
                if released.wait(timeout: .now() + 10) == .timedOut { timedOut.set() }
            }
            if assignments.contains(where: { $0.credentialID == "s-\(BuildPool.taskSize)" }) { released.signal() }
            return Self.echo(assignments)
        }
        defer { pool.stop() }
        let slice = Self.assignments("s", 2 * BuildPool.taskSize)
        let first = pool.start(Array(slice.prefix(BuildPool.taskSize)))
        // The worker has taken the first task before the second is queued.
        started.wait()
        let second = pool.start(Array(slice.suffix(BuildPool.taskSize)))
        #expect(second.results().allSatisfy { (try? $0.get()) != nil })
        #expect(first.results().count == BuildPool.taskSize)
        #expect(!timedOut.isSet)
    }
}

/// A flag set from any thread.
private final class Flag: @unchecked Sendable {
    // `@unchecked Sendable` is safe: `value` is read and written only under `lock`.
    private let lock = NSLock()
    private var value = false

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
