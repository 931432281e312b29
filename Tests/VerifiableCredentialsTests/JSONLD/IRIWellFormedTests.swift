import Testing

@testable import VerifiableCredentials

/// `IRIReference.isWellFormedIRI`, which decides whether toRdf keeps a quad: every ASCII byte inside an IRI, against
/// the list of characters IRIs forbid.
@Suite("Well-formed IRIs")
struct IRIWellFormedTests {
    static let forbidden: Set<UInt8> = Set(0...0x20).union(Array(#""<>\^`{|}"#.utf8))

    @Test("each ASCII byte inside an absolute IRI: refused exactly when IRIs forbid it")
    func everyASCIIByte() {
        for byte in UInt8(0)..<128 {
            let iri = "http://example.org/a" + String(decoding: [byte], as: UTF8.self) + "b"
            #expect(IRIReference.isWellFormedIRI(iri) == !Self.forbidden.contains(byte), "byte \(byte)")
        }
    }

    @Test("one fragment, non-ASCII characters and a relative reference")
    func fragmentsAndOthers() {
        #expect(IRIReference.isWellFormedIRI("https://example.org/é/ü?q=1#frag"))
        #expect(!IRIReference.isWellFormedIRI("https://example.org/#a#b"))
        #expect(!IRIReference.isWellFormedIRI("example.org/a"))
        #expect(!IRIReference.isWellFormedIRI("_:b0"))
        #expect(IRIReference.isWellFormedIRI("urn:uuid:0c6e3a52-8f1b-4d7e-a1c3-5b9d2e4f6a70"))
    }
}
