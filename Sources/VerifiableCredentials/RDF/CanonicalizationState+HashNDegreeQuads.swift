extension CanonicalizationState {
    /// Hash Related Blank Node (§4.7): the hash of `position`, the quad's predicate (unless `position` is
    /// `g`) and `related`'s canonical or temporary identifier, or else its first degree hash.
    func hashRelatedBlankNode(
        _ related: Int, quad: EncodedDataset.EncodedQuad, issuer: IdentifierIssuer, position: UInt8
    ) -> [UInt8] {
        var input: [UInt8] = [position]
        if position != UInt8(ascii: "g") { input.append(contentsOf: dataset.bytes[quad.predicate]) }
        if let canonical = canonicalIssuer.identifier(for: related) {
            canonicalIssuer.appendLabel(canonical, to: &input)
        } else if let temporary = issuer.identifier(for: related) {
            issuer.appendLabel(temporary, to: &input)
        } else {
            input.append(contentsOf: firstDegreeHashes[related])
        }
        return RDFCHash.hex(of: input, using: algorithm)
    }

    /// Hash N-Degree Quads (§4.8.3): the hash of the shortest gossip path from `node`, and the temporary
    /// issuer that labelled the blank nodes along it.
    mutating func hashNDegreeQuads(
        _ node: Int, issuer startIssuer: IdentifierIssuer
    ) throws(CredentialError) -> (hash: [UInt8], issuer: IdentifierIssuer) {
        try budget.spend()
        var issuer = startIssuer
        // Steps 1 to 3: related blank nodes grouped by their related hash (H_n).
        var relatedByHash: [[UInt8]: [Int]] = [:]
        for quadIndex in dataset.quadsMentioning[node] {
            let quad = dataset.quads[quadIndex]
            for gap in dataset.gaps[quad.gaps] where gap.node != node && gap.position != UInt8(ascii: "p") {
                let hash = hashRelatedBlankNode(gap.node, quad: quad, issuer: issuer, position: gap.position)
                relatedByHash[hash, default: []].append(gap.node)
            }
        }

        // Steps 4 and 5, in code point order of the related hashes.
        var dataToHash = RDFCHash(algorithm)
        for relatedHash in relatedByHash.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            guard let blankNodes = relatedByHash[relatedHash] else { continue }
            dataToHash.update(relatedHash)
            var chosenPath: [UInt8] = []
            var chosenIssuer: IdentifierIssuer?
            let distinct = Array(Set(blankNodes)).sorted { labelRanks[$0] < labelRanks[$1] }
            let localRank = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
            var permutations = Permutations(ranks: blankNodes.map { localRank[$0] ?? 0 })
            permutation: while let ranks = permutations.next() {
                try budget.spend()
                var issuerCopy = issuer
                var path: [UInt8] = []
                var recursionList: [Int] = []
                for related in ranks.map({ distinct[$0] }) {
                    if let canonical = canonicalIssuer.identifier(for: related) {
                        canonicalIssuer.appendLabel(canonical, to: &path)
                    } else {
                        if issuerCopy.identifier(for: related) == nil { recursionList.append(related) }
                        issuerCopy.appendLabel(issuerCopy.issue(related), to: &path)
                    }
                    if Self.isWorse(path, than: chosenPath) { continue permutation }
                }
                for related in recursionList {
                    let result = try hashNDegreeQuads(related, issuer: issuerCopy)
                    issuerCopy.appendLabel(issuerCopy.issue(related), to: &path)
                    path.append(UInt8(ascii: "<"))
                    path.append(contentsOf: result.hash)
                    path.append(UInt8(ascii: ">"))
                    issuerCopy = result.issuer
                    if Self.isWorse(path, than: chosenPath) { continue permutation }
                }
                if chosenIssuer == nil || path.lexicographicallyPrecedes(chosenPath) {
                    chosenPath = path
                    chosenIssuer = issuerCopy
                }
            }
            dataToHash.update(chosenPath)
            if let chosenIssuer { issuer = chosenIssuer }
        }
        return (dataToHash.finalizeHex(), issuer)
    }

    /// Steps 5.4.4.3 and 5.4.5.5: a partial path can be abandoned when it is at least as long as the chosen
    /// path and sorts after it.
    private static func isWorse(_ path: [UInt8], than chosenPath: [UInt8]) -> Bool {
        !chosenPath.isEmpty && path.count >= chosenPath.count && chosenPath.lexicographicallyPrecedes(path)
    }
}
