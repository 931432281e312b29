import Testing

@testable import CMECredentials

@Suite("Buffered random words")
struct RandomGeneratorTests {
    /// Words across many 64-word draws: all distinct (a repeated or unfilled buffer would repeat words) and about
    /// half their bits set.
    private func checkWords(_ next: () -> UInt64) {
        let words = (0..<6_400).map { _ in next() }
        #expect(Set(words).count == words.count)
        let ones = words.reduce(0) { $0 + $1.nonzeroBitCount }
        let share = Double(ones) / Double(words.count * 64)
        #expect(share > 0.49 && share < 0.51)
        // No byte position is stuck: every byte of the words takes many values.
        for shift in stride(from: 0, to: 64, by: 8) {
            #expect(Set(words.map { UInt8(truncatingIfNeeded: $0 >> UInt64(shift)) }).count > 200)
        }
    }

    @Test func bufferedWordsAreRandom() {
        var generator = BufferedRandomGenerator()
        checkWords { generator.next() }
    }

    @Test func sharedWordsAreRandomOnEveryThread() async {
        var generator = SharedRandomGenerator()
        checkWords { generator.next() }
        // Two threads drawing at once never receive the same word.
        let drawn = await withTaskGroup(of: [UInt64].self) { group in
            for _ in 0..<2 {
                group.addTask {
                    var generator = SharedRandomGenerator()
                    return (0..<20_000).map { _ in generator.next() }
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(Set(drawn).count == 40_000)
    }

    @Test func twoGeneratorsDiffer() {
        var first = BufferedRandomGenerator()
        var second = BufferedRandomGenerator()
        let a = (0..<64).map { _ in first.next() }
        let b = (0..<64).map { _ in second.next() }
        #expect(Set(a).isDisjoint(with: b))
    }
}
