import Foundation
import Testing
import VerifiableCredentials

/// Runs every file in `shared/vectors/status-list`. Bits are compared after decoding; GZIP output is not
/// canonical, so `encodedList` strings are never compared.
@Suite("Bitstring status list vectors")
struct StatusListVectorTests {
    static let derivedFiles = (try? Vectors.files(in: "status-list/derived", withExtension: "json")) ?? []
    static let specFiles = (try? Vectors.files(in: "status-list/spec-examples", withExtension: "json")) ?? []

    @Test("The vector folders are present")
    func foldersPresent() {
        #expect(Self.derivedFiles.count >= 3)
        #expect(Self.specFiles.count >= 6)
    }

    @Test("Derived vectors decode to the listed bytes and entry values", arguments: derivedFiles)
    func derivedDecodes(file: String) throws {
        let vector = try Vectors.json("status-list/derived/\(file)")
        let statusSize = try #require(vector["statusSize"]?.numberValue).asInt
        let encoded = try #require(vector["encodedList"]?.stringValue)
        let list = try BitstringStatusList(encodedList: encoded, statusSize: statusSize)

        let byteCount = try #require(vector["uncompressedBytes"]?.numberValue).asInt
        let bitCount = try #require(vector["uncompressedBits"]?.numberValue).asInt
        #expect(list.bytes.count == byteCount)
        #expect(list.bytes.count * 8 == bitCount)
        let nonZero = try #require(vector["nonZeroBytes(byteOffset->hexValue)"]?.objectValue)
        var expectedBytes = [UInt8](repeating: 0, count: list.bytes.count)
        for member in nonZero.members {
            let offset = try #require(Int(member.key))
            let hex = try #require(member.value.stringValue)
            expectedBytes[offset] = try #require(UInt8(hex, radix: 16))
        }
        #expect(list.bytes == expectedBytes)

        let entries = try #require(vector["entries(statusListIndex->value)"]?.objectValue)
        for member in entries.members {
            let index = try #require(Int(member.key))
            let value = try #require(member.value.numberValue).asInt
            #expect(try list.status(at: index) == UInt32(value))
        }
        #expect(list.setIndexes == entries.keys.compactMap { Int($0) }.sorted())
    }

    @Test("Building each derived vector from its entries gives the same bits", arguments: derivedFiles)
    func derivedBuilds(file: String) throws {
        let vector = try Vectors.json("status-list/derived/\(file)")
        let statusSize = try #require(vector["statusSize"]?.numberValue).asInt
        var list = try BitstringStatusList(statusSize: statusSize)
        for member in try #require(vector["entries(statusListIndex->value)"]?.objectValue).members {
            let value = try #require(member.value.numberValue).asInt
            let index = try #require(Int(member.key))
            try list.setStatus(UInt32(value), at: index)
        }
        let reference = try BitstringStatusList(
            encodedList: try #require(vector["encodedList"]?.stringValue), statusSize: statusSize)
        let ours = try BitstringStatusList(encodedList: try list.encodedList(), statusSize: statusSize)
        #expect(ours.bytes == reference.bytes)
    }

    /// What each spec example must yield: its status entries, or the error code of the bad one.
    static let specExpectations: [String: Result<[(StatusPurpose, Int, String)], CredentialError>] = [
        "revocable-credential.json": .success([(.revocation, 94567, "https://example.com/credentials/status/3")]),
        "simple-entries-revocation-and-suspension.json": .success([
            (.revocation, 94567, "https://example.com/credentials/status/3"),
            (.suspension, 23452, "https://example.com/credentials/status/4"),
        ]),
        "multiple-status-lists-legacy-issuanceDate.json": .success([
            (.revocation, 94567, "https://example.com/credentials/status/3"),
            (.suspension, 12345, "https://example.com/credentials/status/4"),
        ]),
        "multiple-entries-single-list-legacy-issuanceDate.json": .success([
            (.revocation, 94567, "https://example.com/credentials/status/5"),
            (.suspension, 12345, "https://example.com/credentials/status/5"),
        ]),
        // The spec elides the fourth statusMessage; statusSize 2 requires exactly four.
        "message-entry-ELIDED.json": .failure(CredentialError(.invalidStatusEntry, "")),
        "status-list-credential.json": .success([]),
    ]

    @Test("Every spec example has an expectation")
    func everyExampleCovered() {
        #expect(Set(Self.specFiles) == Set(Self.specExpectations.keys))
    }

    @Test("Spec examples: status entries read as expected", arguments: specFiles)
    func specEntries(file: String) throws {
        let document = try Vectors.json("status-list/spec-examples/\(file)")
        let expectation = try #require(Self.specExpectations[file])
        let statuses = document["credentialStatus"]?.asArray ?? []
        switch expectation {
        case .success(let expected):
            let entries = try statuses.enumerated().map { offset, status in
                try BitstringStatusListEntry(json: status, at: "/credentialStatus/\(offset)")
            }
            #expect(entries.map(\.statusPurpose) == expected.map(\.0))
            #expect(entries.map(\.statusListIndex) == expected.map(\.1))
            #expect(entries.map(\.statusListCredential) == expected.map(\.2))
            for (entry, status) in zip(entries, statuses) {
                #expect(entry.json == status, "the entry writes back the JSON it was read from")
            }
        case .failure(let expectedError):
            let status = try #require(statuses.first)
            let error = #expect(throws: CredentialError.self) { try BitstringStatusListEntry(json: status) }
            #expect(error?.code == expectedError.code)
            #expect(error?.location == "/credentialStatus/statusMessage")
        }
    }

    @Test("The spec's status list credential reads: 131,072 entries, none set, index 94567 valid")
    func specStatusListCredential() throws {
        let document = try Vectors.json("status-list/spec-examples/status-list-credential.json")
        let credential = try BitstringStatusListCredential(json: document)
        #expect(credential.id == "https://example.com/credentials/status/3")
        #expect(credential.issuer == "did:example:12345")
        #expect(credential.statusPurposes == [.revocation])
        #expect(credential.subjectID == "https://example.com/status/3#list")
        #expect(credential.validFrom == Date(timeIntervalSince1970: 1_617_632_860))
        #expect(credential.list.entryCount == 131_072)
        #expect(credential.list.bytes.allSatisfy { $0 == 0 })
        #expect(try credential.list.status(at: 94567) == 0)
    }
}

extension Double {
    /// The value as an `Int`; the vectors hold only small whole numbers.
    var asInt: Int { Int(exactly: self) ?? -1 }
}
