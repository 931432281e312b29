/// The RDF dataset of every JSON-LD document of one shape (``DocumentShape``) that agrees with the template on
/// its *fixed* leaves, with the other leaves (*slots*) put in where they go.
///
/// Credentials from one issuer for one activity differ in a few strings (a learner's name, a salt, a date, an id)
/// that JSON-LD only ever copies: into a literal, or after an IRI's prefix. ``DatasetTemplateBuilder`` finds those
/// leaves by running the document through expansion with each candidate replaced by a marker, and keeps a leaf
/// as a slot only where its marker came out whole, in a place whose processing cannot depend on the text:
/// - a *literal slot* is a string that became a literal's lexical form as it is (value expansion, §5.3.2 of the
///   JSON-LD 1.1 API, never looks into the string, and neither does Object to RDF for a string);
/// - an *IRI slot* is a string `scheme:rest` (or `scheme://rest`) that became a subject, object or graph name
///   ending in its `rest`: IRI expansion of a string with a colon after its first character looks only at the
///   scheme, at whether `rest` starts with `//`, and at whether the whole string is a term, which
///   ``dataset(for:colonTerms:)`` checks against every such term ever defined. Values of `rdf:type` never are slots
///   (their text picks type-scoped contexts).
///
/// Every other leaf must be equal, code unit for code unit, for the template to apply. Two slots that happen to
/// be equal in a document name the same node or the same literal: the node map would merge them, and the
/// dataset, a set, does the same (documents with `@index` on nodes, whose merging can fail, get no template).
final class DatasetTemplate: Sendable {
    /// What a leaf of a matching document must be.
    enum Leaf: Sendable {
        /// Exactly this scalar.
        case fixed(JSONValue)
        /// Any string: it is a literal's lexical form.
        case literal
        /// A string starting with `prefix` (`scheme:` or `scheme://`) and then at least one character (not `//`
        /// after a bare `scheme:`).
        case iri(prefix: String)
    }

    /// A quad's term, as the builder gives it.
    enum Part: Equatable, Sendable {
        case term(EncodedDataset.Term)
        /// A literal whose lexical form is leaf `leaf`.
        case literal(leaf: Int, datatype: String, language: String?)
        /// The IRI `base` followed by leaf `leaf` without its first `skip` UTF-8 bytes (its prefix).
        case iri(leaf: Int, base: String, skip: Int)
    }

    /// A quad as the builder gives it.
    struct Quad: Equatable, Sendable {
        var subject: Part
        var predicate: EncodedDataset.Term
        var object: Part
        var graph: Part?
    }

    /// An IRI slot's leaf, checked once per document: its value must fit `prefix`, and the IRI it makes must be
    /// well-formed (`base` has `baseFragments` `#`s; the rest may add none beyond one in all).
    private struct IRISlot: Sendable {
        var leaf: Int
        var prefix: String
        var baseFragments: Int
    }

    let shape: DocumentShape
    let leaves: [Leaf]
    /// The indexes of the fixed leaves.
    let fixedLeaves: [Int]
    /// The hash of the fixed leaves' values (``fixedHash(of:at:)``).
    let fixedHash: Int
    /// The dataset's blank nodes' labels, by number.
    let blankNodeLabels: [String]
    /// The lines of the distinct quads.
    private let lines: TemplateLines
    /// For each distinct quad, the quads before it that it may coincide with once its slots are filled in.
    private let mayEqual: [[Int]]
    private let iriSlots: [IRISlot]
    /// The blank node to quads map of a dataset that holds all of ``lines``.
    private let quadsMentioning: [[Int]]
    /// What RDFC-1.0 can know of such a dataset before it starts.
    private let hints: DatasetHints

    /// The template of documents of `shape` with these leaves, whose walk adds `quads` (duplicates included) to a
    /// dataset with these blank nodes.
    init(shape: DocumentShape, leaves: [Leaf], quads: [Quad], blankNodeLabels: [String]) {
        self.shape = shape
        self.leaves = leaves
        let fixedLeaves = leaves.indices.filter {
            if case .fixed = leaves[$0] { return true }
            return false
        }
        self.fixedLeaves = fixedLeaves
        self.fixedHash = Self.fixedHash(of: shape.leaves, at: fixedLeaves)
        self.blankNodeLabels = blankNodeLabels
        var distinct: [Quad] = []
        for quad in quads where !distinct.contains(quad) { distinct.append(quad) }
        let lines = TemplateLines(quads: distinct)
        self.lines = lines
        self.mayEqual = distinct.indices.map { index in
            distinct[..<index].indices.filter { Self.mayCoincide(distinct[$0], distinct[index]) }
        }
        (self.quadsMentioning, self.hints) = Self.blankNodeFacts(lines, blankNodeCount: blankNodeLabels.count)
        self.iriSlots = lines.bases.sorted { $0.key < $1.key }.compactMap { leaf, base in
            guard case .iri(let prefix) = leaves[leaf] else { return nil }
            return IRISlot(leaf: leaf, prefix: prefix, baseFragments: base.utf8.count { $0 == UInt8(ascii: "#") })
        }
    }

