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

    /// RDFC-1.0 Appendix A escaping one Unicode scalar at a time, the reference for the byte-run escaper.
    static func escapedScalarByScalar(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x08: out += "\\b"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0C: out += "\\f"
            case 0x0D: out += "\\r"
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x00...0x1F, 0x7F, 0xFFFE, 0xFFFF:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test("Escaping by byte runs agrees with escaping scalar by scalar, around U+FFFE and U+FFFF's UTF-8")
    func escapingByRuns() {
        // Scalars whose UTF-8 starts with EF (U+F000–U+FFFF) next to the two that are escaped, and the rest.
        let pieces = [
            "a", "\u{EFFF}", "\u{F000}", "\u{FFBE}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "\u{10000}",
            "\u{1F600}", "\n", "\"", "\\", "\u{7F}", "\u{0}", "\u{1F}", "™", "é", " ", "\r\n",
        ]
        var values: [String] = []
        var seed: UInt64 = 0x5EED
        for length in 0..<200 {
            var value = ""
            for _ in 0..<(length % 12) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                value += pieces[Int(seed >> 33) % pieces.count]
            }
            values.append(value)
        }
        // Each piece at every offset of a long plain run (eight bytes are looked at together).
        for piece in pieces {
            for offset in 0..<20 {
                values.append(
                    String(repeating: "x", count: offset) + piece + String(repeating: "y", count: 19 - offset))
            }
        }
        for value in values {
            let quad = RDFQuad(
                subject: .iri("urn:ex:s"), predicate: .iri("urn:ex:p"), object: .literal(RDFLiteral(value)))
            let expected = "<urn:ex:s> <urn:ex:p> \"" + Self.escapedScalarByScalar(value) + "\" .\n"
            #expect(NQuads.line(for: quad) == expected, "\(value.debugDescription)")
        }
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
