import CMESchemas
import Foundation
import Testing

@Suite("Bundled resources")
struct BundledResourcesTests {
    @Test("The contexts index names files that are bundled")
    func contextsIndexIsComplete() throws {
        let directory = try #require(CMESchemas.contextsDirectory)
        let index = try Data(contentsOf: directory.appendingPathComponent("index.json"))
        let map = try #require(try JSONSerialization.jsonObject(with: index) as? [String: String])
        #expect(map["https://www.w3.org/ns/credentials/v2"] != nil)
        for (_, file) in map {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path), "\(file)")
        }
    }
}
