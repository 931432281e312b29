import Foundation

/// What a ``DatasetTemplate`` learns about the datasets it fills in, for RDFC-1.0 to use on the next one:
/// - each blank node's first degree hash (§4.6) with the values of the slots its quads hold: the lines of those
///   quads (the node written `_:a`, every other `_:z`) are the template's fixed text and those values, so a later
///   dataset with the same values there has the same hash (the credentials of one activity share its
///   achievement's alignments, result descriptions and criteria);
/// - an order of the quads whose canonical lines came out sorted for an earlier dataset: lines written in that
///   order are nearly sorted, which the sort (a merge sort that finds sorted runs) goes through in far fewer
///   comparisons. The canonical form is the same from any order: the lines are distinct.
///
/// A template gives a dataset hints only when the dataset holds exactly the template's quads, none coinciding.
final class DatasetHints: @unchecked Sendable {
    /// A blank node's first degree hash and the values it was computed with.
    private struct Entry {
        var values: [JSONValue]
        var hash: [UInt8]
        /// Datasets since the hash last matched (an entry that keeps missing is replaced).
        var misses: Int
    }

    /// The hints for one dataset: the template's hints and the document's leaves.
    struct Bound {
        let hints: DatasetHints
        let values: [JSONValue]
    }

    /// For each blank node, the leaves whose values its quads' lines hold.
    private let slotLeaves: [[Int]]
    private let lock = NSLock()
    private var sha256: [Entry?]
    private var sha384: [Entry?]
    /// Quad indexes in canonical line order for an earlier dataset, empty until one is noted.
    private var order: [Int] = []

    /// A memo's entry is replaced after this many datasets in a row whose values differ from it.
    static let replaceAfterMisses = 16

    /// Hints for datasets whose blank node `n`'s quads hold the values of the leaves `slotLeaves[n]`.
    init(slotLeaves: [[Int]]) {
        self.slotLeaves = slotLeaves
        sha256 = Array(repeating: nil, count: slotLeaves.count)
        sha384 = Array(repeating: nil, count: slotLeaves.count)
    }

    /// The first degree hashes known for a dataset with these leaf `values`, by blank node number (`nil`: not
    /// known).
    func knownFirstDegreeHashes(values: [JSONValue], algorithm: RDFCanonicalizer.HashAlgorithm) -> [[UInt8]?] {
        let entries = lock.withLock { algorithm == .sha256 ? sha256 : sha384 }
        return entries.indices.map { node in
            guard let entry = entries[node], matches(entry, node: node, values: values) else { return nil }
            return entry.hash
        }
    }

    /// Notes a dataset's first degree `hashes` (all of its blank nodes'), of which `known` were known.
    func noteFirstDegreeHashes(
        _ hashes: [[UInt8]], known: [[UInt8]?], values: [JSONValue], algorithm: RDFCanonicalizer.HashAlgorithm
    ) {
        guard hashes.count == slotLeaves.count else { return }
        lock.withLock {
            func update(_ entries: inout [Entry?]) {
                for node in hashes.indices {
                    if node < known.count, known[node] != nil {
                        if entries[node]?.misses != 0 { entries[node]?.misses = 0 }
                    } else if let entry = entries[node], entry.misses + 1 < Self.replaceAfterMisses {
                        entries[node]?.misses += 1
                    } else {
                        let values = slotLeaves[node].map { values[$0] }
                        entries[node] = Entry(values: values, hash: hashes[node], misses: 0)
                    }
                }
            }
            switch algorithm {
            case .sha256: update(&sha256)
            case .sha384: update(&sha384)
            }
        }
    }

    /// The order of quad indexes to write canonical lines in, or empty.
    var lineOrder: [Int] { lock.withLock { order } }

    /// Keeps `order` (quad indexes in canonical line order) if no order is kept yet.
    func noteLineOrder(_ order: [Int]) {
        lock.withLock {
            if self.order.isEmpty { self.order = order }
        }
    }

    private func matches(_ entry: Entry, node: Int, values: [JSONValue]) -> Bool {
        let leaves = slotLeaves[node]
        guard entry.values.count == leaves.count else { return false }
        for (value, leaf) in zip(entry.values, leaves) where !DocumentShape.sameLeaf(value, values[leaf]) {
            return false
        }
        return true
    }
}

extension DatasetHints.Bound {
    func knownFirstDegreeHashes(_ algorithm: RDFCanonicalizer.HashAlgorithm) -> [[UInt8]?] {
        hints.knownFirstDegreeHashes(values: values, algorithm: algorithm)
    }

    func noteFirstDegreeHashes(_ hashes: [[UInt8]], known: [[UInt8]?], algorithm: RDFCanonicalizer.HashAlgorithm) {
        hints.noteFirstDegreeHashes(hashes, known: known, values: values, algorithm: algorithm)
    }
}
