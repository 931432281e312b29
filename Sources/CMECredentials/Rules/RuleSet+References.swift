extension RuleSet {
    /// Every reference names an existing requirement or credit group, and kinds fit their references.
    func checkReferences(_ paths: [String: String]) throws(CMEError) {
        for requirement in requirements {
            let path = paths[requirement.id] ?? "/requirements"
            func check(_ id: String, _ member: String) throws(CMEError) {
                guard paths[id] != nil else { throw .rules("no requirement has id \"\(id)\"", at: path + "/" + member) }
                guard id != requirement.id else {
                    throw .rules("a requirement cannot refer to itself", at: path + "/" + member)
                }
            }
            if let credit = requirement.credit, codes(ofGroup: credit) == nil {
                throw .rules("no credit-type group \"\(credit)\" in creditTypes", at: path + "/credit")
            }
            if let parent = requirement.within {
                try check(parent, "within")
                if self.requirement(parent)?.kind != .min {
                    throw .rules("\"within\" must name a min requirement", at: path + "/within")
                }
            }
            for id in requirement.excludeCreditsUsedBy { try check(id, "excludeCreditsUsedBy") }
            if requirement.isCap {
                let targets = requirement.caps ?? totalID.map { [$0] } ?? []
                if targets.isEmpty { throw .rules("a cap needs \"caps\" when the rule set has no total", at: path) }
                for id in targets { try check(id, "caps") }
            }
            if requirement.kind == .percentOfTotal {
                guard let of = requirement.of ?? totalID else {
                    throw .rules("percentOfTotal needs \"of\" when the rule set has no total", at: path)
                }
                try check(of, "of")
            }
        }
    }

    /// Kahn's algorithm over "must be allocated first" edges, ties broken by file order: a `within` parent
    /// before its child, an `excludeCreditsUsedBy` requirement before the one excluding it, a requirement
    /// outside the total before the total, the `of` of a percentage before the percentage.
    static func order(
        _ requirements: [RuleRequirement], totalID: String?, paths: [String: String]
    ) throws(CMEError) -> [String] {
        var before: [String: Set<String>] = [:]
        for requirement in requirements {
            var needs = Set(requirement.excludeCreditsUsedBy)
            if let parent = requirement.within { needs.insert(parent) }
            if requirement.kind == .percentOfTotal, let of = requirement.of ?? totalID { needs.insert(of) }
            if requirement.id == totalID {
                for other in requirements where !other.countsTowardTotal && other.id != requirement.id {
                    needs.insert(other.id)
                }
            }
            before[requirement.id] = needs
        }
        var order: [String] = []
        var done = Set<String>()
        while order.count < requirements.count {
            guard
                let next = requirements.first(where: {
                    !done.contains($0.id) && (before[$0.id] ?? []).isSubset(of: done)
                })
            else {
                let stuck = requirements.first { !done.contains($0.id) }
                throw .rules(
                    "requirements refer to each other in a loop", at: stuck.flatMap { paths[$0.id] } ?? "/requirements")
            }
            order.append(next.id)
            done.insert(next.id)
        }
        return order
    }
}
