import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

@Suite("Reading records chunk by chunk")
struct RecordChunkReaderTests {
    /// Everything a chunked read returns, in order.
    static func readAll(_ url: URL, blockSize: Int) throws -> (
        records: [ActivityRecord], diagnostics: [RecordDiagnostic]
    ) {
        var reader = try RecordChunkReader(url: url, fileName: url.lastPathComponent, blockSize: blockSize)
        defer { reader.close() }
        var records: [ActivityRecord] = []
        var diagnostics: [RecordDiagnostic] = []
        while let chunk = try reader.next() {
            records += chunk.records
            diagnostics += chunk.diagnostics
        }
        return (records, diagnostics)
    }

    /// A CSV with quoted commas and line breaks, CRLF rows, blank lines and bad rows, for small blocks.
    static func awkwardCSV() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chunks-\(UUID().uuidString).csv")
        var text =
            "\u{FEFF}learner_given_name,learner_family_name,learner_email,activity_id,activity_title,activity_format,"
            + "completion_date,credits_AMA_PRA_CAT1,activity_description\r\n"
        for index in 0..<40 {
            let credits = index % 7 == 3 ? "two" : "1.5"
            let description = index % 3 == 0 ? "\"Line one,\r\nline \"\"two\"\"\nline three\"" : "plain"
            text +=
                "L\(index),Chunk,l\(index)@example.org,A-1,\"Title, with comma\",course,2026-03-01,\(credits),\(description)\r\n"
            if index % 10 == 0 { text += "\r\n" }
        }
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test(
        "any block size gives the same records, lines and diagnostics as reading the whole file",
        arguments: [1, 7, 64, 300, 1 << 20])
    func sameAsWholeFile(_ blockSize: Int) throws {
        let awkward = try Self.awkwardCSV()
        defer { try? FileManager.default.removeItem(at: awkward) }
        for url in [
            SharedFiles.example("provider-batch/attendance.csv"),
            SharedFiles.example("provider-batch/attendance.jsonl"),
            awkward,
        ] {
            let whole = try ActivityRecordReader.read(contentsOf: url)
            let chunked = try Self.readAll(url, blockSize: blockSize)
            #expect(chunked.records == whole.records, "\(url.lastPathComponent) block \(blockSize)")
            #expect(chunked.records.map(\.location) == whole.records.map(\.location))
            #expect(chunked.diagnostics.map(\.description) == whole.diagnostics.map(\.description))
        }
    }

    @Test("the first chunk is small, so issuing starts early; each one after it at most doubles, up to a block")
    func smallFirstChunk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("first-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        var text = "learner_given_name,learner_family_name,learner_email,activity_id,activity_title,activity_format,"
        text += "completion_date,credits_AMA_PRA_CAT1\n"
        for index in 0..<40_000 {
            text += "Learner\(index),Chunk,l\(index)@example.org,A-1,Title,course,2026-03-01,1.5\n"
        }
        try Data(text.utf8).write(to: url)
        #expect(text.utf8.count > 5 << 19)
        var reader = try RecordChunkReader(url: url, fileName: "first.csv", blockSize: 1 << 20)
        defer { reader.close() }
        var counts: [Int] = []
        while let chunk = try reader.next() { counts.append(chunk.records.count) }
        // About 128 KB of records first (the header takes part of the first 64 KB read), then 128, 256, 512
        // KB and 1 MB chunks (records of about 75 bytes), then the rest.
        #expect(counts.count == 6, "\(counts)")
        #expect(counts.first.map { $0 > 500 && $0 < 2_500 } == true, "\(counts)")
        for (before, after) in zip(counts.dropLast(), counts.dropFirst().dropLast()) {
            #expect(after <= before * 2 + 10, "\(counts)")
        }
        #expect(counts.dropFirst(4).first.map { $0 > 13_000 } == true, "\(counts)")
        #expect(counts.reduce(0, +) == 40_000)
    }

    @Test("an empty file and a header alone are reported once")
    func emptyFiles() throws {
        for (name, text) in [
            ("empty.csv", ""), ("header.csv", "learner_given_name,learner_family_name\n"), ("empty.jsonl", "\n"),
        ] {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)")
            try Data(text.utf8).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let whole = try ActivityRecordReader.read(contentsOf: url)
            let chunked = try Self.readAll(url, blockSize: 4)
            #expect(chunked.records.isEmpty)
            #expect(chunked.diagnostics.map(\.description) == whole.diagnostics.map(\.description))
            #expect(!chunked.diagnostics.isEmpty)
        }
    }

    @Test(
        "reading a chunk ahead in the background gives the same chunks, in the same order",
        arguments: [7, 300, 1 << 20])
    func prefetcherMatchesReader(_ blockSize: Int) throws {
        let awkward = try Self.awkwardCSV()
        defer { try? FileManager.default.removeItem(at: awkward) }
        for url in [SharedFiles.example("provider-batch/attendance.jsonl"), awkward] {
            let direct = try Self.readAll(url, blockSize: blockSize)
            let prefetcher = try RecordChunkPrefetcher(url: url, fileName: url.lastPathComponent, blockSize: blockSize)
            defer { prefetcher.close() }
            var records: [ActivityRecord] = []
            var diagnostics: [RecordDiagnostic] = []
            var chunks = 0
            while let chunk = try prefetcher.next() {
                records += chunk.records
                diagnostics += chunk.diagnostics
                chunks += 1
            }
            #expect(try prefetcher.next() == nil)
            #expect(records == direct.records, "\(url.lastPathComponent) block \(blockSize)")
            #expect(diagnostics.map(\.description) == direct.diagnostics.map(\.description))
            if blockSize == 7 { #expect(chunks > 1) }
        }
    }

    @Test("closing a prefetcher before the end waits for the read in flight")
    func prefetcherClosesEarly() throws {
        let awkward = try Self.awkwardCSV()
        defer { try? FileManager.default.removeItem(at: awkward) }
        let prefetcher = try RecordChunkPrefetcher(url: awkward, blockSize: 7)
        #expect(try prefetcher.next() != nil)
        prefetcher.close()
        #expect(try prefetcher.next() == nil)
    }
}
