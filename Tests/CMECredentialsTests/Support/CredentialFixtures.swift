import CMECredentials
import Foundation
import VerifiableCredentials

/// An issuer, status entries and credentials built from the example batch.
enum CredentialFixtures {
    static let issuer = IssuerProfile(
        id: "did:web:cme.example-hospital.org", name: "Example Hospital CME Office",
        url: "https://cme.example-hospital.org", providerID: "0001234")

    static let issuedAt = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21
    static let salt: [UInt8] = Array(0..<16)
    static let saltHex = "000102030405060708090a0b0c0d0e0f"

    static func status(_ purpose: String, index: Int) -> JSONValue {
        let list = "https://cme.example-hospital.org/status/\(purpose)/1"
        return [
            "id": .string("\(list)#\(index)"), "type": "BitstringStatusListEntry", "statusPurpose": .string(purpose),
            "statusListIndex": .string(String(index)), "statusListCredential": .string(list),
        ]
    }

    static let statuses = [status("revocation", index: 94567), status("suspension", index: 94567)]

    /// The valid records of both example files.
    static func exampleRecords() throws -> [ActivityRecord] {
        let csv = try ActivityRecordReader.read(contentsOf: SharedFiles.example("provider-batch/attendance.csv"))
        let jsonl = try ActivityRecordReader.read(contentsOf: SharedFiles.example("provider-batch/attendance.jsonl"))
        return csv.records + jsonl.records
    }

    /// One credential per example record.
    static func exampleCredentials(statuses: [JSONValue] = statuses) throws -> [JSONValue] {
        let builder = CMECredentialBuilder(issuer: issuer)
        return try exampleRecords().enumerated().map { index, record in
            try builder.credential(
                for: record, id: "urn:uuid:00000000-0000-4000-8000-\(String(format: "%012d", index))",
                issuedAt: issuedAt, statuses: statuses, salt: salt)
        }
    }

    /// A placeholder Data Integrity proof, written as an array as the caller writes it.
    static let dummyProof: JSONValue = [
        [
            "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2026-09-21T00:00:00Z",
            "verificationMethod": "did:web:cme.example-hospital.org#key-1", "proofPurpose": "assertionMethod",
            "proofValue": "z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKods5D2UAUL5n2Brbx",
        ]
    ]

    /// `credential` with `proof` added.
    static func withProof(_ credential: JSONValue) -> JSONValue {
        guard var object = credential.objectValue else { return credential }
        object["proof"] = dummyProof
        return .object(object)
    }
}
