extension RDFCanonicalizer {
    /// How much work the N-degree search of RDFC-1.0 may do before canonicalization is abandoned
    /// (RDFC-1.0 §7.1, dataset poisoning).
    ///
    /// Blank nodes with a unique first degree hash cost nothing here. The others are labelled by Hash N-Degree
    /// Quads (§4.8), which recurses and tries every permutation of related blank nodes; a dataset built to be
    /// symmetric, such as a clique of blank nodes, makes that search grow factorially. Each call of Hash
    /// N-Degree Quads and each permutation it examines is one *step*.
    ///
    /// For `n` blank nodes that share a first degree hash with another, the allowance is
    /// `stepsPerBlankNodePair × n²`, capped at `maximumSteps`. Honest symmetric shapes grow quadratically
    /// (a ring of `n` blank nodes linked both ways needs about `10 × n²` steps, the suite's "evil" double
    /// circles of test044–046 about `24 × n²`), while a clique of 5 already needs `180 × n²` and one of 10
    /// (the suite's negative test074) millions of times more.
    public struct WorkLimit: Sendable, Hashable {
        /// Steps allowed per pair of blank nodes that need the N-degree search.
        public var stepsPerBlankNodePair: Int
        /// The most steps allowed for one dataset, however many blank nodes it has.
        public var maximumSteps: Int

        /// Creates a limit.
        public init(stepsPerBlankNodePair: Int, maximumSteps: Int) {
            self.stepsPerBlankNodePair = stepsPerBlankNodePair
            self.maximumSteps = maximumSteps
        }

        /// 32 steps per pair, at most 500,000 steps: every dataset of the W3C test suite passes except the
        /// poison clique, which is rejected after 3,200 steps.
        public static let `default` = WorkLimit(stepsPerBlankNodePair: 32, maximumSteps: 500_000)

        /// No limit: only for trusted input.
        public static let unlimited = WorkLimit(stepsPerBlankNodePair: .max, maximumSteps: .max)
    }
}

/// Counts the steps of the N-degree search against a ``RDFCanonicalizer/WorkLimit``.
struct WorkBudget {
    let limit: RDFCanonicalizer.WorkLimit
    let blankNodes: Int
    private(set) var sharedBlankNodes = 0
    private(set) var allowance = 0
    private(set) var spent = 0

    init(limit: RDFCanonicalizer.WorkLimit, blankNodes: Int) {
        self.limit = limit
        self.blankNodes = blankNodes
    }

    /// Sets the allowance once the number of blank nodes that need the N-degree search is known.
    mutating func start(sharedBlankNodes: Int) {
        self.sharedBlankNodes = sharedBlankNodes
        let (pairs, pairsOverflow) = sharedBlankNodes.multipliedReportingOverflow(by: sharedBlankNodes)
        let (product, overflow) = limit.stepsPerBlankNodePair.multipliedReportingOverflow(by: pairs)
        allowance = min(overflow || pairsOverflow ? .max : product, limit.maximumSteps)
    }

    /// Spends one step, or throws `workLimitExceeded` when the allowance is used up.
    mutating func spend() throws(CredentialError) {
        guard spent < allowance else {
            throw .rdfcWorkLimitExceeded(steps: allowance, symmetric: sharedBlankNodes, of: blankNodes)
        }
        spent += 1
    }
}
