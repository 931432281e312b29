import VerifiableCredentials

/// Whether two RDF datasets are equal up to blank node labels (a small backtracking search, for tests).
enum DatasetIsomorphism {
    static func key(_ term: RDFTerm?, _ map: [String: String]) -> String {
        switch term {
        case nil: return ""
        case .iri(let iri): return "<\(iri)>"
        case .blankNode(let label): return "_:" + (map[label] ?? "?\(label)")
        case .literal(let literal):
            return "\"\(literal.value)\"^^\(literal.datatype)@\(literal.language ?? "")"
        }
    }

    static func line(_ quad: RDFQuad, _ map: [String: String]) -> String {
        [quad.subject, quad.predicate, quad.object, quad.graph].map { key($0, map) }.joined(separator: " ")
    }

    static func blankNodes(_ quads: [RDFQuad]) -> [String] {
        var seen: [String] = []
        var set: Set<String> = []
        for quad in quads {
            for term in [quad.subject, quad.predicate, quad.object, quad.graph] {
                if case .blankNode(let label)? = term, set.insert(label).inserted { seen.append(label) }
            }
        }
        return seen
    }

    /// A label-independent signature of each blank node, refined over neighbours a few times.
    static func signatures(_ quads: [RDFQuad]) -> [String: Int] {
        let nodes = blankNodes(quads)
        var signature: [String: Int] = Dictionary(uniqueKeysWithValues: nodes.map { ($0, 0) })
        for _ in 0..<4 {
            var next: [String: [String]] = [:]
            for quad in quads {
                let terms = [quad.subject, quad.predicate, quad.object, quad.graph]
                for (position, term) in terms.enumerated() {
                    guard case .blankNode(let label)? = term else { continue }
                    let description = terms.enumerated().map { index, other -> String in
                        if index == position { return "*" }
                        if case .blankNode(let l)? = other { return "b\(signature[l] ?? 0)" }
                        return key(other, [:])
                    }.joined(separator: " ")
                    next[label, default: []].append(description)
                }
            }
            for node in nodes { signature[node] = (next[node] ?? []).sorted().hashValue }
        }
        return signature
    }

    static func isomorphic(_ a: [RDFQuad], _ b: [RDFQuad]) -> Bool {
        let left = Array(Set(a)), right = Array(Set(b))
        guard left.count == right.count else { return false }
        let leftNodes = blankNodes(left), rightNodes = blankNodes(right)
        guard leftNodes.count == rightNodes.count else { return false }
        let target = Set(right.map { line($0, Dictionary(uniqueKeysWithValues: rightNodes.map { ($0, $0) })) })
        let leftSignatures = signatures(left), rightSignatures = signatures(right)
        var map: [String: String] = [:]
        var used: Set<String> = []
        var budget = 200_000
        func search(_ index: Int) -> Bool {
            budget -= 1
            if budget < 0 { return false }
            if index == leftNodes.count {
                return Set(left.map { line($0, map) }) == target
            }
            let node = leftNodes[index]
            for candidate in rightNodes
            where !used.contains(candidate)
                && leftSignatures[node] == rightSignatures[candidate]
            {
                map[node] = candidate
                used.insert(candidate)
                if search(index + 1) { return true }
                used.remove(candidate)
                map[node] = nil
            }
            return false
        }
        return search(0)
    }
}
