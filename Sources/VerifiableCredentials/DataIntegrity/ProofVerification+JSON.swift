extension ProofVerification {
    /// The verification of this proof as JSON, for machine-readable reports.
    public var json: JSONValue {
        var object = JSONObject()
        object["proof"] = .number(Double(index + 1))
        if let cryptosuite { object["cryptosuite"] = .string(cryptosuite) }
        if let verificationMethod { object["verificationMethod"] = .string(verificationMethod) }
        if let proofPurpose { object["proofPurpose"] = .string(proofPurpose) }
        if let created { object["created"] = .string(created.text) }
        object["verified"] = .bool(verified)
        object["checks"] = .array(checks.map(\.json))
        return .object(object)
    }
}

extension DocumentProofVerification {
    /// The verification of all proofs as JSON.
    public var json: JSONValue {
        var object = JSONObject()
        object["verified"] = .bool(verified)
        if !checks.isEmpty { object["checks"] = .array(checks.map(\.json)) }
        object["proofs"] = .array(proofs.map(\.json))
        return .object(object)
    }
}
