// Issuing benchmark: records → validated records → ledger → signed credential → file, through the library,
// with peak RSS per batch size (to show memory does not grow with the batch).
import CMECredentials
import Crypto
import Foundation
import VerifiableCredentials

/// Issues 10,000 and then 100,000 records (override with CMEVC_BENCH_ISSUE="10000,100000") with
/// eddsa-jcs-2022 and prints credentials/s (in total and per core), peak RSS and the ratio to the raw
/// Ed25519 sign rate (one core, measured right before and after each batch); then the largest batch again into
/// one JSON Lines file, and once more with its folders on the temporary directory's disk when the main figures
/// used a memory file system (see ``BenchFolders``). CMEVC_BENCH_ISSUE_RDFC=N also issues N records with eddsa-rdfc-2022, `cmevc issue`'s
/// default suite.
func runIssueBenchmark() {
    let environment = ProcessInfo.processInfo.environment
    let sizes = (environment["CMEVC_BENCH_ISSUE"] ?? "10000,100000").split(separator: ",").compactMap { Int($0) }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    print("")
    print("Issuing (parse, validate, ledger, sign eddsa-jcs-2022, write one file per credential)")
    print("  signing runs on all \(cores) cores; per core = total / \(cores); raw sign is one core")
    let place = BenchFolders.main
    print("  issuer directories and credential files on \(place.description)")
    // The allocator settings `cmevc issue` runs its batches with (process-wide: the sections after this one too).
    let tuned = BatchMemory.keepFreedMemory()
    print("  allocator: freed memory kept for reuse as `cmevc issue` keeps it (BatchMemory): \(tuned ? "yes" : "no")")
    let message = [UInt8](repeating: 0xA5, count: 64)
    let rawKey = Curve25519.Signing.PrivateKey()
    let rawCount = 20_000
    /// The raw sign rate now (20,000 signatures, about a third of a second).
    func rawSignRate() -> Double {
        rate(rawCount, measure { for _ in 0..<rawCount { _ = try? rawKey.signature(for: message) } })
    }
    let rawRate = rawSignRate()
    // Information only: no ratio below uses it.
    print(String(format: "  raw Ed25519 sign           %10.0f /s (at the start; not used for the ratios)", rawRate))
    // This machine's speed drifts (the raw rate alone has varied from 44,000 to 72,000 /s within minutes), so
    // each batch's ratio is to the raw rate measured right before and right after it (their mean).
    print("  each ratio is to the raw sign rate measured right before and after its batch (in brackets)")
    // Each batch's folder is removed only after the last batch: on an ext4 file system without a journal (as
    // on this project's machines) the inodes of files deleted in the last five minutes are skipped one by one
    // when a file is created, so a batch that followed the removal of the one before would time that.
    var folders: [URL] = []
    defer { for folder in folders { try? FileManager.default.removeItem(at: folder) } }
    for size in sizes {
        do {
            let result = try issueBatch(
                size, suite: "eddsa-jcs-2022", on: place, folders: &folders, rawSign: rawSignRate)
            let credentialRate = rate(result.issued, result.seconds)
            let line = String(
                format:
                    "  %7d records            %10.0f credentials/s (%.0f /s per core)   %.2f × raw (%.0f)"
                    + "   peak RSS %.0f MB (+%.0f MB over start)",
                size, credentialRate, credentialRate / Double(cores), credentialRate / result.rawSignRate,
                result.rawSignRate, Double(result.peakKB) / 1024, Double(result.peakKB - result.startKB) / 1024)
            print(line + (result.peakWasReset ? "" : " (process peak: /proc/self/clear_refs not writable)"))
        } catch {
            print("  \(size) records: \(error)")
        }
    }
    /// One more batch, printed with the rate only.
    func extraBatch(
        _ size: Int, label: String, suite: String, jsonLines: Bool = false, on folder: BenchFolders = place
    ) {
        do {
            let result = try issueBatch(
                size, suite: suite, jsonLines: jsonLines, on: folder, folders: &folders, rawSign: rawSignRate)
            let credentialRate = rate(result.issued, result.seconds)
            print(
                String(
                    format: "  %7d records, %@ %10.0f credentials/s (%.0f /s per core)   %.2f × raw (%.0f)",
                    size, label.padding(toLength: 15, withPad: " ", startingAt: 0), credentialRate,
                    credentialRate / Double(cores), credentialRate / result.rawSignRate, result.rawSignRate))
        } catch {
            print("  \(size) records, \(label): \(error)")
        }
    }
    // The same largest batch into one JSON Lines file (`--jsonl`): no file created per credential.
    if let largest = sizes.max() { extraBatch(largest, label: "--jsonl", suite: "eddsa-jcs-2022", jsonLines: true) }
    if let rdfcSize = environment["CMEVC_BENCH_ISSUE_RDFC"].flatMap({ Int($0) }), rdfcSize > 0 {
        extraBatch(rdfcSize, label: "eddsa-rdfc-2022", suite: "eddsa-rdfc-2022")
    }
    // The largest batch with its files on the disk: the same work plus the disk's file system.
    if let largest = sizes.max(), let disk = BenchFolders.disk, disk.path != place.path {
        extraBatch(largest, label: "on \(disk.fileSystem)", suite: "eddsa-jcs-2022", on: disk)
        print("    (\(disk.description); see the README on file creation after deletions)")
    }
    print("target: end to end ≥ 0.3 × raw Ed25519 sign; peak RSS about the same for both batch sizes")
}

