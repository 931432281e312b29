import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the issuing benchmark puts its issuer directories and credential files.
///
/// The target compares issuing with raw Ed25519 signing, a figure of the CPU alone, so the main figures are
/// taken on a memory file system (`/dev/shm`, when it exists and is writable): files are still created,
/// written and closed one per credential, but no disk is involved. This project's machines run ext4 without a
/// journal, where creating a file takes longer the more files were deleted in the last five minutes (the kernel
/// skips their inodes one by one; 22 µs → 136 µs per file right after deleting 20,000 files, measured with a
/// Python loop), so a figure taken there depends on what ran before the bench, such as `make test`. The
/// largest batch is then issued once more onto the temporary directory's disk and printed with its file
/// system. CMEVC_BENCH_ISSUE_DIR=PATH puts the main figures' folders at PATH instead.
struct BenchFolders {
    let path: String
    let fileSystem: String

    var description: String { "\(path) (\(fileSystem))" }

    /// The main figures' place: CMEVC_BENCH_ISSUE_DIR, else `/dev/shm` when writable with room for the
    /// batches (``memoryRoomNeeded``; containers often mount a small one), else the temporary directory.
    static var main: BenchFolders {
        if let chosen = ProcessInfo.processInfo.environment["CMEVC_BENCH_ISSUE_DIR"], !chosen.isEmpty {
            return BenchFolders(path: chosen)
        }
        if access("/dev/shm", W_OK) == 0, availableBytes(at: "/dev/shm") >= memoryRoomNeeded {
            return BenchFolders(path: "/dev/shm")
        }
        return BenchFolders(path: temporaryPath)
    }

    /// What the default batches hold on `/dev/shm` until the section ends: 10,000 and 100,000 files of about
    /// 6 KB, their ledgers and a 100,000-line JSON Lines file with its ledger (about 1.8 GB), with a margin.
    static let memoryRoomNeeded = 3 << 30

    /// The bytes available to this user in the file system at `path` (0 when unknown).
    private static func availableBytes(at path: String) -> Int {
        var status = statvfs()
        guard statvfs(path, &status) == 0 else { return 0 }
        return Int(status.f_bavail) * Int(status.f_frsize)
    }

    /// The temporary directory, when it is not on a memory file system.
    static var disk: BenchFolders? {
        let folder = BenchFolders(path: temporaryPath)
        return folder.fileSystem == "tmpfs" ? nil : folder
    }

    private static var temporaryPath: String {
        let path = FileManager.default.temporaryDirectory.path
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    init(path: String) {
        self.path = path
        fileSystem = Self.fileSystemName(at: path)
    }

    /// The file system type of the mount holding `path` (the longest mount point that contains it, from
    /// `/proc/mounts`), such as `tmpfs` or `ext4`.
    private static func fileSystemName(at path: String) -> String {
        guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8) else {
            return "unknown file system"
        }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var best: (mountPoint: String, type: String)?
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            let mountPoint = String(fields[1])
            let contains =
                mountPoint == "/" || resolved == mountPoint || resolved.hasPrefix(mountPoint + "/")
            if contains, mountPoint.count >= (best?.mountPoint.count ?? 0) {
                best = (mountPoint, String(fields[2]))
            }
        }
        return best?.type ?? "unknown file system"
    }
}
