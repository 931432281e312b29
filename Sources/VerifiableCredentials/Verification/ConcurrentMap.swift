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
        nonisolated(unsafe) let shared = slots
        // The inputs are read in place and the outputs moved out of their slots (an array's element read is a
        // copy, which for a struct of strings retains each one, and releases it after).
        inputs.withUnsafeBufferPointer { inputs in
            nonisolated(unsafe) let inputs = inputs
            // Each run writes only its own slots, so the writes never overlap.
            DispatchQueue.concurrentPerform(iterations: runs) { run in
                for index in (inputs.count * run / runs)..<(inputs.count * (run + 1) / runs) {
                    shared[index] = transform(inputs[index])
                }
            }
        }
        let outputs = [Output](unsafeUninitializedCapacity: slots.count) { outputs, count in
            for index in slots.indices {
                if let output = slots.moveElement(from: index) {
                    outputs.initializeElement(at: count, to: output)
                    count += 1
                }
            }
        }
        slots.deallocate()
        return outputs
    }
}
