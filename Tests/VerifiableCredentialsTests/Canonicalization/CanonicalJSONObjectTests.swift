import Foundation
import Testing

@testable import VerifiableCredentials

/// The canonical form with member positions gives exactly what canonicalizing the object (less a member, or
/// with a member's value already canonical) gives.
@Suite("Canonical objects with member ranges")
struct CanonicalJSONObjectTests {
    static let value: JSONValue = [
        "proof": ["type": "DataIntegrityProof", "proofValue": "z123"],
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:uuid:1",
        "type": ["VerifiableCredential"],
        "\u{E000}": "private use", "\u{1F600}": "supplementary",
        "credentialSubject": ["name": "Dr. ✓ \"quoted\"", "credits": 1.5],
    ]
    static var object: JSONObject { value.objectValue ?? JSONObject() }

    @Test("the bytes are RFC 8785's, and each range holds its member")
    func bytes() throws {
        let canonical = CanonicalJSONObject(Self.object)
        #expect(canonical.bytes == JSONCanonicalizer.canonicalize(.object(Self.object)))
        #expect(canonical.members.count == Self.object.members.count)
        for (key, range) in canonical.members {
            let member = try JSONParser.parse(Array("{".utf8) + canonical.bytes[range] + Array("}".utf8))
            #expect(
                member[key].map(JSONCanonicalizer.canonicalize)
                    == Self.object[key].map(JSONCanonicalizer.canonicalize))
        }
    }

    @Test("removing a member, first, inner, last, absent or the only one, equals canonicalizing without it")
    func removing() {
        let canonical = CanonicalJSONObject(Self.object)
        for key in Self.object.members.map(\.key) + ["absent"] {
            #expect(
                canonical.removing(key) == JSONCanonicalizer.canonicalize(.object(Self.object.removing(key))),
                "\(key)")
        }
        let singleValue: JSONValue = ["proof": "x"]
        let single = singleValue.objectValue ?? JSONObject()
        #expect(CanonicalJSONObject(single).removing("proof") == Array("{}".utf8))
    }

    @Test("a substituted member value is written as given")
    func substituting() {
        let value = JSONCanonicalizer.canonicalize(Self.object["credentialSubject"] ?? .null)
        let canonical = CanonicalJSONObject(Self.object, substituting: ["credentialSubject": value])
        #expect(canonical.bytes == JSONCanonicalizer.canonicalize(.object(Self.object)))
        let other = CanonicalJSONObject(Self.object, substituting: ["credentialSubject": Array("7".utf8)])
        var changed = Self.object
        changed["credentialSubject"] = 7
        #expect(other.bytes == JSONCanonicalizer.canonicalize(.object(changed)))
    }
}
