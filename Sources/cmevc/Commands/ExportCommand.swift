import ArgumentParser
import CMECredentials
import Foundation
import VerifiableCredentials

/// `cmevc export pars`: the provider's learner-completion upload for ACCME PARS, from the issuer ledger.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export completions from the issuer ledger for reporting.",
        subcommands: [PARS.self])

    /// The file formats, as the command line spells them.
    enum TableFormat: String, ExpressibleByArgument, CaseIterable {
        case tsv
        case csv

        var library: PARSTableFormat { self == .tsv ? .tsv : .csv }
    }

    struct PARS: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pars",
            abstract: "Write the ACCME PARS learner-completion file from the issuer ledger.",
            discussion: """
                Reports credentials in force (revoked, replaced and suspended ones are left out) completed in the \
                window, one row per credential (more when it carries MOC points for several boards, or with \
                "licenses": "each" in the mapping). Rows PARS would reject are named on stderr and written to \
                the rejects file with their reasons; the output file gets only acceptable rows. When --out is a \
                device or pipe (--out /dev/stdout | …) standard output gets only the file: the summary goes to \
                standard error, and without --rejects the rejected rows are only named there (their learner \
                identifiers belong in a file you name, not in a log). The export is recorded in the audit log. \
                Exit status: 0 no row rejected, 1 some rows rejected (the others are written), 2 could not run, \
                64 usage.
                """)

        @Option(help: ArgumentHelp("The issuer directory (made by cmevc issuer init).", valueName: "dir"))
        var issuer: String

        @Option(help: ArgumentHelp("Report completions on or after this date.", valueName: "YYYY-MM-DD"))
        var since: String?

        @Option(help: ArgumentHelp("Report completions on or before this date.", valueName: "YYYY-MM-DD"))
        var until: String?

        @Option(
            help: ArgumentHelp(
                "A cmevc-pars-mapping/1 file: columns, headers, license rows, date format, REMS activities "
                    + "(default: the DOMAIN.md §2 field set).", valueName: "file"))
        var mapping: String?

        @Option(help: "The file format: tab-delimited (PARS Learner Template B) or RFC 4180 CSV.")
        var format: TableFormat = .tsv

        @Option(
            help: ArgumentHelp(
                "The file to write (replaced atomically; a device or pipe such as /dev/stdout is written in place).",
                valueName: "file"))
        var out: String

        @Option(
            help: ArgumentHelp(
                "The file for rejected rows (default: next to --out, e.g. pars.rejects.tsv; none when --out is a "
                    + "device or pipe).", valueName: "file"))
        var rejects: String?

        func validate() throws {
            do {
                _ = try PARSExporter(since: since, until: until)
            } catch {
                throw ValidationError(error.message)
            }
        }

        func run() throws {
            let mapping = try loadMapping()
            let exporter: PARSExporter
            do {
                exporter = try PARSExporter(mapping: mapping, since: since, until: until)
            } catch {
                throw Terminal.couldNotRun(error.description)
            }
            let ledger = try IssuerOptions.parse(["--issuer", issuer]).ledger()
            let table = URL(fileURLWithPath: out)
            // nil when --out is a device or pipe: the rejected rows are then only named on stderr.
            let rejectsURL =
                rejects.map { URL(fileURLWithPath: $0) }
                ?? PARSExportFiles.defaultRejectsURL(for: table, format: format.library)
            let writer = PARSTableWriter(mapping: mapping, format: format.library)
            let export: PARSExport
            do {
                export = try exporter.export(from: ledger)
                let files = try PARSExportFiles.write(export, with: writer, to: table, rejects: rejectsURL)
                try ledger.recordPARSExport(export, exporter: exporter, files: files, at: Date())
            } catch {
                throw Terminal.couldNotRun(error.description)
            }
            for rejected in export.rejected { Terminal.err(rejected.message) }
            if let rejectsURL {
                report("wrote \(out) and \(rejects ?? Self.display(rejectsURL.relativePath))")
            } else {
                // The rows carry learners' identifiers: they go to a file the user names, never to a log.
                let count = export.rejected.count
                report(
                    "wrote \(out)"
                        + (count == 0
                            ? ""
                            : "; \(count) rejected row\(count == 1 ? "" : "s") not written (name a file with --rejects)")
                )
            }
            report(export.summary)
            if !export.rejected.isEmpty { throw ExitCode(1) }
        }

        /// A summary line: on stdout, or on stderr when --out is a device or pipe (it may be stdout itself).
        private func report(_ line: String) {
            if AtomicFile.isSpecialFile(out) { Terminal.err(line) } else { Terminal.out(line) }
        }

        /// A relative path without a leading `./`.
        private static func display(_ path: String) -> String {
            path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        }

        private func loadMapping() throws -> PARSMapping {
            guard let path = mapping else { return .default }
            do {
                return try PARSMapping(json: try InputFiles.json(path), file: path)
            } catch {
                throw Terminal.couldNotRun(error.description)
            }
        }
    }
}
