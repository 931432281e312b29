extension CredentialError.Code {
    /// An N-Quads document did not follow the N-Quads grammar (RDF 1.1 N-Quads).
    public static let invalidNQuads = Self("invalidNQuads")
}

extension CredentialError {
    /// An N-Quads syntax error at a 1-based line and column (columns count bytes).
    static func invalidNQuads(_ message: String, line: Int, column: Int) -> CredentialError {
        CredentialError(.invalidNQuads, message, location: "line \(line), column \(column)")
    }

    /// RDFC-1.0 gave up on a dataset whose blank nodes need more work than the configured limit allows
    /// (RDFC-1.0 §7.1, dataset poisoning).
    static func rdfcWorkLimitExceeded(steps: Int, symmetric: Int, of blankNodes: Int) -> CredentialError {
        CredentialError(
            .workLimitExceeded,
            "RDF canonicalization gave up after \(steps) steps of the N-degree hash search: \(symmetric) of the "
                + "dataset's \(blankNodes) blank nodes are too symmetric to label within the work limit "
                + "(a possible poison dataset, RDFC-1.0 §7.1)")
    }
}
