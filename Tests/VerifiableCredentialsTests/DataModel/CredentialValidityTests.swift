import Foundation
import Testing
import VerifiableCredentials

@Suite("CredentialValidity: VC 2.0 and VC 1.1 validity windows")
struct CredentialValidityTests {
    static let v2: JSONValue = [
        "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
        "validFrom": "2026-01-10T00:00:00Z", "validUntil": "2028-01-10T00:00:00Z",
    ]
    static let v1: JSONValue = [
        "@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"],
        "issuanceDate": "2020-03-10T04:24:12.164Z", "expirationDate": "2021-03-10T04:24:12Z",
    ]

    static func date(_ text: String) throws -> Date { try #require(DateTimeStamp(text)).date }

    @Test("VC 2.0: validFrom and validUntil, both ends inclusive")
    func vc2Window() throws {
        let validity = try CredentialValidity(credential: Self.v2)
        #expect(validity.dataModel == .v2)
        #expect(validity.validFrom?.text == "2026-01-10T00:00:00Z")
        #expect(validity.validUntil?.text == "2028-01-10T00:00:00Z")
        #expect(validity.status(at: try Self.date("2026-01-09T23:59:59Z")) == .notYetValid)
        #expect(validity.status(at: try Self.date("2026-01-10T00:00:00Z")) == .valid)
        #expect(validity.status(at: try Self.date("2028-01-10T00:00:00Z")) == .valid)
        #expect(validity.status(at: try Self.date("2028-01-10T00:00:01Z")) == .expired)
    }

    @Test("VC 1.1: issuanceDate and expirationDate")
    func vc11Window() throws {
        let validity = try CredentialValidity(credential: Self.v1)
        #expect(validity.dataModel == .v1_1)
        #expect(validity.validFrom?.date == (try Self.date("2020-03-10T04:24:12.164Z")))
        #expect(validity.status(at: try Self.date("2020-03-10T04:24:12Z")) == .notYetValid)
        #expect(validity.contains(try Self.date("2020-06-01T00:00:00Z")))
        #expect(validity.status(at: try Self.date("2021-03-10T04:24:13Z")) == .expired)
    }

    @Test("Open ends: no dates in VC 2.0, no expirationDate in VC 1.1")
    func openEnds() throws {
        let open = try CredentialValidity(credential: ["@context": ["https://www.w3.org/ns/credentials/v2"]])
        #expect(open.validFrom == nil && open.validUntil == nil)
        #expect(open.contains(Date(timeIntervalSince1970: 0)))
        var v1 = try #require(Self.v1.objectValue)
        v1["expirationDate"] = nil
        let noEnd = try CredentialValidity(credential: .object(v1))
        #expect(noEnd.status(at: try Self.date("2999-01-01T00:00:00Z")) == .valid)
    }

    @Test(
        "Refused: malformed dates, missing issuanceDate, the other model's members, reversed windows",
        arguments: [
            ("v2", "validFrom", JSONValue.string("10 January 2026")),
            ("v2", "validUntil", JSONValue.number(2028)),
            ("v2", "issuanceDate", JSONValue.string("2026-01-10T00:00:00Z")),
            ("v2", "validUntil", JSONValue.string("2025-01-10T00:00:00Z")),
            ("v1", "issuanceDate", JSONValue.null),
            ("v1", "validFrom", JSONValue.string("2020-03-10T04:24:12Z")),
            ("v1", "expirationDate", JSONValue.string("2019-01-01T00:00:00Z")),
        ])
    func refused(_ model: String, _ member: String, _ value: JSONValue) throws {
        var credential = try #require((model == "v2" ? Self.v2 : Self.v1).objectValue)
        credential[member] = value == .null ? nil : value
        let error = #expect(throws: CredentialError.self) { try CredentialValidity(credential: .object(credential)) }
        #expect(error?.code == .invalidValidityPeriod)
        #expect(error?.location == "/" + member)
    }
}
