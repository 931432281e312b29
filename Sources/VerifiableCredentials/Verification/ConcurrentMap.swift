import Dispatch
import Foundation

/// Maps over inputs on all cores, keeping the input order: verifying many documents is independent work, so a
/// folder of credentials verifies in parallel with `ConcurrentMap.map(paths) { verifier.verify(…) }`.
public enum ConcurrentMap {
    /// The number of cores the work is spread over.
    public static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `inputs.map(transform)`, computed concurrently; the output order is the input order.
    ///
    /// - Parameter slices: how many contiguous runs of inputs are handed out, one at a time, to the cores; by
    ///   default one per input, which suits expensive transforms. Cheap transforms go faster in a few runs per
    ///   core (`cores * 4`), which pay the hand-out cost once per run instead of once per input.
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], slices: Int? = nil, _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let runs = min(inputs.count, max(1, slices ?? inputs.count))
        guard inputs.count > 1, runs > 1 else { return inputs.map(transform) }
        let slots = UnsafeMutableBufferPointer<Output?>.allocate(capacity: inputs.count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        nonisolated(unsafe) let shared = slots
        // Each run writes only its own slots, so the writes never overlap.
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            for index in (inputs.count * run / runs)..<(inputs.count * (run + 1) / runs) {
                shared[index] = transform(inputs[index])
            }
        }
        return slots.compactMap { $0 }
    }
}
