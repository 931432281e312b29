/// Helpers for documents that carry one proof, a proof set or a proof chain (Data Integrity §2.1.1–2.1.2).
enum ProofSet {
    /// The document's proofs: none, the one object, or each object of the array (non-objects are kept as
    /// `nil` so that the verifier can report them by position).
    static func proofs(of document: JSONObject) -> [JSONObject?] {
        switch document["proof"] {
        case nil: []
        case .array(let items)?: items.map(\.objectValue)
        case let value?: [value.objectValue]
        }
    }

    /// The ids that `proof.previousProof` names (a string or an array of strings).
    static func previousProofIDs(of proof: JSONObject) -> [String]? {
        switch proof["previousProof"] {
        case nil: []
        case .string(let id)?: [id]
        case .array(let items)?:
            items.allSatisfy { $0.stringValue != nil } ? items.compactMap(\.stringValue) : nil
        default: nil
        }
    }

    /// The document as the proof with these `previousProof` ids signed it: `proof` set to the matching earlier
    /// proofs, or removed when there are none. Returns the ids that match no proof in `all`.
    static func documentToSign(_ document: JSONObject, previous ids: [String], all: [JSONObject?])
        -> (document: JSONObject, missing: [String])
    {
        var unsecured = document.removing("proof")
        guard !ids.isEmpty else { return (unsecured, []) }
        var matching: [JSONValue] = []
        var missing: [String] = []
        for id in ids {
            if let proof = all.compactMap({ $0 }).first(where: { $0["id"]?.stringValue == id }) {
                matching.append(.object(proof))
            } else {
                missing.append(id)
            }
        }
        unsecured["proof"] = .array(matching)
        return (unsecured, missing)
    }
}
