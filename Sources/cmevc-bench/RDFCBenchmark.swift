// `make bench`, RDFC part: RDFC-1.0 canonicalization of CME credentials next to pyld on the same documents in the
// same run, and eddsa-rdfc-2022 issue / verify rates next to raw Ed25519.
import Foundation
import VerifiableCredentials

/// `<package>/Schemas/contexts`, found from this file's path (the bench runs from the package).
let bundledContextsDirectory = URL(fileURLWithPath: #filePath)  // Sources/cmevc-bench/RDFCBenchmark.swift
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Schemas").appendingPathComponent("contexts")

/// Runs the RDFC benchmark over `documents` (CME-sized OB 3.0 credentials) and prints its table.
/// `rawEd25519` is the raw swift-crypto Ed25519 sign and verify rate measured by the caller.
func runRDFCBenchmark(
    documents: [JSONValue], rawEd25519: (sign: Double, verify: Double), pyldDocuments: Int = 200,
    contexts: URL = bundledContextsDirectory
) {
    let loader: BundledDocumentLoader
    do {
        loader = try BundledDocumentLoader(directory: contexts)
    } catch {
        print("RDFC benchmark skipped: \(error)")
        return
    }
    var options = JSONLDOptions(documentLoader: loader, safeMode: true)
    let canonicalizer = RDFCanonicalizer()
    func canonical(_ document: JSONValue) throws(CredentialError) -> [UInt8] {
        try canonicalizer.canonicalNQuadsBytes(jsonLD: document, options: options)
    }
    /// Documents per second over all `documents`, starting without expanded objects or dataset templates.
    func measuredRate() -> (rate: Double, failures: Int) {
        // Each measured loop starts without the objects and templates the loop before made (it would find every
        // document's objects again); what repeats between this loop's documents is reused, as in one run.
        loader.contextCache?.forgetExpandedObjects()
        var failures = 0
        let seconds = measure {
            for document in documents where (try? canonical(document)) == nil { failures += 1 }
        }
        return (rate(documents.count, seconds), failures)
    }

    // Warm the context cache, then measure.
    var first: [UInt8] = []
    do { first = try canonical(documents[0]) } catch {
        print("RDFC benchmark failed: \(error)")
        return
    }
    let (ours, failures) = measuredRate()
    options.datasetTemplates = false
    let (expanded, expandedFailures) = measuredRate()
    options.datasetTemplates = true
    print("RDFC-1.0 canonicalization (JSON-LD toRdf + RDFC-1.0, SHA-256), documents/s")
    print("  cmevc                    \(format(ours))\(failures > 0 ? "  (\(failures) FAILED)" : "")")
    print(
        "  cmevc, no templates      \(format(expanded))"
            + (expandedFailures > 0 ? "  (\(expandedFailures) FAILED)" : "")
            + "   (every document expanded)")
    switch PyLDTiming.run(Array(documents.prefix(pyldDocuments)), contexts: contexts) {
    case .success(let (pyldRate, firstOutput)):
        let same = firstOutput == String(decoding: first, as: UTF8.self) ? "same bytes" : "DIFFERENT BYTES"
        print(
            "  pyld (\(min(pyldDocuments, documents.count)) documents)     \(format(pyldRate))   (\(same) on document 1)"
        )
        print(
            String(
                format: "  cmevc ÷ pyld               %8.1f×   (target ≥ 20×); no templates %.1f×",
                ours / pyldRate,
                expanded / pyldRate))
    case .failure(let problem):
        print("  pyld                       not measured: \(problem.message)")
    }
    print("")

    // eddsa-rdfc-2022 end to end.
    let created = Date(timeIntervalSince1970: 1_772_409_600)
    do {
        let key = SigningKey(generating: .ed25519)
        let signer = try DataIntegritySigner(key: key, suite: EdDSARDFC2022(documentLoader: loader))
        let proofOptions = ProofOptions(
            verificationMethod: DIDKey.verificationMethodID(for: key.publicKey), created: created)
        var signed: [JSONValue] = []
        signed.reserveCapacity(documents.count)
        loader.contextCache?.forgetExpandedObjects()
        let signSeconds = try measure {
            for document in documents { signed.append(try signer.addProof(to: document, options: proofOptions)) }
        }
        let verifier = DataIntegrityVerifier(suites: .all(documentLoader: loader), now: created.addingTimeInterval(60))
        var rejected = 0
        loader.contextCache?.forgetExpandedObjects()
        let verifySeconds = measure {
            for document in signed where !verifier.verify(document).verified { rejected += 1 }
        }
        let signRate = rate(documents.count, signSeconds)
        let verifyRate = rate(documents.count, verifySeconds)
        print("eddsa-rdfc-2022              sign/s     verify/s   sign÷raw  verify÷raw")
        print("  raw Ed25519              \(format(rawEd25519.sign))   \(format(rawEd25519.verify))")
        print(
            "  eddsa-rdfc-2022 ed25519  \(format(signRate))   \(format(verifyRate))   \(String(format: "%6.2f", signRate / rawEd25519.sign))    \(String(format: "%6.2f", verifyRate / rawEd25519.verify))\(rejected > 0 ? "  (\(rejected) FAILED)" : "")"
        )
    } catch {
        print("  eddsa-rdfc-2022: \(error)")
    }
    print("")
}

/// pyld's own loop time over the same documents, measured inside Python (process start and JSON loading excluded).
enum PyLDTiming {
    struct Problem: Error {
        var message: String
    }

    static let script = """
        import json, os, sys, time
        try:
            from pyld import jsonld
        except ImportError:
            print(json.dumps({"error": "pyld is missing (make setup installs it)"}))
            sys.exit(0)
        contexts = sys.argv[2]
        index = json.load(open(os.path.join(contexts, "index.json")))
        cache = {}
        def loader(url, options=None):
            if url not in cache:
                cache[url] = json.load(open(os.path.join(contexts, index[url])))
            return {"contextUrl": None, "documentUrl": url, "document": cache[url]}
        docs = json.load(open(sys.argv[1]))
        opts = {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": loader}
        first = jsonld.normalize(docs[0], opts)
        start = time.perf_counter()
        for doc in docs:
            jsonld.normalize(doc, opts)
        seconds = time.perf_counter() - start
        print(json.dumps({"rate": len(docs) / seconds, "first": first}))
        """

    /// The pyld rate in documents per second and its canonical form of the first document.
    static func run(_ documents: [JSONValue], contexts: URL) -> Result<(Double, String), Problem> {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cmevc-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let scriptURL = directory.appendingPathComponent("pyld_bench.py")
            let inputURL = directory.appendingPathComponent("documents.json")
            try Data(script.utf8).write(to: scriptURL)
            try Data(JSONSerializer.bytes(.array(documents))).write(to: inputURL)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", scriptURL.path, inputURL.path, contexts.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let result = try JSONParser.parse(Array(data))
            if let message = result["error"]?.stringValue { return .failure(Problem(message: message)) }
            guard let rate = result["rate"]?.numberValue, let first = result["first"]?.stringValue else {
                return .failure(Problem(message: "python3 exited with status \(process.terminationStatus)"))
            }
            return .success((rate, first))
        } catch {
            return .failure(Problem(message: "\(error)"))
        }
    }
}
