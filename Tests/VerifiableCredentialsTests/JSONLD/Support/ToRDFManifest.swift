import Foundation
import Testing
import VerifiableCredentials

/// One test of the W3C JSON-LD toRdf manifest.
struct ToRDFCase: CustomTestStringConvertible, Sendable {
    enum Kind: Sendable { case positive, negative, syntax }

    var id: String
    var name: String
    var kind: Kind
    var input: String
    var expect: String?
    var expectErrorCode: String?
    var option: JSONObject

    var testDescription: String { "\(id) \(name)" }
}

/// Reads the toRdf manifest and runs its tests offline.
enum ToRDFManifest {
    static let folder = "jsonld-toRdf"
    static let baseIRI = "https://w3c.github.io/json-ld-api/tests/"

    /// The tests for a JSON-LD 1.1 processor (1.0-only tests left out, as the spec's runners do).
    static let cases: [ToRDFCase] = {
        guard let manifest = try? Vectors.json("\(folder)/toRdf-manifest.jsonld"),
            let sequence = manifest["sequence"]?.arrayValue
        else { return [] }
        return sequence.compactMap { entry -> ToRDFCase? in
            guard let id = entry["@id"]?.stringValue, let input = entry["input"]?.stringValue else { return nil }
            let option = entry["option"]?.objectValue ?? JSONObject()
            if option["specVersion"] == "json-ld-1.0" { return nil }
            let types = entry["@type"]?.asArray.compactMap(\.stringValue) ?? []
            let kind: ToRDFCase.Kind =
                types.contains("jld:NegativeEvaluationTest")
                ? .negative
                : types.contains("jld:PositiveSyntaxTest") ? .syntax : .positive
            return ToRDFCase(
                id: id, name: entry["name"]?.stringValue ?? "", kind: kind, input: input,
                expect: entry["expect"]?.stringValue, expectErrorCode: entry["expectErrorCode"]?.stringValue,
                option: option)
        }
    }()

    /// The cases whose options let `RDFCanonicalizer.canonicalNQuadsBytes(jsonLD:options:)` go its own way (no
    /// `rdfDirection`, no generalized RDF), with those options.
    static var oneWalkCases: [(test: ToRDFCase, options: JSONLDOptions)] {
        cases.compactMap { test in
            let options = options(for: test)
            guard options.rdfDirection == nil, !options.produceGeneralizedRdf else { return nil }
            return (test, options)
        }
    }

    /// Tests not run, with the reason.
    static let skipped: [String: String] = [:]

    /// Maps the suite's URLs to the local copy and refuses every other URL.
    struct Loader: DocumentLoader {
        func loadDocument(_ url: String) throws(CredentialError) -> JSONValue {
            guard url.hasPrefix(ToRDFManifest.baseIRI) else {
                throw CredentialError(.unknownContext, "not in the test suite: \(url)")
            }
            let path = String(url.dropFirst(ToRDFManifest.baseIRI.count))
            do {
                return try Vectors.json("\(ToRDFManifest.folder)/\(path)")
            } catch {
                throw CredentialError(.unknownContext, "no such test file: \(url)")
            }
        }
    }

    enum Outcome: Equatable {
        case passed
        case failed(String)
    }

    /// The options the manifest gives `test`.
    static func options(for test: ToRDFCase, ordered: Bool = true) -> JSONLDOptions {
        let option = test.option
        var options = JSONLDOptions(
            base: option["base"]?.stringValue ?? baseIRI + test.input, documentLoader: Loader(), ordered: ordered)
        if option["processingMode"] == "json-ld-1.0" { options.processingMode = .jsonLD10 }
        if let direction = option["rdfDirection"]?.stringValue {
            options.rdfDirection = RDFDirection(rawValue: direction)
        }
        if option["produceGeneralizedRdf"] == true { options.produceGeneralizedRdf = true }
        if let context = option["expandContext"]?.stringValue {
            options.expandContext = try? Vectors.json("\(folder)/\(context)")
        }
        return options
    }

    /// Runs `test`; `ordered` false takes the quads in the node map's order (as RDFC-1.0 input does).
    static func run(_ test: ToRDFCase, ordered: Bool = true) -> Outcome {
        let options = options(for: test, ordered: ordered)
        let input: JSONValue
        do {
            input = try Vectors.json("\(folder)/\(test.input)")
        } catch {
            return .failed("cannot read input: \(error)")
        }
        let dataset: RDFDataset
        do {
            dataset = try JSONLD.toRDF(input, options: options)
        } catch {
            if test.kind == .negative {
                return error.jsonLDErrorCode == test.expectErrorCode
                    ? .passed : .failed("expected \(test.expectErrorCode ?? "?"), got \(error.debugDescription)")
            }
            return .failed("unexpected error \(error.debugDescription)")
        }
        switch test.kind {
        case .negative: return .failed("expected error \(test.expectErrorCode ?? "?"), got \(dataset.count) quads")
        case .syntax: return .passed
        case .positive:
            guard let expect = test.expect, let text = try? Vectors.text("\(folder)/\(expect)"),
                let expected = try? NQuadsTestParser.parse(text)
            else { return .failed("cannot read the expected output") }
            if DatasetIsomorphism.isomorphic(dataset, expected) { return .passed }
            let got = Set(dataset.map { DatasetIsomorphism.line($0, [:]) }).sorted().joined(separator: "\n")
            let want = Set(expected.map { DatasetIsomorphism.line($0, [:]) }).sorted().joined(separator: "\n")
            return .failed("output differs\n--- got\n\(got)\n--- expected\n\(want)")
        }
    }
}
