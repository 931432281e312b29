import VerifiableCredentials

/// A credential's status positions as its ledger row keeps them (since ledger migration v5): the column
/// `status_positions`, a JSON array `[{"purpose", "list", "index"}, …]` (the shape of the `status` of an `issue`
/// audit event), in the order they were allocated.
///
/// Until v5 each position was a row of its own table (`status_allocations`), indexed by credential: issuing
/// one credential inserted four more B-tree entries than it does now, for positions that are read only to
/// rewrite, revoke or publish. The bench's issuing ran about 5 % faster without them (one-off measurement,
/// 2026-11-24, 100,000 records).
enum StatusPositions {
    /// The column's text for `allocations`.
    static func text(_ allocations: [StatusAllocation]) -> String {
        var text = "["
        for (offset, allocation) in allocations.enumerated() {
            if offset > 0 { text += "," }
            text += "{\"purpose\":"
            text += JSONSerializer.string(.string(allocation.purpose.rawValue))
            text += ",\"list\":\(allocation.listNumber),\"index\":\(allocation.index)}"
        }
        return text + "]"
    }

    /// The positions in the column's `text`.
    ///
    /// - Throws: ``CredentialError`` `ledger` when the text is not such an array.
    static func parse(_ text: String, credentialID: String) throws(CredentialError) -> [StatusAllocation] {
        guard let items = (try? JSONParser.parse(text))?.arrayValue else {
            throw CredentialError(.ledger, "credential \(credentialID) has unreadable status positions")
        }
        var allocations: [StatusAllocation] = []
        allocations.reserveCapacity(items.count)
        for item in items {
            guard let purpose = item["purpose"]?.stringValue,
                let list = item["list"]?.numberValue.flatMap({ Int(exactly: $0) }),
                let index = item["index"]?.numberValue.flatMap({ Int(exactly: $0) }), list >= 1, index >= 0
            else {
                throw CredentialError(.ledger, "credential \(credentialID) has unreadable status positions")
            }
            allocations.append(StatusAllocation(purpose: StatusPurpose(purpose), listNumber: list, index: index))
        }
        return allocations
    }
}
