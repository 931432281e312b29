import CMECredentials
import Foundation
import Testing
import VerifiableCredentials

/// Issued credentials against independent tools: the strict OB 3.0 JSON Schema (Python `jsonschema`) and a
/// JSON-LD processor (Python `pyld`) with the bundled contexts.
@Suite("CME credentials conform to OB 3.0 and JSON-LD")
struct OpenBadgesConformanceTests {
    typealias F = CredentialFixtures

    /// Prints, per stdin document, the JSON array of the pointers of its schema errors.
    static let schemaCheck = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft201909Validator.check_schema(schema)
        v = jsonschema.Draft201909Validator(schema)
        for line in sys.stdin:
            if line.strip():
                errors = v.iter_errors(json.loads(line))
                print(json.dumps(sorted(set('/' + '/'.join(str(p) for p in e.absolute_path) for e in errors))))
        """

    static var strictSchema: String {
        SharedFiles.vector("ob3-schema/strict-2024/ob_v3p0_achievementcredential_schema.json").path
    }

    func schemaErrors(_ documents: [JSONValue]) throws -> [String] {
        let input = documents.map { JSONSerializer.string($0) }.joined(separator: "\n")
        let output = try Python.run(Self.schemaCheck, arguments: [Self.strictSchema], input: input)
        #expect(output.status == 0, "\(output.stderr)")
        return output.stdout.split(separator: "\n").map(String.init)
    }

    @Test("With one status entry, every example credential (with a proof array) validates against the strict schema")
    func strictSchemaSingleStatus() throws {
        let credentials = try F.exampleCredentials(statuses: [F.statuses[0]]).map(F.withProof)
        #expect(credentials.count == 14)
        let errors = try schemaErrors(credentials)
        #expect(errors == Array(repeating: "[]", count: credentials.count))
    }

    @Test("With two status entries, only credentialStatus differs from the strict schema, and each entry is valid")
    func strictSchemaTwoStatuses() throws {
        let credentials = try F.exampleCredentials().map(F.withProof)
        let errors = try schemaErrors(credentials)
        // The 2024 strict schema (and the 2026 one) allow one credentialStatus object only; VC 2.0 allows an array.
        #expect(errors == Array(repeating: #"["/credentialStatus"]"#, count: credentials.count))
        var variants: [JSONValue] = []
        for credential in credentials {
            for entry in F.statuses {
                var object = try #require(credential.objectValue)
                object["credentialStatus"] = entry
                variants.append(.object(object))
            }
        }
        #expect(try schemaErrors(variants) == Array(repeating: "[]", count: variants.count))
    }

    @Test("The schema check does fail a credential that breaks OB 3.0")
    func strictSchemaRejects() throws {
        let credential = try #require(try F.exampleCredentials(statuses: [F.statuses[0]]).first)
        var noAchievementName = try #require(credential.objectValue)
        var subject = try #require(credential["credentialSubject"]?.objectValue)
        var achievement = try #require(subject["achievement"]?.objectValue)
        achievement["name"] = nil
        subject["achievement"] = .object(achievement)
        noAchievementName["credentialSubject"] = .object(subject)
        var singleProof = try #require(credential.objectValue)
        singleProof["proof"] = F.dummyProof.arrayValue?.first
        let errors = try schemaErrors([.object(noAchievementName), .object(singleProof)])
        #expect(errors == [#"["/credentialSubject/achievement"]"#, #"["/proof"]"#])
    }

    /// Prints, per stdin document, `quads <n> expected <m> undefined <k> cme <terms…>`.
    static let rdfCheck = """
        import json, os, sys
        from pyld import jsonld
        base = sys.argv[1]
        index = json.load(open(os.path.join(base, 'index.json')))
        def loader(url, options=None):
            if url not in index:
                raise Exception('not bundled: ' + url)
            return {'contextUrl': None, 'documentUrl': url, 'document': json.load(open(os.path.join(base, index[url])))}
        jsonld.set_document_loader(loader)
        def values(node):
            count = 0
            for key, value in node.items():
                if key in ('@context', 'id'):
                    continue
                for item in (value if isinstance(value, list) else [value]):
                    count += 1
                    if isinstance(item, dict):
                        count += values(item)
            return count
        for line in sys.stdin:
            if not line.strip():
                continue
            doc = json.loads(line)
            nquads = jsonld.to_rdf(doc, {'format': 'application/n-quads'})
            quads = [q for q in nquads.split('\\n') if q]
            undefined = [q for q in quads if 'issuer-dependent#' in q]
            cme = sorted(set(q.split(' ')[1] for q in quads if '<https://w3id.org/cmevc/cme#' in q.split(' ')[1]))
            types = sorted(set(q.split(' ')[2] for q in quads if 'cmevc/cme#' in q.split(' ')[2]))
            print('quads', len(quads), 'expected', values(doc), 'undefined', len(undefined), 'cme', ' '.join(cme + types))
        """

    @Test("JSON-LD: every term is defined, RDF keeps every value, all CME terms map to the cme# namespace")
    func rdfDropsNothing() throws {
        let credentials = try F.exampleCredentials()
        let contexts = SharedFiles.packageDirectory.appendingPathComponent("Schemas/contexts").path
        let input = credentials.map { JSONSerializer.string($0) }.joined(separator: "\n")
        let output = try Python.run(Self.rdfCheck, arguments: [contexts], input: input)
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.count == credentials.count)
        var used: Set<String> = []
        for fields in lines {
            #expect(fields.count >= 6 && fields[1] == fields[3], "\(fields.joined(separator: " "))")
            #expect(fields.count >= 6 && fields[5] == "0", "\(fields.joined(separator: " "))")
            used.formUnion(fields.dropFirst(7))
        }
        let expected = Set(CMEVocabulary.terms.map { "<\(CMEVocabulary.namespace)\($0)>" })
        #expect(used == expected)
    }

    @Test("The CME context defines exactly the extension terms, protected, JSON-LD 1.1, and is indexed")
    func contextFile() throws {
        let directory = SharedFiles.packageDirectory.appendingPathComponent("Schemas/contexts")
        let index = try JSONParser.parse(Array(try Data(contentsOf: directory.appendingPathComponent("index.json"))))
        #expect(index[CMEVocabulary.cmeContext] == "cme-v1.jsonld")
        let context = try JSONParser.parse(
            Array(try Data(contentsOf: directory.appendingPathComponent("cme-v1.jsonld"))))
        let terms = try #require(context["@context"]?.objectValue)
        #expect(terms["@protected"] == true)
        #expect(terms["@version"] == 1.1)
        let defined = terms.keys.filter { !$0.hasPrefix("@") }
        #expect(Set(defined) == Set(CMEVocabulary.terms))
        for term in defined {
            #expect(terms[term]?["@id"] == .string(CMEVocabulary.namespace + term))
        }
    }
}
