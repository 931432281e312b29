/// Makes the ``DatasetTemplate`` of a document: which leaves are slots, and the quads with the slots marked.
///
/// Each candidate leaf is replaced by a marker (a random text + its index + `z`, after its IRI prefix for an IRI
/// candidate), the document is expanded and walked to its quads, and a candidate is kept only where its marker
/// came out whole in a place the template allows; otherwise it is tried as a literal, then fixed. Fixing a leaf
/// can change how others are processed (a type picks a context), so the document is run again until a run
/// moves no leaf. The template must then give, for the document itself, the canonical bytes of the long way.
enum DatasetTemplateBuilder {
    /// The marker's text: random per process, so that no context (nor anything else not made here) contains it.
    static let marker = "zslot" + String(UInt64.random(in: 1 << 60..<UInt64.max), radix: 16) + "n"
    private static let rdfType = String.rdfNS + "type"

    private enum Mode: Equatable {
        case fixed
        case literal
        case iri(prefix: String)
    }

    /// What one run found of a leaf's marker.
    private struct Finding {
        var found = false
        var misplaced = false
        /// For an IRI slot: what came before the marker, the same everywhere.
        var base: String?
    }

    /// The template of `document`, whose canonical N-Quads `expected` the long way gave, or `nil` when there is
    /// none (no slot, a leaf that cannot be placed, a node with `@index`, an error).
    static func template(
        for document: JSONValue, shape: DocumentShape, options: JSONLDOptions, expected: [UInt8],
        canonicalizer: RDFCanonicalizer, colonTerms: Set<String>
    ) -> DatasetTemplate? {
        guard !mentionsMarker(document) else { return nil }
        var modes = initialModes(shape: shape, places: DocumentShape.leafPlaces(of: document))
        for _ in 0..<8 {
            guard modes.contains(where: { $0 != .fixed }) else { return nil }
            let sentinel = DocumentShape.replacingLeaves(of: document) { index, value in
                switch modes[index] {
                case .fixed: value
                case .literal: .string(markerText(index))
                case .iri(let prefix): .string(prefix + markerText(index))
                }
            }
            guard let expanded = try? JSONLD.expand(sentinel, options: options),
                let recording = try? ExpandedDatasetEncoder.record(expanded), !recording.hasIndexes
            else { return nil }
            var findings = Array(repeating: Finding(), count: modes.count)
            for quad in recording.quads {
                inspect(quad.subject, asResource: true, modes: modes, findings: &findings)
                inspect(quad.predicate, asResource: false, modes: modes, findings: &findings)
                let typed = quad.predicate.iriValue == rdfType
                inspect(quad.object, asResource: !typed, modes: modes, findings: &findings)
                if let graph = quad.graph { inspect(graph, asResource: true, modes: modes, findings: &findings) }
            }
            var moved = false
            for index in modes.indices where modes[index] != .fixed {
                let finding = findings[index]
                guard !finding.found || finding.misplaced else { continue }
                moved = true
                if case .iri = modes[index] { modes[index] = .literal } else { modes[index] = .fixed }
            }
            if moved { continue }
            let template = DatasetTemplate(
                shape: shape, leaves: leaves(modes: modes, shape: shape),
                quads: recording.quads.map { quad in
                    DatasetTemplate.Quad(
                        subject: part(quad.subject, modes: modes, findings: findings), predicate: quad.predicate,
                        object: part(quad.object, modes: modes, findings: findings),
                        graph: quad.graph.map { part($0, modes: modes, findings: findings) })
                },
                blankNodeLabels: recording.dataset.labels)
            guard let dataset = template.dataset(for: shape, colonTerms: colonTerms),
                let bytes = try? canonicalizer.canonicalNQuadsBytes(encoded: dataset), bytes == expected
            else { return nil }
            return template
        }
        return nil
    }

    private static func markerText(_ index: Int) -> String { "\(marker)\(index)z" }

    /// Strings under `@context`, other scalars, and the values of `type` and of keywords other than `@id` and
    /// `@value` are fixed; a string `scheme:rest` is first tried as an IRI, any other string as a literal.
    private static func initialModes(shape: DocumentShape, places: [(key: String?, inContext: Bool)]) -> [Mode] {
        zip(shape.leaves, places).map { leaf, place in
            guard case .string(let value) = leaf, !place.inContext else { return .fixed }
            if let key = place.key, key.utf8.first == UInt8(ascii: "@") || JSONObject.sameKey(key, "type") {
                guard JSONObject.sameKey(key, "@id") || JSONObject.sameKey(key, "@value") else { return .fixed }
            }
            return iriPrefix(of: value).map { .iri(prefix: $0) } ?? .literal
        }
    }

