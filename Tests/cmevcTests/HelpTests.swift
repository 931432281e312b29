import Foundation
import Testing

@Suite("cmevc --help")
struct HelpTests {
    @Test("The binary runs and prints its version")
    func version() throws {
        let dir = try CLI.temporaryDirectory()
        let result = try CLI.run(["--version"], in: dir)
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }
}
