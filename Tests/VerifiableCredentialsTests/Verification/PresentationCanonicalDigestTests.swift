import Crypto
import Dispatch
import Foundation
import Testing

@testable import VerifiableCredentials

/// The presentation digest hashed from its credentials' canonical forms, handed in in any order and from
/// several threads, is the SHA-256 of canonicalizing the presentation less its proof.
@Suite("Presentation digest from the credentials' canonical forms")
struct PresentationCanonicalDigestTests {
    static func credential(_ number: Int) -> JSONValue {
        [
            "id": .string("urn:uuid:\(number)"), "type": ["VerifiableCredential"],
            "credentialSubject": ["n": .number(Double(number))],
        ]
    }

    /// The digest canonicalizing gives.
    static func expected(_ presentation: JSONObject) -> [UInt8] {
        Array(SHA256.hash(data: JSONCanonicalizer.canonicalize(.object(presentation.removing("proof")))))
    }

    /// The digest with every credential handed in, in `order`.
    static func digest(_ presentation: JSONObject, order: [Int]) -> [UInt8]? {
        let credentials = presentation["verifiableCredential"]?.asArray ?? []
        guard let digest = PresentationCanonicalDigest(presentation: presentation, credentialCount: credentials.count)
        else { return nil }
        for index in order { digest.add(JSONCanonicalizer.canonicalize(credentials[index]), at: index) }
        return digest.finish()
    }

    static func presentation(credentials: JSONValue, extra: [String: JSONValue] = [:]) -> JSONObject {
        var object = JSONObject()
        object["@context"] = ["https://www.w3.org/ns/credentials/v2"]
        object["type"] = ["VerifiablePresentation"]
        object["holder"] = "did:key:z6Mk"
        object["verifiableCredential"] = credentials
        object["proof"] = ["type": "DataIntegrityProof", "proofValue": "z1"]
        for (key, value) in extra { object[key] = value }
        return object
    }

    @Test("in order, in reverse, shuffled: the digest of the canonical presentation less its proof")
    func anyOrder() throws {
        let object = Self.presentation(credentials: .array((0..<7).map(Self.credential)))
        for order in [Array(0..<7), Array((0..<7).reversed()), [3, 0, 6, 1, 5, 2, 4]] {
            #expect(Self.digest(object, order: order) == Self.expected(object), "\(order)")
        }
    }

    @Test("members sorting after verifiableCredential, one credential not in an array, and none")
    func shapes() {
        // "zeta" and a supplementary-plane key sort after "verifiableCredential" (RFC 8785 sorts by UTF-16).
        let after = Self.presentation(
            credentials: .array([Self.credential(1), Self.credential(2)]), extra: ["zeta": 1, "\u{1F600}": "x"])
        #expect(Self.digest(after, order: [1, 0]) == Self.expected(after))
        let single = Self.presentation(credentials: Self.credential(5))
        #expect(Self.digest(single, order: [0]) == Self.expected(single))
        let empty = Self.presentation(credentials: [])
        #expect(Self.digest(empty, order: []) == Self.expected(empty))
        var without = Self.presentation(credentials: [])
        without["verifiableCredential"] = nil
        #expect(PresentationCanonicalDigest(presentation: without, credentialCount: 0) == nil)
        #expect(PresentationCanonicalDigest(presentation: single, credentialCount: 2) == nil)
    }

    @Test("no digest until every credential is in; repeats and strays are ignored")
    func incomplete() {
        let object = Self.presentation(credentials: .array((0..<3).map(Self.credential)))
        let credentials = object["verifiableCredential"]?.asArray ?? []
        guard let digest = PresentationCanonicalDigest(presentation: object, credentialCount: 3) else {
            Issue.record("no digest")
            return
        }
        digest.add(JSONCanonicalizer.canonicalize(credentials[0]), at: 0)
        digest.add(JSONCanonicalizer.canonicalize(credentials[2]), at: 2)
        #expect(digest.finish() == nil)
        digest.add(Array("junk".utf8), at: 0)
        digest.add(Array("junk".utf8), at: 7)
        digest.add(JSONCanonicalizer.canonicalize(credentials[1]), at: 1)
        #expect(digest.finish() == Self.expected(object))
    }

    @Test("handed in from several threads at once")
    func concurrent() {
        let count = 500
        let object = Self.presentation(credentials: .array((0..<count).map(Self.credential)))
        let credentials = object["verifiableCredential"]?.asArray ?? []
        for _ in 0..<5 {
            guard let digest = PresentationCanonicalDigest(presentation: object, credentialCount: count) else {
                Issue.record("no digest")
                return
            }
            DispatchQueue.concurrentPerform(iterations: count) { index in
                digest.add(JSONCanonicalizer.canonicalize(credentials[index]), at: index)
            }
            #expect(digest.finish() == Self.expected(object))
        }
    }
}
