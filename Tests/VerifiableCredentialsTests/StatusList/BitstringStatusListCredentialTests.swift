import Foundation
import Testing
import VerifiableCredentials

@Suite("BitstringStatusListCredential: building and reading")
struct BitstringStatusListCredentialTests {
    static let from = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    static let until = Date(timeIntervalSince1970: 1_767_312_000)  // 2026-01-02T00:00:00Z

    func sample() throws -> BitstringStatusListCredential {
        var list = try BitstringStatusList()
        try list.set(true, at: 42)
        try list.set(true, at: 131_071)
        return BitstringStatusListCredential(
            id: "https://issuer.example/status/1", issuer: "did:web:issuer.example", statusPurpose: .revocation,
            list: list, validFrom: Self.from, validUntil: Self.until, ttl: 86_400_000)
    }

    @Test("The unsigned credential has the VC 2.0 shape of the specification")
    func shape() throws {
        let json = try sample().unsignedJSON()
        #expect(json["@context"] == ["https://www.w3.org/ns/credentials/v2"])
        #expect(json["id"] == "https://issuer.example/status/1")
        #expect(json["type"] == ["VerifiableCredential", "BitstringStatusListCredential"])
        #expect(json["issuer"] == "did:web:issuer.example")
        #expect(json["validFrom"] == "2026-01-01T00:00:00Z")
        #expect(json["validUntil"] == "2026-01-02T00:00:00Z")
        let subject = try #require(json["credentialSubject"]?.objectValue)
        #expect(subject.keys == ["id", "type", "statusPurpose", "encodedList", "ttl"])
        #expect(subject["id"] == "https://issuer.example/status/1#list")
        #expect(subject["type"] == "BitstringStatusList")
        #expect(subject["statusPurpose"] == "revocation")
        #expect(subject["ttl"] == 86_400_000)
        let list = try BitstringStatusList(encodedList: try #require(subject["encodedList"]?.stringValue))
        #expect(list.setIndexes == [42, 131_071])
    }

    @Test("What is built reads back equal, also through serialized JSON")
    func roundTrip() throws {
        let credential = try sample()
        let bytes = JSONSerializer.bytes(try credential.unsignedJSON())
        let read = try BitstringStatusListCredential(json: try JSONParser.parse(bytes))
        #expect(read == credential.withSubjectID("https://issuer.example/status/1#list"))
    }

    @Test("A message list writes statusSize and several purposes as an array")
    func messageList() throws {
        var list = try BitstringStatusList(statusSize: 2)
        try list.setStatus(2, at: 7)
        let credential = BitstringStatusListCredential(
            id: "https://issuer.example/status/m", issuer: "did:web:issuer.example",
            statusPurposes: [.message, .refresh], list: list)
        let json = try credential.unsignedJSON()
        #expect(json["credentialSubject"]?["statusSize"] == 2)
        #expect(json["credentialSubject"]?["statusPurpose"] == ["message", "refresh"])
        #expect(json["validFrom"] == nil)
        let read = try BitstringStatusListCredential(json: json)
        #expect(read.list.statusSize == 2)
        #expect(try read.list.status(at: 7) == 2)
        #expect(read.serves(.refresh) && !read.serves(.revocation))
    }

    @Test("An issuer object with an id is accepted")
    func issuerObject() throws {
        var json = try #require(try sample().unsignedJSON().objectValue)
        json["issuer"] = ["id": "did:web:issuer.example", "name": "Issuer"]
        #expect(try BitstringStatusListCredential(json: .object(json)).issuer == "did:web:issuer.example")
    }

    static let breakages: [(String, String, @Sendable (inout JSONObject) -> Void)] = [
        ("/@context", "v1 context", { $0["@context"] = ["https://www.w3.org/2018/credentials/v1"] }),
        ("/id", "no id", { $0["id"] = nil }),
        ("/type", "not a status list", { $0["type"] = ["VerifiableCredential"] }),
        ("/issuer", "issuer number", { $0["issuer"] = 7 }),
        ("/validFrom", "bad date", { $0["validFrom"] = "yesterday" }),
        ("/validUntil", "date number", { $0["validUntil"] = 1 }),
        (
            "/credentialSubject", "two subjects",
            { $0["credentialSubject"] = [["type": "BitstringStatusList"], ["type": "BitstringStatusList"]] }
        ),
        ("/credentialSubject/type", "subject type", { $0.setSubject("type", "StatusList2021") }),
        ("/credentialSubject/statusPurpose", "no purpose", { $0.setSubject("statusPurpose", nil) }),
        ("/credentialSubject/statusPurpose", "empty purposes", { $0.setSubject("statusPurpose", []) }),
        ("/credentialSubject/statusSize", "zero size", { $0.setSubject("statusSize", 0) }),
        ("/credentialSubject/ttl", "fractional ttl", { $0.setSubject("ttl", 1.5) }),
        ("/credentialSubject/encodedList", "no list", { $0.setSubject("encodedList", nil) }),
    ]

    @Test("Malformed credentials name the JSON Pointer", arguments: 0..<breakages.count)
    func malformed(case index: Int) throws {
        let (pointer, name, breakIt) = Self.breakages[index]
        var json = try #require(try sample().unsignedJSON().objectValue)
        breakIt(&json)
        let error = #expect(throws: CredentialError.self, "\(name)") {
            try BitstringStatusListCredential(json: .object(json))
        }
        #expect(error?.code == .invalidStatusListCredential)
        #expect(error?.location == pointer)
    }

    @Test("A short or broken encodedList keeps the list's code, located at encodedList")
    func badList() throws {
        var json = try #require(try sample().unsignedJSON().objectValue)
        json.setSubject(
            "encodedList", .string(try BitstringStatusList(entryCount: 64, minimumEntries: 1).encodedList()))
        let short = #expect(throws: CredentialError.self) { try BitstringStatusListCredential(json: .object(json)) }
        #expect(short?.code == .statusListTooShort)
        #expect(short?.location == "/credentialSubject/encodedList")
        #expect(try BitstringStatusListCredential(json: .object(json), minimumEntries: 64).list.entryCount == 64)
        json.setSubject("encodedList", "zQmNotBase64url")
        let broken = #expect(throws: CredentialError.self) { try BitstringStatusListCredential(json: .object(json)) }
        #expect(broken?.code == .invalidStatusList)
    }
}

extension JSONObject {
    fileprivate mutating func setSubject(_ key: String, _ value: JSONValue?) {
        var subject = self["credentialSubject"]?.objectValue ?? JSONObject()
        subject[key] = value
        self["credentialSubject"] = .object(subject)
    }
}

extension BitstringStatusListCredential {
    fileprivate func withSubjectID(_ id: String) -> Self {
        var copy = self
        copy.subjectID = id
        return copy
    }
}
