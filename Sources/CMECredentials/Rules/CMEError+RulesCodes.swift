extension CMEError.Code {
    /// A `cme-rules/1` rule file is malformed: a member is missing, unknown, of the wrong shape, or refers to
    /// a requirement that does not exist.
    public static let invalidRules = Self("invalidRules")
    /// Evaluation input is malformed (for example a date that is not `YYYY-MM-DD`).
    public static let invalidEvaluationInput = Self("invalidEvaluationInput")
}

extension CMEError {
    /// A rule file member is missing or has the wrong shape, at a JSON Pointer.
    static func rules(_ message: String, at pointer: String) -> CMEError {
        CMEError(.invalidRules, message, location: pointer.isEmpty ? "/" : pointer)
    }
}
