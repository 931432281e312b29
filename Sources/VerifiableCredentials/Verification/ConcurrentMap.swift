import Dispatch

/// Maps over inputs on all cores, keeping the input order: verifying many documents is independent work, so a
/// folder of credentials verifies in parallel with `ConcurrentMap.map(paths) { verifier.verify(…) }`.
public enum ConcurrentMap {
    /// `inputs.map(transform)`, computed concurrently; the output order is the input order.
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        guard inputs.count > 1 else { return inputs.map(transform) }
        let slots = UnsafeMutableBufferPointer<Output?>.allocate(capacity: inputs.count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        nonisolated(unsafe) let shared = slots
        // Each iteration writes only its own slot, so the writes never overlap.
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            shared[index] = transform(inputs[index])
        }
        return slots.compactMap { $0 }
    }
}
