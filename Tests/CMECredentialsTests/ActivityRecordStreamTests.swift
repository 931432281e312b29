import CMECredentials
import Testing

@Suite("Streaming records")
struct ActivityRecordStreamTests {
    typealias F = RecordFixtures

    @Test("Header problems first, then one item per record in order, valid or rejected")
    func order() {
        let bad = F.row(replacing: "learner_npi", with: "1").split(separator: "\n")[1]
        let text = F.header + ",shoe_size\n" + F.validRow + ",1\n" + bad + ",2\n"
        let items = Array(ActivityRecordStream(bytes: Array(text.utf8), fileName: "s.csv", format: .csv))
        #expect(items.count == 3)
        guard items.count == 3 else { return }
        if case .fileProblem(let problem) = items[0] { #expect(problem.line == 1) } else { Issue.record("\(items[0])") }
        if case .record(let record) = items[1] {
            #expect(record.location.line == 2)
        } else {
            Issue.record("\(items[1])")
        }
        if case .rejected(let location, let problems) = items[2] {
            #expect(location == RecordLocation(file: "s.csv", line: 3))
            #expect(problems.map(\.field) == ["learner_npi"])
        } else {
            Issue.record("\(items[2])")
        }
    }

    @Test("End-of-file problems come last")
    func endProblems() {
        let csv = Array(ActivityRecordStream(bytes: Array((F.header + "\n").utf8), fileName: "h.csv", format: .csv))
        #expect(
            csv == [
                .fileProblem(
                    RecordDiagnostic(
                        file: "h.csv", line: 1, field: "file", expected: "at least one record after the header",
                        found: "none"))
            ])
        let jsonl = Array(ActivityRecordStream(bytes: [], fileName: "e.jsonl", format: .jsonLines))
        #expect(jsonl.count == 1)
    }

    @Test("A zero-byte CSV is a problem with the file, as a header alone and empty JSON Lines are")
    func emptyCSV() {
        let items = Array(ActivityRecordStream(bytes: [], fileName: "e.csv", format: .csv))
        #expect(
            items == [
                .fileProblem(
                    RecordDiagnostic(
                        file: "e.csv", line: 1, field: "file", expected: "a header row and at least one record",
                        found: "an empty file"))
            ])
    }
}
