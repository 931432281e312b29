/// The canonicalization state of RDFC-1.0 (§4.2) and the steps of the canonicalization algorithm (§4.4.3)
/// that run on it.
struct CanonicalizationState {
    let dataset: EncodedDataset
    let algorithm: RDFCanonicalizer.HashAlgorithm
    /// The canonical issuer, prefix `c14n`.
    private(set) var canonicalIssuer: IdentifierIssuer
    /// Each blank node's first degree hash (lowercase hex), by number.
    private(set) var firstDegreeHashes: [[UInt8]] = []
    /// Each blank node's rank in code point order of the input labels (for ``Permutations``).
    private(set) var labelRanks: [Int] = []
    var budget: WorkBudget

    init(dataset: EncodedDataset, algorithm: RDFCanonicalizer.HashAlgorithm, limit: RDFCanonicalizer.WorkLimit) {
        self.dataset = dataset
        self.algorithm = algorithm
        self.budget = WorkBudget(limit: limit, blankNodes: dataset.labels.count)
        self.canonicalIssuer = IdentifierIssuer(prefix: "c14n", nodeCount: dataset.labels.count)
    }

    /// Steps 3 to 5 of §4.4.3: issues a canonical identifier to every blank node.
    mutating func issueCanonicalIdentifiers() throws(CredentialError) {
        let nodeCount = dataset.labels.count
        guard nodeCount > 0 else { return }
        // Step 3: first degree hashes, grouped in the hash to blank nodes map (lists in first-mention order).
        firstDegreeHashes.reserveCapacity(nodeCount)
        // A template's dataset may come with the hashes of blank nodes whose lines an earlier dataset had.
        let known = dataset.hints?.knownFirstDegreeHashes(algorithm) ?? []
        for node in 0..<nodeCount {
            firstDegreeHashes.append((node < known.count ? known[node] : nil) ?? hashFirstDegreeQuads(node))
        }
        dataset.hints?.noteFirstDegreeHashes(firstDegreeHashes, known: known, algorithm: algorithm)
        // The hash to blank nodes map, as runs of the blank nodes sorted by hash in code point order (and by
        // number, which is first-mention order, within a hash).
        let byHash = (0..<nodeCount).sorted { lhs, rhs in
            let (left, right) = (firstDegreeHashes[lhs], firstDegreeHashes[rhs])
            if left == right { return lhs < rhs }
            return EncodedDataset.precedes(left, right)
        }

        // Step 4: blank nodes with a unique first degree hash, in code point order of the hashes.
        var shared: [[Int]] = []
        var start = 0
        while start < byHash.count {
            var end = start + 1
            while end < byHash.count && firstDegreeHashes[byHash[end]] == firstDegreeHashes[byHash[start]] { end += 1 }
            if end - start == 1 {
                canonicalIssuer.issue(byHash[start])
            } else {
                shared.append(Array(byHash[start..<end]))
            }
            start = end
        }
        guard !shared.isEmpty else { return }

        // Step 5: the rest, by Hash N-Degree Quads.
        labelRanks = Self.ranks(of: dataset.labels)
        budget.start(sharedBlankNodes: shared.reduce(0) { $0 + $1.count })
        for nodes in shared {
            var hashPathList: [(hash: [UInt8], issuer: IdentifierIssuer)] = []
            for node in nodes where canonicalIssuer.identifier(for: node) == nil {
                var temporaryIssuer = IdentifierIssuer(prefix: "b")
                temporaryIssuer.issue(node)
                hashPathList.append(try hashNDegreeQuads(node, issuer: temporaryIssuer))
            }
            // Step 5.3: in code point order of the hashes; equal hashes keep their order.
            let ordered = hashPathList.enumerated().sorted { lhs, rhs in
                if lhs.element.hash == rhs.element.hash { return lhs.offset < rhs.offset }
                return lhs.element.hash.lexicographicallyPrecedes(rhs.element.hash)
            }
            for result in ordered {
                for existing in result.element.issuer.issuedOrder { canonicalIssuer.issue(existing) }
            }
        }
    }

    /// Hash First Degree Quads (§4.6): the hash of the sorted lines that mention `node`, with `node` written
    /// `_:a` and every other blank node `_:z`.
    func hashFirstDegreeQuads(_ node: Int) -> [UInt8] {
        let quadIndexes = dataset.quadsMentioning[node]
        var lines = LineBuffer(capacity: quadIndexes.count * 200, lines: quadIndexes.count)
        for index in quadIndexes {
            lines.append(tag: index) { bytes in
                dataset.write(dataset.quads[index], to: &bytes) { other, bytes in
                    bytes.append(UInt8(ascii: "_"))
                    bytes.append(UInt8(ascii: ":"))
                    bytes.append(other == node ? UInt8(ascii: "a") : UInt8(ascii: "z"))
                }
            }
        }
        lines.sort()
        var hash = RDFCHash(algorithm)
        lines.forEachLine { line, _ in hash.update(line) }
        return hash.finalizeHex()
    }

    /// Each label's rank among the distinct labels in code point (UTF-8 byte) order.
    private static func ranks(of labels: [String]) -> [Int] {
        let order = labels.indices.sorted { CodeUnitOrder.utf8Precedes(labels[$0], labels[$1]) }
        var ranks = Array(repeating: 0, count: labels.count)
        for (rank, node) in order.enumerated() { ranks[node] = rank }
        return ranks
    }
}
