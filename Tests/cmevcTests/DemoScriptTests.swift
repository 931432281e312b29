import Foundation
import Testing

@Suite("make demo")
struct DemoScriptTests {
    @Test("scripts/demo.sh runs the whole story on Examples/ and every step exits as expected")
    func demo() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let output = try CLI.temporaryDirectory()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root.appendingPathComponent("scripts/demo.sh").path, CLI.binary.path]
        var environment = ProcessInfo.processInfo.environment
        environment["DEMO_OUT"] = output.path
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("every step behaved as expected"))
        #expect(text.contains("[credentialRevoked]"))
        #expect(text.contains("attendance.csv:12"))
        #expect(text.contains("exported 9, rejected 1, left out 1 (revoked or replaced 1,"))
        #expect(text.contains("report.html: 1 physician(s), 0 meeting every requirement"))
    }
}
