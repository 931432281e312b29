extension RDFCanonicalizer {
    /// How much work the N-degree search of RDFC-1.0 may do before canonicalization is abandoned
    /// (RDFC-1.0 §7.1, dataset poisoning).
    ///
    /// Blank nodes with a unique first degree hash cost nothing here. The others are labelled by Hash N-Degree
    /// Quads (§4.8), which recurses and tries every permutation of related blank nodes; a dataset built to be
    /// symmetric (such as a clique of blank nodes) makes that search grow factorially. Each call of Hash N-Degree
    /// Quads and each permutation it examines is one *step*. The allowance is
    /// `stepsPerBlankNode × (blank nodes that share a first degree hash)`, capped at `maximumSteps`.
    public struct WorkLimit: Sendable, Hashable {
        /// Steps allowed for each blank node that needs the N-degree search.
        public var stepsPerBlankNode: Int
        /// The most steps allowed for one dataset, however many blank nodes it has.
        public var maximumSteps: Int

        /// Creates a limit.
        public init(stepsPerBlankNode: Int, maximumSteps: Int) {
            self.stepsPerBlankNode = stepsPerBlankNode
            self.maximumSteps = maximumSteps
        }

        /// Enough for every dataset of the W3C test suite except its poison clique, which it rejects after
        /// a few hundred steps.
        public static let `default` = WorkLimit(stepsPerBlankNode: 64, maximumSteps: 1_000_000)

        /// No limit: only for trusted input.
        public static let unlimited = WorkLimit(stepsPerBlankNode: .max, maximumSteps: .max)
    }
}

/// Counts the steps of the N-degree search against a ``RDFCanonicalizer/WorkLimit``.
struct WorkBudget {
    let limit: RDFCanonicalizer.WorkLimit
    let blankNodes: Int
    private(set) var allowance = 0
    private(set) var spent = 0

    init(limit: RDFCanonicalizer.WorkLimit, blankNodes: Int) {
        self.limit = limit
        self.blankNodes = blankNodes
    }

    /// Sets the allowance once the number of blank nodes that need the N-degree search is known.
    mutating func start(sharedBlankNodes: Int) {
        let (product, overflow) = limit.stepsPerBlankNode.multipliedReportingOverflow(by: sharedBlankNodes)
        allowance = min(overflow ? .max : product, limit.maximumSteps)
    }

    /// Spends one step, or throws `workLimitExceeded` when the allowance is used up.
    mutating func spend() throws(CredentialError) {
        guard spent < allowance else {
            throw .rdfcWorkLimitExceeded(limit: allowance, blankNodes: blankNodes)
        }
        spent += 1
    }
}
