import Foundation
import Testing
import VerifiableCredentials

/// `cmevc wallet list` on a wallet holding files it cannot read.
@Suite("cmevc wallet list: unreadable wallet files")
struct WalletListSkipTests {
    @Test(
        "each unreadable wallet file is a warning naming it; the rest is listed; exit 1",
        arguments: ["text", "json", "csv"])
    func skippedFiles(format: String) throws {
        let s = try RegistryWalletVerifyCommandTests().setup()
        #expect(try s.run(["wallet", "import", "--wallet", "w", "vc.json"]).status == 0)
        try s.write("[1, 2]", to: "w/array.json")
        try s.write("{\"a\": ", to: "w/cut.json")
        try s.write(
            "{\"id\": \"data:application/vc+jwt,not-a-jwt\", \"type\": \"EnvelopedVerifiableCredential\"}",
            to: "w/envelope.json")
        let listed = try s.run(["wallet", "list", "--wallet", "w", "--format", format])
        #expect(listed.status == 1, "\(listed.stderr)")
        let warnings = listed.stderr.split(separator: "\n").map(String.init)
        #expect(warnings.count == 3, "\(listed.stderr)")
        #expect(
            warnings.first == "warning: w/array.json: not a credential: expected a JSON object, found an array",
            "\(listed.stderr)")
        #expect(warnings.dropFirst().first?.hasPrefix("warning: w/cut.json: line 1, column 7: ") == true)
        #expect(warnings.last?.hasPrefix("warning: w/envelope.json: ") == true, "\(listed.stderr)")
        switch format {
        case "json":
            let report = try JSONParser.parse(listed.stdout)
            #expect(report["credentials"]?.arrayValue?.count == 1)
            #expect(report["totals"]?.arrayValue?.first?["amount"] == 3.25)
        case "csv":
            #expect(listed.stdout.split(separator: "\n").count == 2, "\(listed.stdout)")
        default:
            #expect(listed.stdout.hasSuffix("1 credential; totals: 3.25 AMA_PRA_CAT1\n"), "\(listed.stdout)")
        }
    }
}
