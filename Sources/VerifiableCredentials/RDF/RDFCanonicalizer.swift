/// RDF Dataset Canonicalization, RDFC-1.0 (W3C Recommendation, 2024).
///
/// Gives every blank node of a dataset a canonical label `c14n0`, `c14n1`, … that depends only on the
/// dataset's content, and writes the dataset as canonical N-Quads: one quad per line, lines sorted in code
/// point order, duplicates removed. Two isomorphic datasets give the same document, which is what the
/// `*-rdfc-*` Data Integrity cryptosuites hash and sign.
///
/// ```swift
/// let result = try RDFCanonicalizer().canonicalize(nquads: "_:x <http://example.org/p> \"v\" .\n")
/// result.nquads             // "_:c14n0 <http://example.org/p> \"v\" .\n"
/// result.issuedIdentifiers  // ["x": "c14n0"]
/// ```
///
/// Datasets built to make the labelling search explode are rejected with `workLimitExceeded`; see
/// ``WorkLimit``.
public struct RDFCanonicalizer: Sendable {
    /// The hash algorithm RDFC-1.0 uses internally (§3.1). SHA-384 is needed by ecdsa-rdfc-2019 with P-384.
    public enum HashAlgorithm: Sendable, Hashable {
        /// SHA-256, RDFC-1.0's default.
        case sha256
        /// SHA-384.
        case sha384
    }

    /// The outcome of canonicalization.
    public struct Result: Sendable, Hashable {
        /// The canonical N-Quads document: sorted unique lines, each ending with a line feed.
        public var nquads: String
        /// The quads with canonical blank node labels, in the order of the lines of ``nquads``.
        public var quads: [RDFQuad]
        /// The issued identifiers map: each input blank node label (without `_:`) to its canonical label
        /// (`c14nN`, without `_:`).
        public var issuedIdentifiers: [String: String]
    }

    /// The internal hash algorithm.
    public var hashAlgorithm: HashAlgorithm
    /// The limit on the N-degree search.
    public var workLimit: WorkLimit

    /// Creates a canonicalizer; the defaults are RDFC-1.0's SHA-256 and ``WorkLimit/default``.
    public init(hashAlgorithm: HashAlgorithm = .sha256, workLimit: WorkLimit = .default) {
        self.hashAlgorithm = hashAlgorithm
        self.workLimit = workLimit
    }

    /// Canonicalizes a dataset (duplicate quads in the list count once).
    ///
    /// - Throws: ``CredentialError`` with code `workLimitExceeded` when the dataset needs more work than
    ///   ``workLimit`` allows.
    public func canonicalize(_ dataset: RDFDataset) throws(CredentialError) -> Result {
        let encoded = EncodedDataset(dataset, keepingOriginals: true)
        var state = CanonicalizationState(dataset: encoded, algorithm: hashAlgorithm, limit: workLimit)
        try state.issueCanonicalIdentifiers()
        return Self.relabel(encoded, issuer: state.canonicalIssuer)
    }

    /// Parses an N-Quads document and canonicalizes it; the document's blank node labels are the keys of
    /// ``Result/issuedIdentifiers``.
    ///
    /// - Throws: ``CredentialError`` with code `invalidNQuads` for a syntax error, or `workLimitExceeded`.
    public func canonicalize(nquads: String) throws(CredentialError) -> Result {
        try canonicalize(try NQuads.parse(nquads))
    }

    /// The canonical N-Quads document of `dataset` as UTF-8 bytes, ready to hash.
    public func canonicalNQuadsBytes(_ dataset: RDFDataset) throws(CredentialError) -> [UInt8] {
        try canonicalNQuadsBytes(encoded: EncodedDataset(dataset))
    }

    /// The canonical N-Quads document of the JSON-LD `document`'s dataset as UTF-8 bytes: what the `*-rdfc-*`
    /// Data Integrity suites hash. The bytes are those of `canonicalNQuadsBytes(JSONLD.toRDF(document, options:
    /// options))`; without `rdfDirection` and generalized RDF they are made in one walk of the expanded document,
    /// with no list of ``RDFQuad``s in between.
    ///
    /// - Throws: ``CredentialError`` from JSON-LD expansion, or `workLimitExceeded`.
    public func canonicalNQuadsBytes(jsonLD document: JSONValue, options: JSONLDOptions) throws(CredentialError)
        -> [UInt8]
    {
        guard options.rdfDirection == nil, !options.produceGeneralizedRdf else {
            return try canonicalNQuadsBytes(try JSONLD.toRDF(document, options: options))
        }
        guard options.datasetTemplates, options.expandContext == nil,
            let cache = options.contextCache ?? options.documentLoader.contextCache
        else {
            return try canonicalNQuadsBytes(
                encoded: try ExpandedDatasetEncoder.encode(JSONLD.expand(document, options: options)))
        }
        // Documents of one shape that differ only in strings JSON-LD copies share a template (DatasetTemplate).
        let shape = DocumentShape(document)
        let templateOptions = DatasetTemplateCache.Options(options)
        if let dataset = cache.templates.dataset(for: shape, options: templateOptions) {
            return try canonicalNQuadsBytes(encoded: dataset)
        }
        let expanded = try JSONLD.expand(document, options: options)
        let bytes = try canonicalNQuadsBytes(encoded: try ExpandedDatasetEncoder.encode(expanded))
        if cache.templates.shouldBuild(after: shape, options: templateOptions),
            let template = DatasetTemplateBuilder.template(
                for: document, shape: shape, options: options, expected: bytes, canonicalizer: self,
                colonTerms: cache.templates.colonTerms)
        {
            cache.templates.store(template, options: templateOptions)
        }
        return bytes
    }