    /// The hash of `leaves` at `indexes`, consistent with ``DocumentShape/sameLeaf(_:_:)``.
    static func fixedHash(of leaves: [JSONValue], at indexes: [Int]) -> Int {
        var hasher = Hasher()
        for index in indexes { DocumentShape.hashLeaf(leaves[index], into: &hasher) }
        return hasher.finalize()
    }

    /// Whether `document` has the template's shape and fixed leaves.
    func matches(_ document: DocumentShape) -> Bool {
        guard shape.hasSameShape(as: document) else { return false }
        for index in fixedLeaves {
            guard case .fixed(let value) = leaves[index], DocumentShape.sameLeaf(value, document.leaves[index]) else {
                return false
            }
        }
        return true
    }

    /// The dataset of a document that ``matches(_:)``, or `nil` when one of its slots is not what the template
    /// allows there (an IRI slot with another prefix, a string that is a term, a resulting IRI that is not
    /// well-formed): the caller then takes the long way.
    func dataset(for document: DocumentShape, colonTerms: Set<String>) -> EncodedDataset? {
        let values = document.leaves
        for slot in iriSlots {
            guard case .string(var value) = values[slot.leaf], Self.fits(value, prefix: slot.prefix),
                colonTerms.isEmpty || !colonTerms.contains(value)
            else { return nil }
            let skip = slot.prefix.utf8.count
            let fragments = value.withUTF8 { IRIReference.fragmentCount(UnsafeBufferPointer(rebasing: $0[skip...])) }
            guard let fragments, slot.baseFragments + fragments <= 1 else { return nil }
        }
        let filled = lines.fill(values: values)
        var dataset = EncodedDataset(
            bytes: filled.bytes, gaps: filled.gaps, quads: filled.quads, labels: blankNodeLabels)
        // The quads that coincide with an earlier one that is kept (a set holds a quad once).
        var coinciding: [Int] = []
        for (index, candidates) in mayEqual.enumerated() where !candidates.isEmpty {
            if candidates.contains(where: { !coinciding.contains($0) && dataset.isSame(index, as: $0) }) {
                coinciding.append(index)
            }
        }
        if coinciding.isEmpty {
            dataset.setQuadsMentioning(quadsMentioning)
            dataset.hints = DatasetHints.Bound(hints: hints, values: values)
        } else {
            dataset.removeQuads(at: coinciding)
            dataset.mapQuadsMentioning()
        }
        return dataset
    }

    /// The blank node to quads map of a dataset holding all of `lines`, and the hints for RDFC-1.0 about such
    /// datasets (``DatasetHints``), which need the leaves each blank node's quads hold.
    private static func blankNodeFacts(_ lines: TemplateLines, blankNodeCount: Int) -> ([[Int]], DatasetHints) {
        var map = [[Int]](repeating: [], count: blankNodeCount)
        var slotLeaves = [Set<Int>](repeating: [], count: blankNodeCount)
        for index in lines.lines.indices {
            let (nodes, leaves) = lines.contents(ofLine: index)
            for node in nodes {
                map[node].append(index)
                slotLeaves[node].formUnion(leaves)
            }
        }
        return (map, DatasetHints(slotLeaves: slotLeaves.map { $0.sorted() }))
    }

    /// Whether two quads could be the same once their slots are filled in: at each place, equal fixed terms, or
    /// a slot and a term of its kind (an IRI; a literal of its datatype and language).
    private static func mayCoincide(_ a: Quad, _ b: Quad) -> Bool {
        guard a.predicate == b.predicate, mayCoincide(a.subject, b.subject), mayCoincide(a.object, b.object) else {
            return false
        }
        switch (a.graph, b.graph) {
        case (nil, nil): return true
        case (let x?, let y?): return mayCoincide(x, y)
        default: return false
        }
    }

    private static func mayCoincide(_ a: Part, _ b: Part) -> Bool {
        switch (a, b) {
        case (.term(let x), .term(let y)):
            return x == y
        case (.iri, .iri), (.iri, .term(.term(.iri))), (.term(.term(.iri)), .iri):
            return true
        case (.literal(_, let datatype, let language), .literal(_, let otherDatatype, let otherLanguage)):
            return datatype == otherDatatype && language == otherLanguage
        case (.literal(_, let datatype, let language), .term(.term(.literal(let literal)))),
            (.term(.term(.literal(let literal))), .literal(_, let datatype, let language)):
            return literal.datatype == datatype && literal.language == language
        default:
            return false
        }
    }

    /// Whether `value` is `prefix` followed by at least one character, and, after a bare `scheme:`, not by `//`.
    static func fits(_ value: String, prefix: String) -> Bool {
        let bytes = value.utf8
        let prefixBytes = prefix.utf8
        guard bytes.count > prefixBytes.count, bytes.starts(with: prefixBytes) else { return false }
        if prefixBytes.last == UInt8(ascii: "/") { return true }
        return !bytes.dropFirst(prefixBytes.count).starts(with: "//".utf8)
    }
}
