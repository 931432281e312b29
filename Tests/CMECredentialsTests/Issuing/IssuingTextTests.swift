import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

@Suite("Issuing: durations, file names, time stamps, configuration")
struct IssuingTextTests {
    @Test("durations", arguments: [("7d", 604_800.0), ("24h", 86_400), ("30m", 1_800), ("90s", 90), ("45", 45)])
    func durations(_ text: String, _ seconds: Double) throws {
        #expect(try DurationText.seconds(text) == seconds)
    }

    @Test("bad durations are invalidDuration", arguments: ["", "d", "0d", "-1d", "7w", "1.5h", "7 d"])
    func badDurations(_ text: String) {
        let error = #expect(throws: CredentialError.self) { try DurationText.seconds(text) }
        #expect(error?.code == .invalidDuration)
    }

    @Test("credential file names keep only safe characters")
    func fileNames() {
        #expect(CredentialOutput.fileName(for: "urn:uuid:0f8e-AB") == "urn_uuid_0f8e-AB.json")
        #expect(CredentialOutput.fileName(for: "https://x.org/c/1?a=b") == "https___x.org_c_1_a_b.json")
        #expect(CredentialOutput.fileName(for: "../\u{E9}") == "..__.json")
        // One "_" per Unicode scalar, whatever its UTF-8 length (2, 3 and 4 bytes), and for each scalar of a
        // character made of several.
        #expect(CredentialOutput.fileName(for: "a\u{E9}b✓c😀d") == "a_b_c_d.json")
        #expect(CredentialOutput.fileName(for: "e\u{301}") == "e_.json")
        #expect(CredentialOutput.fileName(for: "") == ".json")
    }

    @Test("millisecond time stamps match ISO8601DateFormatter")
    func timeStamps() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let milliseconds = Int64.random(in: 0...7_000_000_000_000, using: &generator)
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            #expect(DateTimeStamp.format(date, milliseconds: true) == formatter.string(from: date))
            let parsed = DateTimeStamp(DateTimeStamp.format(date, milliseconds: true))?.date.timeIntervalSince1970 ?? 0
            #expect(abs(parsed - Double(milliseconds) / 1000) < 0.0005)
        }
        #expect(DateTimeStamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(DateTimeStamp.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    }

    @Test("issuer.json round-trips; status entries and list URLs follow the base URL")
    func configuration() throws {
        let configuration = IssuerConfiguration(
            profile: IssuerProfile(id: "did:web:cme.example.org", name: "Example", providerID: "0001234"),
            keyPath: "issuer.pem", verificationMethod: "did:web:cme.example.org#key-1",
            statusBaseURL: "https://cme.example.org/status/")
        #expect(try IssuerConfiguration(json: configuration.json) == configuration)
        #expect(configuration.suite == IssuanceSuites.defaultName)
        let entry = configuration.statusEntry(StatusAllocation(purpose: .suspension, listNumber: 2, index: 77))
        #expect(entry.statusListCredential == "https://cme.example.org/status/suspension/2")
        #expect(entry.id == "https://cme.example.org/status/suspension/2#77")
        var broken = configuration.json.objectValue ?? JSONObject()
        broken["statusBaseURL"] = .number(1)
        let error = #expect(throws: CredentialError.self) { try IssuerConfiguration(json: .object(broken)) }
        #expect(error?.code == .invalidIssuerDirectory)
        #expect(error?.location == "/statusBaseURL")
    }
}
