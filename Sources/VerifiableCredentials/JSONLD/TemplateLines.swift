/// The N-Quads lines of a ``DatasetTemplate``'s quads, compiled so that filling in one document's slots is a run
/// of copies: each line is a list of *segments*, each a range of fixed text followed by at most one thing that
/// varies (a slot's bytes, a blank node's gap, or nothing). A document's slot values are rendered once (escaped
/// as a literal's lexical form, or cut after an IRI slot's prefix) before any line is written, and the lines go
/// into one buffer whose size is known in advance.
struct TemplateLines: Sendable {
    /// What follows a segment's text.
    enum Then: UInt8, Sendable {
        /// Nothing: the line goes on with the next segment or ends.
        case nothing
        /// The rendered value of slot `argument`.
        case slot
        /// A gap for blank node `argument`, at `position` (`s`, `o` or `g`).
        case blankNode
        /// Nothing, but the text from `argument` on is the quad's predicate.
        case predicate
    }

    /// Fixed text (``text``) and what follows it.
    struct Segment: Sendable {
        var start: Int
        var end: Int
        var then: Then
        var position: UInt8
        var argument: Int
    }

    /// How a slot's value is rendered.
    struct Slot: Hashable, Sendable {
        var leaf: Int
        /// The UTF-8 bytes cut from the start of an IRI slot's value (its prefix), or `nil` for a literal, whose
        /// value is escaped.
        var skip: Int?
    }

    /// A quad's line: its segments, in ``segments``.
    struct Line: Sendable {
        var segments: Range<Int>
    }

    private(set) var text: [UInt8] = []
    private(set) var segments: [Segment] = []
    private(set) var lines: [Line] = []
    /// The distinct slots the lines hold.
    private(set) var slots: [Slot] = []
    /// How many times each slot occurs in the lines.
    private(set) var slotUses: [Int] = []
    /// The fixed text of all lines together, in bytes.
    private(set) var fixedBytes = 0
    /// How many blank node gaps the lines have.
    private(set) var gapCount = 0
    /// Each IRI slot's leaf and the IRI base written before it (for the well-formedness check of a value).
    private(set) var bases: [Int: String] = [:]
    private var pendingStart = 0

    init(quads: [DatasetTemplate.Quad]) {
        for quad in quads {
            let first = segments.count
            pendingStart = text.count
            append(quad.subject, position: UInt8(ascii: "s"))
            appendText([.space])
            let predicateStart = text.count
            if case .term(let term) = quad.predicate { NQuads.appendTerm(term, to: &text) }
            close(.predicate, argument: predicateStart)
            appendText([.space])
            append(quad.object, position: UInt8(ascii: "o"))
            if let graph = quad.graph {
                appendText([.space])
                append(graph, position: UInt8(ascii: "g"))
            }
            appendText(NQuads.lineEnd)
            close(.nothing)
            lines.append(Line(segments: first..<segments.count))
        }
        fixedBytes = text.count
    }

    /// The leaves the line of quad `index` holds, and its blank nodes, each once.
    func contents(ofLine index: Int) -> (nodes: [Int], leaves: [Int]) {
        var nodes: [Int] = []
        var leaves: [Int] = []
        for segment in segments[lines[index].segments] {
            switch segment.then {
            case .blankNode where !nodes.contains(segment.argument): nodes.append(segment.argument)
            case .slot: leaves.append(slots[segment.argument].leaf)
            default: break
            }
        }
        return (nodes, leaves)
    }