    func canonicalNQuadsBytes(encoded: EncodedDataset) throws(CredentialError) -> [UInt8] {
        var state = CanonicalizationState(dataset: encoded, algorithm: hashAlgorithm, limit: workLimit)
        try state.issueCanonicalIdentifiers()
        let labels = Self.labels(issuer: state.canonicalIssuer, count: encoded.labels.count)
        let order = encoded.hints?.hints.lineOrder ?? []
        var lines = Self.lines(encoded, labels: labels, order: order)
        let reordered = lines.sortReportingReorder()
        if order.isEmpty, let hints = encoded.hints { hints.hints.noteLineOrder(lines.tags) }
        // Lines written in their sorted order are the document already.
        guard reordered else { return lines.bytes }
        var document: [UInt8] = []
        document.reserveCapacity(lines.bytes.count)
        lines.forEachLine { line, _ in document.append(contentsOf: line) }
        return document
    }

    /// The canonical N-Quads document of `dataset` as UTF-8 bytes, with the default settings.
    public static func canonicalNQuadsBytes(_ dataset: RDFDataset) throws(CredentialError) -> [UInt8] {
        try RDFCanonicalizer().canonicalNQuadsBytes(dataset)
    }

    // MARK: - Step 7: the canonical form

    /// Every blank node's `_:c14nN`, one after another in one buffer, so that writing one is a copy from it.
    private struct Labels {
        var bytes: [UInt8] = []
        /// Each blank node's label in ``bytes``, by number.
        var ranges: [Range<Int>] = []
    }

    /// `_:c14nN` for every blank node, by number.
    private static func labels(issuer: IdentifierIssuer, count: Int) -> Labels {
        var labels = Labels()
        labels.bytes.reserveCapacity(count * 12)
        labels.ranges.reserveCapacity(count)
        for node in 0..<count {
            let start = labels.bytes.count
            // Every blank node is issued an identifier; the fallback only keeps this total.
            issuer.appendLabel(issuer.identifier(for: node) ?? count + node, to: &labels.bytes)
            labels.ranges.append(start..<labels.bytes.count)
        }
        return labels
    }

    /// Each quad's canonical line, tagged with its quad's index, written in `order` (quad indexes) when it lists
    /// every quad, else in the quads' order. The order makes no difference to the result once the lines are
    /// sorted, only to how fast (``DatasetHints``).
    private static func lines(_ encoded: EncodedDataset, labels: Labels, order: [Int]) -> LineBuffer {
        encoded.lines(
            order.count == encoded.quads.count ? order : Array(encoded.quads.indices), labels: labels.bytes,
            labelRanges: labels.ranges)
    }

    private static func relabel(_ encoded: EncodedDataset, issuer: IdentifierIssuer) -> Result {
        let labels = labels(issuer: issuer, count: encoded.labels.count)
        var lines = lines(encoded, labels: labels, order: [])
        lines.sort()
        let canonicalLabels = labels.ranges.map {
            String(decoding: labels.bytes[$0].dropFirst(2), as: UTF8.self)
        }
        var document: [UInt8] = []
        document.reserveCapacity(lines.bytes.count)
        var quads: [RDFQuad] = []
        quads.reserveCapacity(lines.lines.count)
        lines.forEachLine { line, index in
            document.append(contentsOf: line)
            var quad = encoded.originals[index]
            let gaps = encoded.gaps[encoded.quads[index].gaps]
            if !gaps.isEmpty {
                // The gaps are in subject, predicate, object, graph order, like the blank nodes they stand for.
                var next = gaps.makeIterator()
                func canonical(_ term: RDFTerm) -> RDFTerm {
                    guard term.isBlankNode, let gap = next.next() else { return term }
                    return .blankNode(canonicalLabels[gap.node])
                }
                quad.subject = canonical(quad.subject)
                quad.predicate = canonical(quad.predicate)
                quad.object = canonical(quad.object)
                quad.graph = quad.graph.map(canonical)
            }
            quads.append(quad)
        }
        var issued: [String: String] = [:]
        for (node, label) in encoded.labels.enumerated() { issued[label] = canonicalLabels[node] }
        return Result(nquads: String(decoding: document, as: UTF8.self), quads: quads, issuedIdentifiers: issued)
    }
}
