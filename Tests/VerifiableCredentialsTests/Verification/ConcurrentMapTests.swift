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
        #expect(ConcurrentMap.cores >= 1)
    }
}
