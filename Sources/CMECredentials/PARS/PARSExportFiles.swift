import Crypto
public import Foundation
public import VerifiableCredentials

/// The two files a PARS export writes, and their SHA-256 digests (recorded in the audit log).
public struct PARSExportFiles: Sendable, Hashable {
    /// The upload file.
    public var table: URL
    /// The rejected rows with their reasons; `nil` when they were not written to a file (the output is a
    /// device or pipe and no rejects file was named: see ``defaultRejectsURL(for:format:)``).
    public var rejects: URL?
    public var format: PARSTableFormat
    /// Lowercase hex SHA-256 of the upload file's bytes.
    public var tableSHA256: String
    /// Lowercase hex SHA-256 of the rejects bytes (``PARSTableWriter/rejects(_:)``), also when they were not
    /// written to a file.
    public var rejectsSHA256: String

    /// The rejects file next to `table`: `pars.tsv` → `pars.rejects.tsv` (a `.tsv`, `.csv` or `.txt` extension
    /// is replaced; any other name gets `.rejects.<format>` appended).
    ///
    /// `nil` when `table` is a device or pipe (`/dev/stdout`, `/dev/null`, a FIFO): a name derived from it
    /// (`/dev/null.rejects.tsv`) would be a new file in `/dev` or beside the pipe. The rejected rows are then
    /// written nowhere unless the caller names a file (`cmevc export pars` names each on standard error by its
    /// one-line message, which leaves out the learner's identifiers).
    public static func defaultRejectsURL(for table: URL, format: PARSTableFormat) -> URL? {
        guard !AtomicFile.isSpecialFile(table.path) else { return nil }
        let known = ["tsv", "csv", "txt"]
        let base = known.contains(table.pathExtension.lowercased()) ? table.deletingPathExtension() : table
        return base.deletingLastPathComponent().appendingPathComponent(
            base.lastPathComponent + ".rejects." + format.fileExtension)
    }

    /// Writes the rows of `export` to `table` and its rejected rows to `rejects`, each atomically (a reader
    /// sees the old file or the whole new one). The rejects file is written even when empty (header only),
    /// so a stale one never survives. With `rejects` `nil` only `table` is written.
    ///
    /// - Throws: ``CredentialError`` `io` when a file cannot be written, or `invalidPARSExportOptions` when
    ///   both paths are the same file.
    public static func write(
        _ export: PARSExport, with writer: PARSTableWriter, to table: URL, rejects: URL?
    ) throws(CredentialError) -> PARSExportFiles {
        if let rejects, table.standardizedFileURL.path == rejects.standardizedFileURL.path {
            throw CredentialError(
                .invalidPARSExportOptions, "the rejects file must differ from the output file", location: table.path)
        }
        let tableBytes = writer.table(export.rows)
        let rejectsBytes = writer.rejects(export.rejected)
        if let rejects { try AtomicFile.write(rejectsBytes, to: rejects) }
        try AtomicFile.write(tableBytes, to: table)
        return PARSExportFiles(
            table: table, rejects: rejects, format: writer.format, tableSHA256: hex(tableBytes),
            rejectsSHA256: hex(rejectsBytes))
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
