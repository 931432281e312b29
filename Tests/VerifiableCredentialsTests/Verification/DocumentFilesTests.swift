import Foundation
import Testing
import VerifiableCredentials

@Suite("Reading documents and folders")
struct DocumentFilesTests {
    /// A fresh folder under the temporary directory, removed by the caller.
    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("documentfiles-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("reads every byte of empty, small and multi-block files")
    func readsExactly() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for size in [0, 1, 4095, 4096, 4097, 100_000] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let path = root + "/f\(size).json"
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            #expect(try DocumentFiles.read(path) == bytes)
        }
    }

    @Test("reads a stream that is not a regular file (a FIFO) to its end, and refuses one that passes the limit")
    func readsStreams() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try DocumentFiles.read("/dev/null").isEmpty)
        for (size, limit) in [(10_000, 20_000), (10_000, 5_000)] {
            let path = root + "/stream-\(size)-\(limit)"
            #expect(mkfifo(path, 0o600) == 0)
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 1) }
            let writer = Thread {
                let descriptor = open(path, O_WRONLY)
                guard descriptor >= 0 else { return }
                // Written in pieces, so the reader sees several short reads before the end; in one piece when the
                // reader stops early (a write after it closed the FIFO would raise SIGPIPE).
                let pieceSize = limit >= size ? 3_000 : size
                for start in stride(from: 0, to: bytes.count, by: pieceSize) {
                    let piece = Array(bytes[start..<min(start + pieceSize, bytes.count)])
                    _ = piece.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                }
                close(descriptor)
            }
            writer.start()
            if limit >= size {
                #expect(try DocumentFiles.read(path, maximumBytes: limit) == bytes)
            } else {
                let refused = #expect(throws: CredentialError.self) {
                    try DocumentFiles.read(path, maximumBytes: limit)
                }
                #expect(refused?.code == .documentTooLarge)
            }
        }
    }

    @Test("refuses a file over the limit before reading it, a folder, and a missing file")
    func refuses() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/big.json"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x20, count: 2_000)))
        let tooLarge = #expect(throws: CredentialError.self) { try DocumentFiles.read(path, maximumBytes: 1_999) }
        #expect(tooLarge?.code == .documentTooLarge)
        #expect(tooLarge?.description.contains("2000 bytes") == true)
        #expect(try DocumentFiles.read(path, maximumBytes: 2_000).count == 2_000)
        let directory = #expect(throws: CredentialError.self) { try DocumentFiles.read(root) }
        #expect(directory?.code == .io)
        let missing = #expect(throws: CredentialError.self) { try DocumentFiles.read(root + "/none.json") }
        #expect(missing?.code == .io)
        #expect(missing?.description.contains("none.json") == true)
    }

    @Test("a folder expands to its .json and .jwt files, sorted; files stay as given; a missing path fails")
    func expandsFolders() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for name in ["b.json", "a.jwt", "c.txt", "d.json"] {
            #expect(FileManager.default.createFile(atPath: root + "/" + name, contents: Data("{}".utf8)))
        }
        #expect(
            try DocumentFiles.expand([root, root + "/c.txt"])
                == [root + "/a.jwt", root + "/b.json", root + "/d.json", root + "/c.txt"])
        #expect(try DocumentFiles.expand([root + "/"]).first == root + "/a.jwt")
        let missing = #expect(throws: CredentialError.self) { try DocumentFiles.expand([root + "/nothing"]) }
        #expect(missing?.code == .io)
        // A folder with nothing to verify is an input error, never an empty success.
        let empty = root + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: empty + "/notes.txt", contents: Data("x".utf8)))
        let nothing = #expect(throws: CredentialError.self) { try DocumentFiles.expand([empty]) }
        #expect(nothing?.description.contains("holds no .json or .jwt file") == true)
    }
}
