// JSON throughput alone: the serializer and canonicalizer every credential goes through twice when issued
// (JCS to sign, pretty to write) and once when verified (parse, then JCS to check).
import Foundation
import VerifiableCredentials

/// Prints MB/s and µs per document for JCS, compact and pretty serialization and parsing of `documents`,
/// the best of three passes each (the VM's speed drifts).
func runJSONBenchmark(documents: [JSONValue]) {
    print("JSON, \(documents.count) documents, 1 core, best of 3 passes")
    let texts = documents.map { JSONSerializer.bytes($0, layout: .pretty) }
    let compactTexts = documents.map { JSONSerializer.bytes($0) }
    func report(_ name: String, _ body: () -> Int) {
        var best = Double.infinity
        var bytes = 0
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            bytes = body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        print(
            String(
                format: "  %@ %8.1f MB/s  %6.2f µs per document",
                name.padding(toLength: 22, withPad: " ", startingAt: 0),
                Double(bytes) / best / 1e6, best * 1e6 / Double(documents.count)))
    }
    report("JCS") { documents.reduce(0) { $0 + JSONCanonicalizer.canonicalize($1).count } }
    report("compact") { documents.reduce(0) { $0 + JSONSerializer.bytes($1).count } }
    report("pretty") { documents.reduce(0) { $0 + JSONSerializer.bytes($1, layout: .pretty).count } }
    // What `cmevc issue` does to write a credential file: the ledger's compact text laid out pretty.
    report("compact text → pretty") { compactTexts.reduce(0) { $0 + (JSONWhitespace.prettified($1)?.count ?? 0) } }
    report("compact text → compact") {
        texts.reduce(0) { $0 + (JSONWhitespace.removed(from: $1)?.count ?? 0) }
    }
    report("parse (pretty text)") { texts.reduce(0) { $0 + ((try? JSONParser.parse($1)) == nil ? 0 : $1.count) } }
}
