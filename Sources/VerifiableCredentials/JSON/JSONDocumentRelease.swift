/// Frees a large parsed document on all cores.
///
/// A presentation of hundreds of credentials is one tree of hundreds of thousands of values, and freeing it
/// on one thread took about a tenth of the time its verification took on two cores. Its large top-level
/// arrays (the credentials) are handed out in pieces, each freed by its own thread; everything else is freed
/// as usual. Documents without a large array are simply released.
enum JSONDocumentRelease {
    /// Arrays with fewer elements than this are freed where they are.
    static let parallelElements = 16

    /// Releases `document`, the last reference to its tree, freeing its large top-level arrays concurrently.
    static func release(_ document: consuming JSONValue) {
        let pieces = Self.pieces(of: document)
        guard pieces.count > 1 else { return }
        // `document` and the arrays it held are gone; each piece holds the only references to its elements.
        _ = ConcurrentMap.map(pieces) { (piece: Piece) in
            piece.elements = []
            return true
        }
    }

    /// The large top-level arrays' elements copied into pieces of a few elements; `document` is consumed, so
    /// the pieces are left as the only owners of those elements.
    private static func pieces(of document: consuming JSONValue) -> [Piece] {
        guard case .object(let object) = document else { return [] }
        var pieces: [Piece] = []
        for member in object.members {
            guard case .array(let elements) = member.value, elements.count >= parallelElements else { continue }
            let size = max(1, elements.count / 64)
            for start in stride(from: 0, to: elements.count, by: size) {
                pieces.append(Piece(Array(elements[start..<min(start + size, elements.count)])))
            }
        }
        return pieces
    }

    /// Some elements of an array, freed by whichever thread empties it.
    private final class Piece: @unchecked Sendable {
        var elements: [JSONValue]
        init(_ elements: [JSONValue]) { self.elements = elements }
    }
}
