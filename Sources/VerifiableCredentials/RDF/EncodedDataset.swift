/// A dataset prepared for RDFC-1.0: blank nodes numbered in order of first mention, each quad serialized
/// once in canonical N-Quads form with gaps where its blank node labels go, duplicates removed, and the
/// blank node to quads map (§4.4.3 step 2) built.
struct EncodedDataset {
    /// Where a blank node label goes in a quad's ``EncodedQuad/template``.
    struct Gap {
        /// The byte offset in the template where `_:label` is inserted.
        var offset: Int
        /// The blank node's number.
        var node: Int
        /// `s`, `p`, `o` or `g`.
        var position: UInt8
    }

    /// One quad: its canonical line with the blank node labels left out.
    struct EncodedQuad {
        var template: [UInt8]
        var gaps: [Gap]
        /// Where the serialized predicate (`<iri>`) is in ``template``, for Hash Related Blank Node.
        var predicate: Range<Int>

        /// Writes the quad's line, asking `label` to append `_:label` for each blank node.
        func write(to bytes: inout [UInt8], label: (_ node: Int, _ bytes: inout [UInt8]) -> Void) {
            var start = 0
            for gap in gaps {
                bytes.append(contentsOf: template[start..<gap.offset])
                label(gap.node, &bytes)
                start = gap.offset
            }
            bytes.append(contentsOf: template[start...])
        }
    }

    /// The input's quads without duplicates, in input order.
    private(set) var quads: [EncodedQuad] = []
    /// The input's quads, parallel to ``quads`` (empty unless asked for).
    private(set) var originals: [RDFQuad] = []
    /// Each blank node's label in the input, by number.
    private(set) var labels: [String] = []
    /// The blank node to quads map: for each blank node, the indexes of the quads that mention it.
    private(set) var quadsMentioning: [[Int]] = []
    /// The quads added so far, to leave out a quad added twice: the dataset is a set.
    private var seen: Set<QuadKey> = []

    /// An empty dataset that quads are added to with ``add(subject:predicate:object:graph:)``, with room for
    /// about `capacity` quads.
    init(capacity: Int = 0) {
        seen.reserveCapacity(capacity)
        quads.reserveCapacity(capacity)
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

    /// A term of a quad being added: a blank node goes by its number (``addBlankNode(label:)``).
    enum Term {
        case term(RDFTerm)
        case blankNode(Int)
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
        var encoded = EncodedQuad(template: [], gaps: [], predicate: 0..<0)
        // Two IRIs and a typed literal are often over 160 bytes; growing the template copied it.
        encoded.template.reserveCapacity(320)
        Self.append(subject, position: "s", to: &encoded)
        encoded.template.append(UInt8(ascii: " "))
        let predicateStart = encoded.template.count
        Self.append(predicate, position: "p", to: &encoded)
        encoded.predicate = predicateStart..<encoded.template.count
        encoded.template.append(UInt8(ascii: " "))
        Self.append(object, position: "o", to: &encoded)
        if let graph {
            encoded.template.append(UInt8(ascii: " "))
            Self.append(graph, position: "g", to: &encoded)
        }
        encoded.template.append(contentsOf: NQuads.lineEnd)
        // The template and the blank nodes in its gaps identify the quad.
        guard seen.insert(QuadKey(template: encoded.template, gaps: encoded.gaps)).inserted else { return false }
        let index = quads.count
        for gap in encoded.gaps {
            // Step 2.1: a quad is listed once per blank node, however often the node occurs in it.
            if quadsMentioning[gap.node].last != index { quadsMentioning[gap.node].append(index) }
        }
        quads.append(encoded)
        return true
    }

    private static func append(_ term: Term, position: Character, to encoded: inout EncodedQuad) {
        switch term {
        case .term(let term):
            NQuads.appendTerm(term, to: &encoded.template)
        case .blankNode(let node):
            let positionByte = position.asciiValue ?? 0
            encoded.gaps.append(Gap(offset: encoded.template.count, node: node, position: positionByte))
        }
    }
}

/// A blank node label compared by code units (never by Unicode canonical equivalence, as `String` would).
struct LabelKey: Hashable {
    var label: String

    static func == (lhs: LabelKey, rhs: LabelKey) -> Bool { JSONObject.sameKey(lhs.label, rhs.label) }
    func hash(into hasher: inout Hasher) { JSONObject.hashCodeUnits(of: label, into: &hasher) }
}

/// A quad's identity for removing duplicates: its template and the blank nodes in its gaps, hashed in bulk.
private struct QuadKey: Hashable {
    var template: [UInt8]
    var gaps: [EncodedDataset.Gap]

    static func == (lhs: QuadKey, rhs: QuadKey) -> Bool {
        lhs.template == rhs.template
            && lhs.gaps.elementsEqual(rhs.gaps) { $0.node == $1.node && $0.offset == $1.offset }
    }

    func hash(into hasher: inout Hasher) {
        template.withUnsafeBytes { hasher.combine(bytes: $0) }
        for gap in gaps { hasher.combine(gap.node) }
    }
}

extension EncodedDataset {
    /// Whether `lhs` sorts before `rhs` in code point order, which for UTF-8 is byte order (`memcmp`'s: the
    /// lines of a subject share its IRI and often the predicate's, which a byte-at-a-time loop walked through).
    static func precedes(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        lhs.withUnsafeBufferPointer { left in rhs.withUnsafeBufferPointer { CodeUnitOrder.bytesPrecede(left, $0) } }
    }
}
