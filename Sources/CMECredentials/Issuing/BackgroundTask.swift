import Dispatch

/// A value computed on a background thread while the caller goes on; ``value()`` waits for it.
///
/// `@unchecked Sendable` is safe: `result` is written once, by the background block, and read only after
/// `done.wait()` has returned, which orders the read after the write.
final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    private let work: @Sendable () -> Value
    private var result: Value?
    private let done = DispatchGroup()

    /// Starts computing `work()` on a background thread.
    init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        DispatchQueue.global().async(group: done) { self.result = work() }
    }

    /// The value, once computed.
    func value() -> Value {
        done.wait()
        // The block has set `result`; computing it again here is only a fallback that never runs.
        return result ?? work()
    }
}