    /// The lines with `values` in their slots: one buffer of every line, one after another, the lines' gaps,
    /// and the lines as quads of an ``EncodedDataset``.
    func fill(values: [JSONValue]) -> (bytes: [UInt8], gaps: [EncodedDataset.Gap], quads: [EncodedDataset.EncodedQuad])
    {
        let rendered = render(values)
        var total = fixedBytes
        for (slot, uses) in slotUses.enumerated() { total += uses * rendered.ranges[slot].count }
        var gaps: [EncodedDataset.Gap] = []
        gaps.reserveCapacity(gapCount)
        var quads: [EncodedDataset.EncodedQuad] = []
        quads.reserveCapacity(lines.count)
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { output, count in
            guard let base = output.baseAddress else { return }
            var at = 0
            text.withUnsafeBufferPointer { text in
                rendered.bytes.withUnsafeBufferPointer { slotBytes in
                    segments.withUnsafeBufferPointer { segments in
                        for line in lines {
                            let start = at
                            let firstGap = gaps.count
                            var predicate = 0..<0
                            for segment in segments[line.segments] {
                                let (from, to) = (segment.start, segment.end)
                                if let source = text.baseAddress, to > from {
                                    (base + at).update(from: source + from, count: to - from)
                                }
                                switch segment.then {
                                case .nothing:
                                    at += to - from
                                case .slot:
                                    at += to - from
                                    let range = rendered.ranges[segment.argument]
                                    if let source = slotBytes.baseAddress, !range.isEmpty {
                                        (base + at).update(from: source + range.lowerBound, count: range.count)
                                    }
                                    at += range.count
                                case .blankNode:
                                    at += to - from
                                    gaps.append(
                                        EncodedDataset.Gap(
                                            offset: at, node: segment.argument, position: segment.position))
                                case .predicate:
                                    predicate = (at + segment.argument - from)..<(at + to - from)
                                    at += to - from
                                }
                            }
                            quads.append(
                                EncodedDataset.EncodedQuad(
                                    template: start..<at, gaps: firstGap..<gaps.count, predicate: predicate))
                        }
                    }
                }
            }
            count = at
        }
        return (bytes, gaps, quads)
    }

    /// Every slot's value rendered as it goes into a line, one after another.
    private func render(_ values: [JSONValue]) -> (bytes: [UInt8], ranges: [Range<Int>]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(slots.count * 48)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(slots.count)
        for slot in slots {
            let start = bytes.count
            if case .string(var value) = values[slot.leaf] {
                if let skip = slot.skip {
                    value.withUTF8 { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0.dropFirst(skip))) }
                } else {
                    NQuads.appendEscaped(value, to: &bytes)
                }
            }
            ranges.append(start..<bytes.count)
        }
        return (bytes, ranges)
    }

    // MARK: - Compiling

    private mutating func appendText(_ bytes: [UInt8]) { text.append(contentsOf: bytes) }

    /// Ends the segment that started at `pendingStart` with `then`.
    private mutating func close(_ then: Then, position: UInt8 = 0, argument: Int = 0) {
        segments.append(
            Segment(start: pendingStart, end: text.count, then: then, position: position, argument: argument))
        pendingStart = text.count
    }

    private mutating func append(_ part: DatasetTemplate.Part, position: UInt8) {
        switch part {
        case .term(.blankNode(let node)):
            close(.blankNode, position: position, argument: node)
            gapCount += 1
        case .term(.term(let term)):
            NQuads.appendTerm(term, to: &text)
        case .literal(let leaf, let datatype, let language):
            // The literal with an empty lexical form is `""` and then its datatype or language.
            var literal = RDFLiteral("")
            (literal.datatype, literal.language) = (datatype, language)
            var bytes: [UInt8] = []
            NQuads.appendLiteral(literal, to: &bytes)
            appendText([UInt8(ascii: "\"")])
            close(.slot, argument: slotNumber(Slot(leaf: leaf, skip: nil)))
            appendText(Array(bytes.dropFirst()))
        case .iri(let leaf, let base, let skip):
            bases[leaf] = base
            appendText([UInt8(ascii: "<")] + Array(base.utf8))
            close(.slot, argument: slotNumber(Slot(leaf: leaf, skip: skip)))
            appendText([UInt8(ascii: ">")])
        }
    }

    /// The number of `slot`, counting one more use of it.
    private mutating func slotNumber(_ slot: Slot) -> Int {
        if let existing = slots.firstIndex(of: slot) {
            slotUses[existing] += 1
            return existing
        }
        slots.append(slot)
        slotUses.append(1)
        return slots.count - 1
    }
}

extension UInt8 {
    fileprivate static let space = UInt8(ascii: " ")
}