    /// `scheme:` or `scheme://` when `value` is an absolute IRI with something after that, else `nil`.
    static func iriPrefix(of value: String) -> String? {
        guard let colon = value.compactIRIColon, IRIReference.isAbsolute(value) else { return nil }
        let scheme = value.utf8[..<colon]
        let rest = value.utf8[value.utf8.index(after: colon)...]
        guard !scheme.isEmpty, !rest.isEmpty, String(decoding: scheme, as: UTF8.self) != "_" else { return nil }
        let prefix = String(decoding: scheme, as: UTF8.self) + (rest.starts(with: "//".utf8) ? "://" : ":")
        return DatasetTemplate.fits(value, prefix: prefix) ? prefix : nil
    }

    /// Notes where the markers in `term` are: whole and in their place, or not.
    private static func inspect(
        _ term: EncodedDataset.Term, asResource: Bool, modes: [Mode], findings: inout [Finding]
    ) {
        guard case .term(let rdfTerm) = term else { return }
        switch rdfTerm {
        case .iri(let iri):
            let found = markers(in: iri, limit: modes.count)
            guard !found.isEmpty else { return }
            if asResource, found.count == 1, case .iri = modes[found[0].leaf], found[0].end == iri.utf8.count {
                let base = String(decoding: iri.utf8.prefix(found[0].start), as: UTF8.self)
                if findings[found[0].leaf].base == nil || findings[found[0].leaf].base == base {
                    findings[found[0].leaf].found = true
                    findings[found[0].leaf].base = base
                    return
                }
            }
            for marker in found { findings[marker.leaf].misplaced = true }
        case .literal(let literal):
            let inValue = markers(in: literal.value, limit: modes.count)
            if inValue.count == 1, modes[inValue[0].leaf] == .literal, inValue[0].start == 0,
                inValue[0].end == literal.value.utf8.count
            {
                findings[inValue[0].leaf].found = true
            } else {
                for marker in inValue { findings[marker.leaf].misplaced = true }
            }
            for marker in markers(in: literal.datatype, limit: modes.count)
                + markers(in: literal.language ?? "", limit: modes.count)
            {
                findings[marker.leaf].misplaced = true
            }
        case .blankNode:
            return
        }
    }

    /// The markers in `text` (of leaves of the document, numbered below `limit`), with the UTF-8 offsets where
    /// each starts and ends.
    private static func markers(in text: String, limit: Int = .max) -> [(leaf: Int, start: Int, end: Int)] {
        let bytes = Array(text.utf8)
        let length = marker.utf8.count
        var found: [(leaf: Int, start: Int, end: Int)] = []
        for start in markerStarts(in: bytes) {
            var index = start + length
            var number = 0
            while index < bytes.count, index - start - length < 9, (48...57).contains(bytes[index]) {
                number = number * 10 + Int(bytes[index] - 48)
                index += 1
            }
            if index > start + length, index < bytes.count, bytes[index] == UInt8(ascii: "z"), number < limit {
                found.append((number, start, index + 1))
            }
        }
        return found
    }

    /// The UTF-8 offsets in `bytes` where the marker's text starts.
    private static func markerStarts(in bytes: [UInt8]) -> [Int] {
        let pattern = Array(marker.utf8)
        guard bytes.count >= pattern.count else { return [] }
        return (0...bytes.count - pattern.count).filter { bytes[$0..<$0 + pattern.count].elementsEqual(pattern) }
    }

    private static func part(_ term: EncodedDataset.Term, modes: [Mode], findings: [Finding]) -> DatasetTemplate.Part {
        guard case .term(let rdfTerm) = term else { return .term(term) }
        switch rdfTerm {
        case .iri(let iri):
            guard let marker = markers(in: iri, limit: modes.count).first, case .iri(let prefix) = modes[marker.leaf],
                let base = findings[marker.leaf].base
            else { return .term(term) }
            return .iri(leaf: marker.leaf, base: base, skip: prefix.utf8.count)
        case .literal(let literal):
            guard let marker = markers(in: literal.value, limit: modes.count).first, modes[marker.leaf] == .literal
            else {
                return .term(term)
            }
            return .literal(leaf: marker.leaf, datatype: literal.datatype, language: literal.language)
        case .blankNode:
            return .term(term)
        }
    }

    private static func leaves(modes: [Mode], shape: DocumentShape) -> [DatasetTemplate.Leaf] {
        zip(modes, shape.leaves).map { mode, value in
            switch mode {
            case .fixed: .fixed(value)
            case .literal: .literal
            case .iri(let prefix): .iri(prefix: prefix)
            }
        }
    }

    /// Whether any key or string of `value` contains the marker (then markers could not be told apart).
    private static func mentionsMarker(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let object):
            object.members.contains { contains(marker: $0.key) || mentionsMarker($0.value) }
        case .array(let items):
            items.contains(where: mentionsMarker)
        case .string(let text):
            contains(marker: text)
        default:
            false
        }
    }

    private static func contains(marker text: String) -> Bool { !markerStarts(in: Array(text.utf8)).isEmpty }
}

extension EncodedDataset.Term {
    /// The IRI, when the term is one.
    var iriValue: String? {
        guard case .term(.iri(let iri)) = self else { return nil }
        return iri
    }
}
