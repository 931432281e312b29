public import VerifiableCredentials

extension CredentialError.Code {
    /// A PARS column-mapping file is malformed: not `cmevc-pars-mapping/1`, a member missing, unknown or of the
    /// wrong shape, an unknown field name, or a header repeated or holding a tab or line break.
    public static let invalidPARSMapping = Self("invalidPARSMapping")
    /// The options of a PARS export are unusable (a `--since`/`--until` date that is not `YYYY-MM-DD`, or a
    /// window that ends before it starts).
    public static let invalidPARSExportOptions = Self("invalidPARSExportOptions")
}

extension CredentialError {
    /// A mapping file member is wrong, at a JSON Pointer, in `file` when known.
    static func parsMapping(_ message: String, at pointer: String, in file: String?) -> CredentialError {
        let location = pointer.isEmpty ? "/" : pointer
        return CredentialError(
            .invalidPARSMapping, message, location: file.map { "\($0): \(location)" } ?? location)
    }
}
