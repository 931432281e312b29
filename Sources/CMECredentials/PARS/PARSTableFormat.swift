/// How a PARS export file is written.
public enum PARSTableFormat: String, Sendable, Hashable, CaseIterable {
    /// Tab-delimited text with a header row, lines ending in LF (PARS Learner Template B is tab-delimited).
    case tsv
    /// Comma-separated values per RFC 4180: a header row, CRLF line ends, fields with `,` `"` CR or LF quoted.
    case csv

    /// The file extension.
    public var fileExtension: String { rawValue }
}
