/// All permutations of a list, in the order of the Steinhaus–Johnson–Trotter algorithm, starting from the
/// list sorted ascending.
///
/// Hash N-Degree Quads (RDFC-1.0 §4.8.3 step 5.4) keeps the first of several equally short paths, so the
/// order in which permutations are visited decides which of two automorphic blank nodes gets the lower
/// label. The reference implementations all start from the sorted list and step by adjacent swaps of the
/// largest "mobile" element; this type does the same so that issued-identifier maps agree with them.
/// Equal elements share one direction, and an element is mobile only when it is greater than its neighbour.
struct Permutations {
    private var list: [Int]
    private var pointsLeft: [Bool]
    private var done = false

    /// `ranks` are the elements, each the index of its value in the sorted distinct values (0 is smallest), so
    /// every rank from 0 to the largest occurs.
    init(ranks: [Int]) {
        list = ranks.sorted()
        pointsLeft = Array(repeating: true, count: (list.last ?? 0) + 1)
    }

    /// The next permutation, or nil when all were visited.
    mutating func next() -> [Int]? {
        guard !done else { return nil }
        let current = list
        var mobile: Int?
        var position = 0
        for (index, element) in list.enumerated() {
            if let found = mobile, element <= found { continue }
            let isMobile =
                pointsLeft[element]
                ? index > 0 && element > list[index - 1]
                : index < list.count - 1 && element > list[index + 1]
            if isMobile {
                mobile = element
                position = index
            }
        }
        if let mobile {
            list.swapAt(position, pointsLeft[mobile] ? position - 1 : position + 1)
            for rank in (mobile + 1)..<pointsLeft.count { pointsLeft[rank].toggle() }
        } else {
            done = true
        }
        return current
    }
}
