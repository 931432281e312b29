import Foundation

/// The ``DatasetTemplate``s made so far, by document shape and options, and what it takes to decide when to make
/// one: a shape seen once is not worth a template (making one runs the document through JSON-LD a few times);
/// after that one is made now and then, more often while the templates of the shape are being used.
final class DatasetTemplateCache: @unchecked Sendable {
    /// The options that change a document's dataset, besides the contexts (which the owning cache holds).
    struct Options: Hashable {
        var base: String?
        var safeMode: Bool
        var processingMode: JSONLDProcessingMode
        var ordered: Bool

        init(_ options: JSONLDOptions) {
            (base, safeMode, processingMode, ordered) =
                (options.base, options.safeMode, options.processingMode, options.ordered)
        }
    }

    private struct ShapeKey: Hashable {
        var hash: Int
        var options: Options
    }

    /// The templates of one shape, grouped by which leaves are fixed, then by the fixed leaves' hash.
    private struct ShapeEntry {
        var groups: [(fixedLeaves: [Int], templates: [Int: [DatasetTemplate]])] = []
        var misses = 0
        var builds = 0
        var hits = 0

        /// How many templates the shape has.
        var count: Int { groups.reduce(0) { $0 + $1.templates.values.reduce(0) { $0 + $1.count } } }
    }

    private let lock = NSLock()
    private var shapes: [ShapeKey: ShapeEntry] = [:]
    /// Every term with a colon that a context processed with the owning cache defined (see ``DatasetTemplate``).
    private var colonTermNames: Set<String> = []
    /// Templates kept in all; beyond, the cache starts over.
    private let limit = 1024
    /// Templates kept per shape; beyond, the shape's oldest group is dropped.
    private let shapeLimit = 64

    /// The dataset of `document` from a template, or `nil` when no template fits.
    func dataset(for document: DocumentShape, options: Options) -> EncodedDataset? {
        let key = ShapeKey(hash: document.hash, options: options)
        lock.lock()
        let groups = shapes[key]?.groups ?? []
        let colonTerms = colonTermNames
        lock.unlock()
        for group in groups {
            let hash = DatasetTemplate.fixedHash(of: document.leaves, at: group.fixedLeaves)
            guard let candidates = group.templates[hash] else { continue }
            for template in candidates where template.matches(document) {
                guard let dataset = template.dataset(for: document, colonTerms: colonTerms) else { return nil }
                lock.lock()
                shapes[key]?.hits += 1
                lock.unlock()
                return dataset
            }
        }
        return nil
    }

    /// Documents with more leaves than a credential many times over get no template (making one runs the
    /// document through JSON-LD several times).
    static let leafLimit = 4096

    /// Counts a document no template fitted; returns whether to make one from it now: at the second such document
    /// of a shape, then once the shape's templates have served eight documents each, or after 64 misses each;
    /// never for a document of more than ``leafLimit`` leaves.
    func shouldBuild(after document: DocumentShape, options: Options) -> Bool {
        guard document.leaves.count <= Self.leafLimit else { return false }
        let key = ShapeKey(hash: document.hash, options: options)
        lock.lock()
        defer { lock.unlock() }
        if shapes[key] == nil, shapes.count >= limit { shapes.removeAll(keepingCapacity: true) }
        var entry = shapes[key] ?? ShapeEntry()
        entry.misses += 1
        let build =
            entry.misses >= 2
            && (entry.builds == 0 || entry.hits >= 8 * entry.builds || entry.misses >= 64 * entry.builds)
        if build { entry.builds += 1 }
        shapes[key] = entry
        return build
    }

    /// How many templates there are.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return templateCount
    }

    /// How many templates there are (the lock held).
    private var templateCount: Int { shapes.values.reduce(0) { $0 + $1.count } }

    /// The colon terms to check IRI slots against.
    var colonTerms: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return colonTermNames
    }

    func store(_ template: DatasetTemplate, options: Options) {
        let key = ShapeKey(hash: template.shape.hash, options: options)
        lock.lock()
        defer { lock.unlock() }
        if templateCount >= limit { shapes.removeAll(keepingCapacity: true) }
        var entry = shapes[key] ?? ShapeEntry()
        if entry.count >= shapeLimit, !entry.groups.isEmpty { entry.groups.removeFirst() }
        if let group = entry.groups.firstIndex(where: { $0.fixedLeaves == template.fixedLeaves }) {
            entry.groups[group].templates[template.fixedHash, default: []].append(template)
        } else {
            entry.groups.append((template.fixedLeaves, [template.fixedHash: [template]]))
        }
        shapes[key] = entry
    }

    /// Notes a term defined by a context (only terms with a colon are kept).
    func noteTerm(_ term: String) {
        guard term.utf8.contains(UInt8(ascii: ":")) else { return }
        lock.lock()
        defer { lock.unlock() }
        colonTermNames.insert(term)
    }

    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        shapes.removeAll()
    }
}
