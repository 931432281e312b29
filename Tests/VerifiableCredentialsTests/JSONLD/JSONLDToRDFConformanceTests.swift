import Testing
import VerifiableCredentials

@Suite("JSON-LD toRdf conformance (W3C suite)")
struct JSONLDToRDFConformanceTests {
    @Test("manifest loads")
    func manifestLoads() {
        #expect(ToRDFManifest.cases.count > 440)
    }

    @Test("toRdf test", arguments: ToRDFManifest.cases)
    func toRdf(_ test: ToRDFCase) {
        if let reason = ToRDFManifest.skipped[test.id] {
            print("skipped \(test.id): \(reason)")
            return
        }
        let outcome = ToRDFManifest.run(test)
        #expect(outcome == .passed, "\(test.id): \(outcome)")
    }

    @Test("at least 98% of the suite passes; skips are listed")
    func passRate() {
        let cases = ToRDFManifest.cases
        var passed = 0
        for test in cases where ToRDFManifest.skipped[test.id] == nil {
            if ToRDFManifest.run(test) == .passed { passed += 1 }
        }
        for (id, reason) in ToRDFManifest.skipped.sorted(by: { $0.key < $1.key }) {
            print("skipped \(id): \(reason)")
        }
        let rate = Double(passed) / Double(max(cases.count, 1))
        print(
            "toRdf: \(passed) of \(cases.count) passed (\(Int(rate * 1000) / 10)%), \(ToRDFManifest.skipped.count) skipped"
        )
        #expect(rate >= 0.98)
    }
}
