import Foundation
import Testing
import VerifiableCredentials

/// Runs a Python cross-check script once: the script reads a JSON input file (argument 1) and the shared
/// contexts folder (argument 2), and prints one JSON value on stdout.
enum PythonPeer {
    /// A pyld document loader over `../shared/contexts` (index.json maps URL → file); anything else fails.
    static let pyldPrelude = """
        import json, sys, os
        try:
            from pyld import jsonld
        except ImportError:
            print(json.dumps({"error": "the Python module pyld is missing; run `make setup` (pip install pyld)"}))
            sys.exit(0)
        CONTEXTS = sys.argv[2]
        with open(os.path.join(CONTEXTS, "index.json")) as f:
            INDEX = json.load(f)
        CACHE = {}
        def loader(url, options=None):
            if url not in INDEX:
                raise Exception("context not bundled: " + url)
            if url not in CACHE:
                with open(os.path.join(CONTEXTS, INDEX[url])) as f:
                    CACHE[url] = json.load(f)
            return {"contextUrl": None, "documentUrl": url, "document": CACHE[url]}
        def canonize(doc):
            return jsonld.normalize(doc, {"algorithm": "URDNA2015", "format": "application/n-quads",
                                          "documentLoader": loader})
        with open(sys.argv[1]) as f:
            INPUT = json.load(f)

        """

    /// Runs `script` (Python 3 source) over `input`; fails the test with a clear message when python3 or a
    /// module is missing.
    static func run(
        _ script: String, input: JSONValue,
        contexts: URL = Vectors.sharedDirectory.appendingPathComponent("contexts")
    ) throws -> JSONValue {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cmevc-py-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let scriptURL = directory.appendingPathComponent("check.py")
        let inputURL = directory.appendingPathComponent("input.json")
        try Data(script.utf8).write(to: scriptURL)
        try Data(JSONSerializer.bytes(input)).write(to: inputURL)
        let process = Process()
        // python3 from PATH, as `make setup` installs the modules for it.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", scriptURL.path, inputURL.path, contexts.path,
        ]
        let stdout = Pipe()
        let stderrURL = directory.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errors = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
        try #require(
            process.terminationStatus == 0,
            "the Python cross-check failed (python3 on PATH is needed; `make setup`): \(errors)")
        let result = try JSONParser.parse(Array(output))
        // A missing module fails the test with this message.
        if let message = result["error"]?.stringValue { throw PeerMissing(message: message) }
        return result
    }

    struct PeerMissing: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
