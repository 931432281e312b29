import Dispatch
import Foundation
import VerifiableCredentials

/// Dedicated threads that build (sign) the slices of a batch a few credentials at a time, oldest slice first.
///
/// The thread that waits for a slice (the ledger's, between recording two slices) builds queued credentials
/// itself instead of sleeping, and the workers never wait for a whole slice to be handed out, so every core
/// stays busy for as long as there is anything to sign.
///
/// `@unchecked Sendable` is safe: `tasks`, `head`, `stopping` and every ``PooledBuild``'s slots are read and
/// written only while holding `condition`; `build` is immutable.
final class BuildPool: @unchecked Sendable {
    typealias Build = @Sendable ([StatusAssignment]) -> [Result<[UInt8], CredentialError>]

    /// How many credentials one task builds: enough to make the lock's cost negligible, few enough that the
    /// last task of a slice does not keep the ledger waiting long.
    static let taskSize = 4

    private struct Task {
        let slice: PooledBuild
        let range: Range<Int>
    }

    private let build: Build
    private let condition = NSCondition()
    private var tasks: [Task] = []
    private var head = 0
    private var stopping = false

    /// Starts `threads` workers that call `build` with a few assignments at a time.
    init(threads: Int, build: @escaping Build) {
        self.build = build
        for _ in 0..<max(1, threads) {
            // The thread keeps the pool alive until it exits.
            let thread = Thread { [self] in work() }
            thread.stackSize = 4 << 20
            thread.start()
        }
    }

    /// Queues `assignments` and returns what waits for their results.
    func start(_ assignments: [StatusAssignment]) -> PooledBuild {
        let slice = PooledBuild(assignments, pool: self)
        condition.lock()
        var start = 0
        while start < assignments.count {
            let end = min(start + Self.taskSize, assignments.count)
            tasks.append(Task(slice: slice, range: start..<end))
            start = end
        }
        condition.broadcast()
        condition.unlock()
        return slice
    }

    /// Lets the workers finish what is queued and exit; returns at once. Waiting for them to exit cost the
    /// ledger's thread about 5 ms after every commit (on busy cores, workers woken only to exit are scheduled
    /// late), in which it could have started the next transaction.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for `slice`, building queued tasks (of any slice, oldest first) while it is not done.
    fileprivate func finish(_ slice: PooledBuild) -> [Result<[UInt8], CredentialError>] {
        condition.lock()
        defer { condition.unlock() }
        while slice.remaining > 0 {
            if let task = takeTask() {
                condition.unlock()
                let built = run(task)
                condition.lock()
                deliver(task, built)
            } else {
                condition.wait()
            }
        }
        return slice.slots.map { $0 ?? .failure(CredentialError(.ledger, "a credential of the batch was not built")) }
    }

    private func work() {
        condition.lock()
        defer { condition.unlock() }
        while true {
            guard let task = takeTask() else {
                if stopping { return }
                condition.wait()
                continue
            }
            condition.unlock()
            let built = run(task)
            condition.lock()
            deliver(task, built)
        }
    }

    /// The oldest queued task; call holding `condition`.
    private func takeTask() -> Task? {
        guard head < tasks.count else { return nil }
        let task = tasks[head]
        head += 1
        if head == tasks.count {
            tasks.removeAll(keepingCapacity: true)
            head = 0
        }
        return task
    }

    /// Builds a task; call without holding `condition`.
    private func run(_ task: Task) -> [Result<[UInt8], CredentialError>] {
        let built = build(Array(task.slice.assignments[task.range]))
        guard built.count == task.range.count else {
            let failure = CredentialError(
                .ledger, "the batch build returned \(built.count) of \(task.range.count) results")
            return Array(repeating: .failure(failure), count: task.range.count)
        }
        return built
    }

    /// Stores a task's results in its slice; call holding `condition`.
    private func deliver(_ task: Task, _ built: [Result<[UInt8], CredentialError>]) {
        for (offset, result) in built.enumerated() { task.slice.slots[task.range.lowerBound + offset] = result }
        task.slice.remaining -= task.range.count
        if task.slice.remaining == 0 { condition.broadcast() }
    }
}

/// A slice of a batch being built by a ``BuildPool``.
///
/// `@unchecked Sendable` is safe: `slots` and `remaining` are touched only under the pool's lock.
final class PooledBuild: PendingBuild, @unchecked Sendable {
    let assignments: [StatusAssignment]
    fileprivate var slots: [Result<[UInt8], CredentialError>?]
    fileprivate var remaining: Int
    private let pool: BuildPool

    fileprivate init(_ assignments: [StatusAssignment], pool: BuildPool) {
        self.assignments = assignments
        slots = Array(repeating: nil, count: assignments.count)
        remaining = assignments.count
        self.pool = pool
    }

    func results() -> [Result<[UInt8], CredentialError>] { pool.finish(self) }
}
