/// A dataset prepared for RDFC-1.0: blank nodes numbered in order of first mention, each quad serialized
/// once in canonical N-Quads form with gaps where its blank node labels go, duplicates removed, and the
/// blank node to quads map (§4.4.3 step 2) built.
///
/// Every quad's serialized form (its *template*) is a range of one byte buffer, ``bytes``, and its gaps a range
/// of ``gaps``: a dataset of a hundred quads is two growing buffers, not two hundred small arrays.
struct EncodedDataset {
    /// Where a blank node label goes in a quad's template.
    struct Gap {
        /// The index in ``EncodedDataset/bytes`` where `_:label` is inserted.
        var offset: Int
        /// The blank node's number.
        var node: Int
        /// `s`, `p`, `o` or `g`.
        var position: UInt8
    }

    /// One quad: where its canonical line with the blank node labels left out is.
    struct EncodedQuad {
        /// The template, in ``EncodedDataset/bytes``.
        var template: Range<Int>
        /// The gaps, in ``EncodedDataset/gaps``, in the order of their offsets.
        var gaps: Range<Int>
        /// The serialized predicate (`<iri>`), in ``EncodedDataset/bytes``, for Hash Related Blank Node.
        var predicate: Range<Int>
    }

    /// A term of a quad being added: a blank node goes by its number (``addBlankNode(label:)``).
    enum Term: Equatable {
        /// An IRI or a literal (never a blank node).
        case term(RDFTerm)
        case blankNode(Int)
    }

    /// The quads' templates, one after another.
    private(set) var bytes: [UInt8] = []
    /// The quads' gaps, one quad's after another's.
    private(set) var gaps: [Gap] = []
    /// The input's quads without duplicates, in input order.
    private(set) var quads: [EncodedQuad] = []
    /// The input's quads, parallel to ``quads`` (empty unless asked for).
    private(set) var originals: [RDFQuad] = []
    /// Each blank node's label in the input, by number.
    private(set) var labels: [String] = []
    /// The blank node to quads map: for each blank node, the indexes of the quads that mention it.
    private(set) var quadsMentioning: [[Int]] = []
    /// The first quad with each hash (of its template and its gaps' blank nodes), to find a quad added twice.
    private var quadsByHash: [Int: Int] = [:]
    /// Further quads whose hash an earlier, different quad has (practically never: the hash is 64 bits).
    private var sharedHashes: [Int: [Int]] = [:]
    /// What the template that filled the dataset in knows about it (``DatasetHints``), if any.
    var hints: DatasetHints.Bound?

