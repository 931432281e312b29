import Foundation
import Testing
import VerifiableCredentials

/// The concurrent map gives exactly the serial map, whatever the number of runs it hands out.
@Suite("Concurrent map")
struct ConcurrentMapTests {
    @Test("the output is the serial map, in input order", arguments: [nil, 1, 3, 8, 997, 5_000])
    func order(_ slices: Int?) {
        let inputs = Array(0..<997)
        #expect(ConcurrentMap.map(inputs, slices: slices) { $0 * 3 + 1 } == inputs.map { $0 * 3 + 1 })
    }

    @Test("no input, one input")
    func small() {
        #expect(ConcurrentMap.map([Int](), slices: 4) { $0 }.isEmpty)
        #expect(ConcurrentMap.map([7]) { "\($0)" } == ["7"])
    }

    @Test("cores is the machine's active processor count")
    func cores() {
        #expect(ConcurrentMap.cores == max(1, ProcessInfo.processInfo.activeProcessorCount))
    }

    @Test("on a machine with several cores, transforms run at the same time")
    func runsConcurrently() {
        guard ConcurrentMap.cores >= 2 else { return }
        // Each transform waits (up to two seconds) for another one to be running; a serial map would always time out.
        let running = NSCondition()
        nonisolated(unsafe) var active = 0
        nonisolated(unsafe) var peak = 0
        let overlapped = ConcurrentMap.map(Array(0..<4)) { _ -> Bool in
            running.lock()
            active += 1
            peak = max(peak, active)
            running.broadcast()
            let deadline = Date().addingTimeInterval(2)
            while peak < 2, running.wait(until: deadline) {}
            let sawAnother = peak >= 2
            active -= 1
            running.unlock()
            return sawAnother
        }
        #expect(overlapped.contains(true))
        #expect(peak >= 2)
    }
}