private struct IssueBenchResult {
    var issued: Int
    var seconds: Double
    var startKB: Int
    var peakKB: Int
    var peakWasReset: Bool
    /// The mean of the raw Ed25519 sign rates measured right before and right after the batch.
    var rawSignRate: Double
}

/// Issues `size` records into a new folder (one file per credential, or one JSON Lines file), which is added
/// to `folders` for the caller to remove.
private func issueBatch(
    _ size: Int, suite: String, jsonLines: Bool = false, on place: BenchFolders, folders: inout [URL],
    rawSign: () -> Double
) throws -> IssueBenchResult {
    let root = URL(fileURLWithPath: place.path).appendingPathComponent("cmevc-issue-bench-\(UUID().uuidString)")
    folders.append(root)
    let outURL = root.appendingPathComponent("out")
    let (directory, key) = try makeBenchIssuer(in: root, suite: suite)

    let csvURL = root.appendingPathComponent("batch.csv")
    try writeBenchCSV(size, to: csvURL)

    let peakWasReset = resetPeakRSS()
    let startKB = memoryStatus("VmRSS")
    var summary = BatchSummary()
    let rawBefore = rawSign()
    let seconds = try measure {
        let issuer = try CredentialIssuer(directory: directory, key: key)
        let output: CredentialOutput =
            jsonLines ? .jsonLines(root.appendingPathComponent("credentials.jsonl")) : .directory(outURL)
        summary = try BatchIssuer(issuer: issuer, output: output).run(files: [csvURL], now: Date())
    }
    let peakKB = memoryStatus("VmHWM")
    let rawAfter = rawSign()
    return IssueBenchResult(
        issued: summary.issued, seconds: seconds, startKB: startKB, peakKB: peakKB, peakWasReset: peakWasReset,
        rawSignRate: (rawBefore + rawAfter) / 2)
}

/// Resets the kernel's peak RSS (VmHWM) to the current RSS (Linux `clear_refs` 5); false when not possible.
private func resetPeakRSS() -> Bool {
    guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
    defer { try? handle.close() }
    do {
        try handle.write(contentsOf: Data("5".utf8))
        return true
    } catch {
        return false
    }
}

/// A `kB` field of `/proc/self/status` (`VmRSS`, `VmHWM`); 0 where there is no such file.
private func memoryStatus(_ field: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") ?? 0
    }
    return 0
}
