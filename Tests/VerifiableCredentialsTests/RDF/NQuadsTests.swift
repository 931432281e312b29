import Testing
import VerifiableCredentials

@Suite("N-Quads parser and canonical serializer")
struct NQuadsTests {
    @Test("Canonical escaping follows RDFC-1.0 Appendix A")
    func serializerEscaping() {
        let value = "\u{0}\u{7}\u{8}\t\n\u{B}\u{C}\r\u{E}\u{1F} \"'\\\u{7F}\u{80}\u{9F}é∞🌃\u{FFFD}\u{FFFE}\u{FFFF}"
        let quad = RDFQuad(
            subject: .iri("urn:ex:s"), predicate: .iri("urn:ex:p"), object: .literal(RDFLiteral(value)))
        #expect(
            NQuads.line(for: quad)
                == "<urn:ex:s> <urn:ex:p> \"\\u0000\\u0007\\b\\t\\n\\u000B\\f\\r\\u000E\\u001F \\\"'\\\\\\u007F"
                + "\u{80}\u{9F}é∞🌃\u{FFFD}\\uFFFE\\uFFFF\" .\n")
    }

    @Test("Simple literals drop xsd:string; other datatypes and language tags are written")
    func literalForms() {
        #expect(NQuads.term(.literal(RDFLiteral("a", datatype: RDFLiteral.xsdString))) == "\"a\"")
        #expect(
            NQuads.term(.literal(RDFLiteral("1", datatype: "http://www.w3.org/2001/XMLSchema#integer")))
                == "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>")
        #expect(NQuads.term(.literal(RDFLiteral("chat", language: "fr-CA"))) == "\"chat\"@fr-CA")
        #expect(NQuads.term(.iri("urn:ex:∞ x")) == "<urn:ex:∞ x>")
        #expect(NQuads.term(.blankNode("b0")) == "_:b0")
    }

    @Test("A quad in a named graph is written with its graph label")
    func graphLabel() {
        let quad = RDFQuad(
            subject: .blankNode("x"), predicate: .iri("urn:p"), object: .iri("urn:o"),
            graph: .blankNode("g"))
        #expect(NQuads.serialize([quad, quad]) == "_:x <urn:p> <urn:o> _:g .\n_:x <urn:p> <urn:o> _:g .\n")
    }

    @Test("The parser reads every term form, escapes, comments and line ends")
    func parsesGrammar() throws {
        let document = """
            # a comment line
            <urn:ex:s\\u0041> <urn:ex:p> "a\\tb\\u00E9\\U0001F303\\"\\\\" <urn:ex:g> . # trailing comment\r
            _:b.1 <urn:ex:p> "chat"@fr-CA .\r\n\r\n
            _:b.1\t<urn:ex:p>\t"1"^^<http://www.w3.org/2001/XMLSchema#integer>\t_:g.
            _:x <urn:ex:p> "plain"^^<http://www.w3.org/2001/XMLSchema#string> .
            """
        let quads = try NQuads.parse(document)
        #expect(quads.count == 4)
        #expect(quads[0].subject == .iri("urn:ex:sA"))
        #expect(quads[0].object == .literal(RDFLiteral("a\tbé🌃\"\\")))
        #expect(quads[0].graph == .iri("urn:ex:g"))
        #expect(quads[1].subject == .blankNode("b.1"))
        #expect(quads[1].object == .literal(RDFLiteral("chat", language: "fr-CA")))
        #expect(quads[1].graph == nil)
        #expect(
            quads[2].object
                == .literal(RDFLiteral("1", datatype: "http://www.w3.org/2001/XMLSchema#integer")))
        #expect(quads[2].graph == .blankNode("g"))
        #expect(quads[3].object == .literal(RDFLiteral("plain")))
        #expect(NQuads.serialize(quads).contains("_:x <urn:ex:p> \"plain\" .\n"))
    }

    @Test("Parsing the canonical output gives the same quads back")
    func roundTrip() throws {
        let expected = try Vectors.text("rdf-canon/rdfc10/test060-rdfc10.nq")
        #expect(NQuads.serialize(try NQuads.parse(expected)) == expected)
    }

    @Test(
        "Malformed documents are rejected with invalidNQuads",
        arguments: [
            "<urn:s> <urn:p> <urn:o>\n",  // no "."
            "<urn:s> <urn:p> <urn:o> . <urn:s> <urn:p> <urn:o> .\n",  // two statements on one line
            "<relative> <urn:p> <urn:o> .\n",  // relative IRI
            "<urn:s x> <urn:p> <urn:o> .\n",  // space in an IRI
            "\"lit\" <urn:p> <urn:o> .\n",  // literal subject
            "<urn:s> _:p <urn:o> .\n",  // blank node predicate
            "<urn:s> <urn:p> \"unterminated .\n",
            "<urn:s> <urn:p> \"bad \\q escape\" .\n",
            "<urn:s> <urn:p> \"x\"@ .\n",
            "<urn:s> <urn:p> \"\\uD800\" .\n",  // surrogate
            "<urn:s> <urn:p> \"\\u12\" .\n",
            "_:-x <urn:p> <urn:o> .\n",
            "<urn:s> <urn:p> \"x\"^<urn:t> .\n",
        ])
    func rejectsMalformed(_ document: String) {
        let error = #expect(throws: CredentialError.self) { try NQuads.parse(document) }
        #expect(error?.code == .invalidNQuads)
        #expect(error?.location?.hasPrefix("line 1, column ") == true)
    }

    @Test("Errors name the line")
    func errorLocation() {
        let error = #expect(throws: CredentialError.self) {
            try NQuads.parse("<urn:s> <urn:p> <urn:o> .\r\n\n<urn:s> <urn:p> .\n")
        }
        #expect(error?.location == "line 3, column 17")
    }

    @Test("Invalid UTF-8 is rejected")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("<urn:s> <urn:p> \"".utf8) + [0xC3, 0x28] + Array("\" .\n".utf8)
        let error = #expect(throws: CredentialError.self) { try NQuads.parse(bytes: bytes) }
        #expect(error?.code == .invalidUTF8)
    }
}
