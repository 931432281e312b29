/// An identifier issuer (RDFC-1.0 §4.3) over blank nodes numbered 0..<n.
///
/// It issues `prefix0`, `prefix1`, … in order and remembers the order of issuance, which RDFC-1.0 uses to
/// label blank nodes that are otherwise indistinguishable. Identifiers are kept as their counter value;
/// the prefix is added when an identifier is written.
struct IdentifierIssuer {
    /// `c14n` for the canonical issuer, `b` for the temporary issuers of Hash N-Degree Quads.
    let prefix: [UInt8]
    /// The blank nodes that were issued an identifier, in issuance order (the issued identifiers map's order).
    private(set) var issuedOrder: [Int] = []
    /// The counters issued, by node, for an issuer made with a node count.
    private var counters: [Int?] = []
    /// The counters issued, by node, for an issuer made without one (the temporary issuers, copied often and
    /// holding few nodes).
    private var issued: [Int: Int] = [:]

    /// An issuer of identifiers `prefix0`, `prefix1`, …; one for the `nodeCount` blank nodes of a dataset
    /// (numbered `0..<nodeCount`) keeps its counters in an array instead of a dictionary.
    init(prefix: String, nodeCount: Int = 0) {
        self.prefix = Array(prefix.utf8)
        counters = Array(repeating: nil, count: nodeCount)
    }

    /// The identifier counter issued to `node`, if any.
    func identifier(for node: Int) -> Int? { counters.indices.contains(node) ? counters[node] : issued[node] }

    /// The Issue Identifier algorithm (§4.5): returns the existing counter or issues the next one.
    @discardableResult
    mutating func issue(_ node: Int) -> Int {
        if let existing = identifier(for: node) { return existing }
        let counter = issuedOrder.count
        if counters.indices.contains(node) { counters[node] = counter } else { issued[node] = counter }
        issuedOrder.append(node)
        return counter
    }

    /// Appends `_:` and the identifier `prefix` + `counter` to `bytes`.
    func appendLabel(_ counter: Int, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "_"))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: prefix)
        Self.appendDecimal(counter, to: &bytes)
    }

    /// Appends the decimal digits of a non-negative `value`.
    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        guard value >= 10 else {
            bytes.append(UInt8(ascii: "0") + UInt8(max(value, 0)))
            return
        }
        appendDecimal(value / 10, to: &bytes)
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
