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

    /// A step of writing a quad's line.
    private enum Step: Sendable {
        /// Bytes of ``text``.
        case text(Range<Int>)
        /// The predicate, in ``text``.
        case predicate(Range<Int>)
        case blankNode(Int, position: UInt8)
        /// Leaf `leaf`, escaped as a literal's lexical form.
        case literal(leaf: Int)
        /// Leaf `leaf` without its first `skip` bytes, as the rest of an IRI.
        case iriRest(leaf: Int, skip: Int)
    }

    /// A quad compiled to steps.
    private struct CompiledQuad: Sendable {
        var steps: Range<Int>
        /// The quads before this one that it may coincide with once its slots are filled in.
        var mayEqual: [Int]
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
    private let text: [UInt8]
    private let steps: [Step]
    private let compiled: [CompiledQuad]
    private let iriSlots: [IRISlot]
    /// The blank node to quads map of a dataset that holds all of ``compiled``.
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
        var text: [UInt8] = []
        var steps: [Step] = []
        var compiled: [CompiledQuad] = []
        var bases: [Int: String] = [:]
        for (index, quad) in distinct.enumerated() {
            // A quad's own steps, built apart so that its first text step is never merged into the quad before.
            var own: [Step] = []
            Self.compile(quad.subject, position: UInt8(ascii: "s"), text: &text, steps: &own, bases: &bases)
            Self.appendText([UInt8(ascii: " ")], text: &text, steps: &own)
            let predicateStart = text.count
            if case .term(let term) = quad.predicate { NQuads.appendTerm(term, to: &text) }
            own.append(.predicate(predicateStart..<text.count))
            Self.appendText([UInt8(ascii: " ")], text: &text, steps: &own)
            Self.compile(quad.object, position: UInt8(ascii: "o"), text: &text, steps: &own, bases: &bases)
            if let graph = quad.graph {
                Self.appendText([UInt8(ascii: " ")], text: &text, steps: &own)
                Self.compile(graph, position: UInt8(ascii: "g"), text: &text, steps: &own, bases: &bases)
            }
            Self.appendText(NQuads.lineEnd, text: &text, steps: &own)
            let mayEqual = distinct[..<index].indices.filter { Self.mayCoincide(distinct[$0], quad) }
            compiled.append(CompiledQuad(steps: steps.count..<steps.count + own.count, mayEqual: mayEqual))
            steps.append(contentsOf: own)
        }
        (self.text, self.steps, self.compiled) = (text, steps, compiled)
        (self.quadsMentioning, self.hints) = Self.blankNodeFacts(
            compiled: compiled, steps: steps, blankNodeCount: blankNodeLabels.count)
        self.iriSlots = bases.sorted { $0.key < $1.key }.compactMap { leaf, base in
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
        var dataset = EncodedDataset(
            capacity: compiled.count, bytes: text.count + 64 * steps.count, labels: blankNodeLabels)
        // Each template quad's index in the dataset, or -1 when it coincided with an earlier one.
        var indexes = [Int](repeating: -1, count: compiled.count)
        var coincided = false
        for (number, quad) in compiled.enumerated() {
            let staged = dataset.stage { bytes, gaps in write(quad, values: values, to: &bytes, gaps: &gaps) }
            if quad.mayEqual.contains(where: { indexes[$0] >= 0 && dataset.isSame(staged, asQuad: indexes[$0]) }) {
                dataset.discard(staged)
                coincided = true
            } else {
                indexes[number] = dataset.commitUnmapped(staged)
            }
        }
        if coincided {
            dataset.mapQuadsMentioning()
        } else {
            dataset.setQuadsMentioning(quadsMentioning)
            dataset.hints = DatasetHints.Bound(hints: hints, values: values)
        }
        return dataset
    }

    /// The blank node to quads map of a dataset holding all of `compiled`, and the hints for RDFC-1.0 about such
    /// datasets (``DatasetHints``), which need the leaves each blank node's quads hold.
    private static func blankNodeFacts(compiled: [CompiledQuad], steps: [Step], blankNodeCount: Int) -> (
        [[Int]], DatasetHints
    ) {
        var map = [[Int]](repeating: [], count: blankNodeCount)
        var slotLeaves = [Set<Int>](repeating: [], count: blankNodeCount)
        for (index, quad) in compiled.enumerated() {
            var nodes: [Int] = []
            var leaves: [Int] = []
            for step in steps[quad.steps] {
                switch step {
                case .blankNode(let node, _) where !nodes.contains(node): nodes.append(node)
                case .literal(let leaf), .iriRest(let leaf, _): leaves.append(leaf)
                default: break
                }
            }
            for node in nodes {
                map[node].append(index)
                slotLeaves[node].formUnion(leaves)
            }
        }
        return (map, DatasetHints(slotLeaves: slotLeaves.map { $0.sorted() }))
    }

    /// Writes `quad`'s line with the document's `values` in its slots; returns the predicate's range.
    private func write(
        _ quad: CompiledQuad, values: [JSONValue], to bytes: inout [UInt8], gaps: inout [EncodedDataset.Gap]
    ) -> Range<Int> {
        var predicate = 0..<0
        text.withUnsafeBufferPointer { text in
            steps.withUnsafeBufferPointer { steps in
                for index in quad.steps {
                    write(steps[index], text: text)
                }
            }
        }
        return predicate

        func write(_ step: Step, text: UnsafeBufferPointer<UInt8>) {
            switch step {
            case .text(let range):
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[range]))
            case .predicate(let range):
                predicate = bytes.count..<bytes.count + range.count
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[range]))
            case .blankNode(let node, let position):
                gaps.append(EncodedDataset.Gap(offset: bytes.count, node: node, position: position))
            case .literal(let leaf):
                if case .string(let value) = values[leaf] { NQuads.appendEscaped(value, to: &bytes) }
            case .iriRest(let leaf, let skip):
                guard case .string(var value) = values[leaf] else { return }
                value.withUTF8 { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[skip...])) }
            }
        }
    }

    /// Appends `bytes` to `text` as a text step, or to the text step just before (it ends where `bytes` start).
    private static func appendText(_ bytes: [UInt8], text: inout [UInt8], steps: inout [Step]) {
        let start = text.count
        text.append(contentsOf: bytes)
        if case .text(let previous) = steps.last, previous.upperBound == start {
            steps[steps.count - 1] = .text(previous.lowerBound..<text.count)
        } else {
            steps.append(.text(start..<text.count))
        }
    }

    /// Compiles a term: fixed terms to text, slots to the text around them and the slot.
    private static func compile(
        _ part: Part, position: UInt8, text: inout [UInt8], steps: inout [Step], bases: inout [Int: String]
    ) {
        switch part {
        case .term(.blankNode(let node)):
            steps.append(.blankNode(node, position: position))
        case .term(.term(let term)):
            var bytes: [UInt8] = []
            NQuads.appendTerm(term, to: &bytes)
            appendText(bytes, text: &text, steps: &steps)
        case .literal(let leaf, let datatype, let language):
            // The literal with an empty lexical form is `""` and then its datatype or language.
            var literal = RDFLiteral("")
            (literal.datatype, literal.language) = (datatype, language)
            var bytes: [UInt8] = []
            NQuads.appendLiteral(literal, to: &bytes)
            appendText([UInt8(ascii: "\"")], text: &text, steps: &steps)
            steps.append(.literal(leaf: leaf))
            appendText(Array(bytes.dropFirst()), text: &text, steps: &steps)
        case .iri(let leaf, let base, let skip):
            bases[leaf] = base
            appendText([UInt8(ascii: "<")] + Array(base.utf8), text: &text, steps: &steps)
            steps.append(.iriRest(leaf: leaf, skip: skip))
            appendText([UInt8(ascii: ">")], text: &text, steps: &steps)
        }
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