    /// An empty dataset that quads are added to with ``add(subject:predicate:object:graph:)``, with room for
    /// about `capacity` quads.
    init(capacity: Int = 0) {
        quads.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * 160)
        quadsByHash.reserveCapacity(capacity)
    }

    /// Encodes `dataset`; `keepingOriginals` keeps its quads in ``originals`` (only relabelling needs them).
    init(_ dataset: RDFDataset, keepingOriginals: Bool = false) {
        self.init(capacity: dataset.count)
        var numbers: [LabelKey: Int] = [:]
        func term(_ term: RDFTerm) -> Term {
            guard case .blankNode(let label) = term else { return .term(term) }
            if let existing = numbers[LabelKey(label: label)] { return .blankNode(existing) }
            let node = addBlankNode(label: label)
            numbers[LabelKey(label: label)] = node
            return .blankNode(node)
        }
        for quad in dataset {
            let added = add(
                subject: term(quad.subject), predicate: term(quad.predicate), object: term(quad.object),
                graph: quad.graph.map(term))
            if added && keepingOriginals { originals.append(quad) }
        }
    }

    /// Numbers a new blank node; `label` is its label in the input (without `_:`).
    mutating func addBlankNode(label: String) -> Int {
        labels.append(label)
        quadsMentioning.append([])
        return labels.count - 1
    }

    /// Adds the quad unless it is in the dataset already; returns whether it was added.
    @discardableResult
    mutating func add(subject: Term, predicate: Term, object: Term, graph: Term?) -> Bool {
        let start = bytes.count
        let firstGap = gaps.count
        append(subject, position: UInt8(ascii: "s"))
        bytes.append(UInt8(ascii: " "))
        let predicateStart = bytes.count
        append(predicate, position: UInt8(ascii: "p"))
        let predicateRange = predicateStart..<bytes.count
        bytes.append(UInt8(ascii: " "))
        append(object, position: UInt8(ascii: "o"))
        if let graph {
            bytes.append(UInt8(ascii: " "))
            append(graph, position: UInt8(ascii: "g"))
        }
        bytes.append(contentsOf: NQuads.lineEnd)
        let quad = EncodedQuad(template: start..<bytes.count, gaps: firstGap..<gaps.count, predicate: predicateRange)
        // The template and the blank nodes in its gaps identify the quad: the dataset is a set.
        let hash = identityHash(of: quad)
        let index = quads.count
        if let first = quadsByHash[hash] {
            let others = sharedHashes[hash] ?? []
            if isSame(quad, as: quads[first]) || others.contains(where: { isSame(quad, as: quads[$0]) }) {
                bytes.removeSubrange(start...)
                gaps.removeSubrange(firstGap...)
                return false
            }
            sharedHashes[hash, default: []].append(index)
        } else {
            quadsByHash[hash] = index
        }
        noteMentions(of: quad, index: index)
        quads.append(quad)
        return true
    }

    /// Adds quad `index` to the blank node to quads map of each blank node it mentions (step 2.1: a quad is
    /// listed once per blank node, however often the node occurs in it).
    private mutating func noteMentions(of quad: EncodedQuad, index: Int) {
        for gap in gaps[quad.gaps] where quadsMentioning[gap.node].last != index {
            quadsMentioning[gap.node].append(index)
        }
    }

    /// A dataset of quads written elsewhere (by a ``DatasetTemplate``, which knows which of its quads may
    /// coincide): `quads` index into `bytes` and `gaps`, with the blank nodes `labels`. The caller drops quads
    /// that coincide with earlier ones (``isSame(_:as:)``, ``removeQuads(at:)``), then sets or builds the blank
    /// node to quads map (``setQuadsMentioning(_:)``, ``mapQuadsMentioning()``) before the dataset is used.
    init(bytes: [UInt8], gaps: [Gap], quads: [EncodedQuad], labels: [String]) {
        (self.bytes, self.gaps, self.quads, self.labels) = (bytes, gaps, quads, labels)
    }

    /// Sets the blank node to quads map, when the caller knows it (a template whose quads all went in: the map
    /// is the template's own).
    mutating func setQuadsMentioning(_ map: [[Int]]) {
        quadsMentioning = map
    }

    /// Builds the blank node to quads map.
    mutating func mapQuadsMentioning() {
        quadsMentioning = Array(repeating: [], count: labels.count)
        for (index, quad) in quads.enumerated() { noteMentions(of: quad, index: index) }
    }

    /// Drops the quads at `indexes` (their bytes stay in the buffer, unused).
    mutating func removeQuads(at indexes: [Int]) {
        let dropped = Set(indexes)
        quads = quads.indices.filter { !dropped.contains($0) }.map { quads[$0] }
    }

    /// Whether quads `index` and `other` are the same quad.
    func isSame(_ index: Int, as other: Int) -> Bool { isSame(quads[index], as: quads[other]) }

    /// Writes `quad`'s line, asking `label` to append `_:label` for each blank node.
    func write(_ quad: EncodedQuad, to output: inout [UInt8], label: (_ node: Int, _ bytes: inout [UInt8]) -> Void) {
        bytes.withUnsafeBufferPointer { bytes in
            gaps.withUnsafeBufferPointer { gaps in
                var start = quad.template.lowerBound
                for index in quad.gaps {
                    let gap = gaps[index]
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<gap.offset]))
                    label(gap.node, &output)
                    start = gap.offset
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<quad.template.upperBound]))
            }
        }
    }

    /// The lines of the quads at `order` (quad indexes), each blank node written as the bytes of `labels` at
    /// `labelRanges[node]`, one after another in one buffer of exactly their size, tagged with their quad indexes.
    func lines(_ order: [Int], labels: [UInt8], labelRanges: [Range<Int>]) -> LineBuffer {
        var total = 0
        for index in order {
            total += quads[index].template.count
            for gap in gaps[quads[index].gaps] { total += labelRanges[gap.node].count }
        }
        var lines: [(range: Range<Int>, tag: Int)] = []
        lines.reserveCapacity(order.count)
        let output = [UInt8](unsafeUninitializedCapacity: total) { output, count in
            var at = 0
            bytes.withUnsafeBufferPointer { bytes in
                gaps.withUnsafeBufferPointer { gaps in
                    labels.withUnsafeBufferPointer { labels in
                        func copy(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
                            guard let base = output.baseAddress, let from = source.baseAddress, !range.isEmpty else {
                                return
                            }
                            (base + at).update(from: from + range.lowerBound, count: range.count)
                            at += range.count
                        }
                        for index in order {
                            let quad = quads[index]
                            let start = at
                            var from = quad.template.lowerBound
                            for gap in gaps[quad.gaps] {
                                copy(bytes, from..<gap.offset)
                                copy(labels, labelRanges[gap.node])
                                from = gap.offset
                            }
                            copy(bytes, from..<quad.template.upperBound)
                            lines.append((start..<at, index))
                        }
                    }
                }
            }
            count = at
        }
        return LineBuffer(bytes: output, lines: lines)
    }

    private mutating func append(_ term: Term, position: UInt8) {
        switch term {
        case .term(let term):
            NQuads.appendTerm(term, to: &bytes)
        case .blankNode(let node):
            gaps.append(Gap(offset: bytes.count, node: node, position: position))
        }
    }

    private func identityHash(of quad: EncodedQuad) -> Int {
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[quad.template])) }
        for gap in gaps[quad.gaps] { hasher.combine(gap.node) }
        return hasher.finalize()
    }

    /// Whether two quads have the same template and the same blank nodes at the same places.
    private func isSame(_ quad: EncodedQuad, as other: EncodedQuad) -> Bool {
        guard quad.template.count == other.template.count, quad.gaps.count == other.gaps.count else { return false }
        for (gap, otherGap) in zip(gaps[quad.gaps], gaps[other.gaps])
        where gap.node != otherGap.node
            || gap.offset - quad.template.lowerBound != otherGap.offset - other.template.lowerBound
        {
            return false
        }
        return bytes.withUnsafeBufferPointer { buffer in
            CodeUnitOrder.sameBytes(
                UnsafeBufferPointer(rebasing: buffer[quad.template]),
                UnsafeBufferPointer(rebasing: buffer[other.template]))
        }
    }
}

/// A blank node label compared by code units (never by Unicode canonical equivalence, as `String` would).
struct LabelKey: Hashable {
    var label: String

    static func == (lhs: LabelKey, rhs: LabelKey) -> Bool { JSONObject.sameKey(lhs.label, rhs.label) }
    func hash(into hasher: inout Hasher) { JSONObject.hashCodeUnits(of: label, into: &hasher) }
}

extension EncodedDataset {
    /// Whether `lhs` sorts before `rhs` in code point order, which for UTF-8 is byte order (`memcmp`'s: the
    /// lines of a subject share its IRI and often the predicate's, which a byte-at-a-time loop walked through).
    static func precedes(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        lhs.withUnsafeBufferPointer { left in rhs.withUnsafeBufferPointer { CodeUnitOrder.bytesPrecede(left, $0) } }
    }
}
