import VerifiableCredentials

/// A credential's status positions as its ledger row keeps them (since ledger migration v5): the column
/// `status_positions`, a JSON array `[{"purpose", "list", "index"}, …]` (the shape of the `status` of an `issue`
/// audit event), in the order they were allocated.
///
/// Until v5 each position was a row of its own table (`status_allocations`), indexed by credential: issuing
/// one credential inserted four more B-tree entries than it does now, for positions that are read only to
/// rewrite, revoke or publish. Interleaved one-off CLI runs of 100,000 records measured issuing about 2 %
/// faster with the column (2026-11-24; a variant that stored no positions at all, not a candidate, about 5 %).
enum StatusPositions {
    /// The column's text for `allocations` (written byte by byte: it is on the ledger's thread once per issued
    /// credential, and string interpolation took about 1 µs of it).
    static func text(_ allocations: [StatusAllocation]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64 * allocations.count + 2)
        text.append(UInt8(ascii: "["))
        for (offset, allocation) in allocations.enumerated() {
            if offset > 0 { text.append(UInt8(ascii: ",")) }
            text += #"{"purpose":"#.utf8
            text += JSONSerializer.bytes(.string(allocation.purpose.rawValue))
            text += #","list":"#.utf8
            appendDecimal(allocation.listNumber, to: &text)
            text += #","index":"#.utf8
            appendDecimal(allocation.index, to: &text)
            text.append(UInt8(ascii: "}"))
        }
        text.append(UInt8(ascii: "]"))
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends the decimal digits of `value`.
    private static func appendDecimal(_ value: Int, to text: inout [UInt8]) {
        guard value >= 0 else {
            text += String(value).utf8
            return
        }
        let start = text.count
        var rest = value
        repeat {
            text.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        text[start...].reverse()
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
