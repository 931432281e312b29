import Foundation
import Testing
import VerifiableCredentials

@Suite("A folder of status lists")
struct DirectoryStatusListsTests {
    @Test("a folder that does not exist, or a file, is an io error naming the path")
    func notAFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lists-\(UUID().uuidString)")
        #expect(throws: CredentialError(.io, "")) { try DirectoryStatusLists(directory: folder) }
        try Data("{}".utf8).write(to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try DirectoryStatusLists(directory: folder)
            Issue.record("a file was read as a folder")
        } catch {
            #expect(error.code == .io)
            #expect(error.location == folder.path)
        }
    }

    @Test(
        "JSON that is not an object, or an object without an id, is a problem naming the file; an object with one is read"
    )
    func unusableFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lists-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("\"a string\"".utf8).write(to: folder.appendingPathComponent("a.json"))
        try Data("{\"id\": 1}".utf8).write(to: folder.appendingPathComponent("b.json"))
        try Data("{\"id\": \"https://example.org/status/1\"}".utf8).write(to: folder.appendingPathComponent("c.json"))
        let lists = try DirectoryStatusLists(directory: folder)
        #expect(lists.problems.map(\.code) == [.invalidStatusListCredential, .invalidStatusListCredential])
        #expect(lists.problems.map(\.location) == ["a.json", "b.json"].map { folder.appendingPathComponent($0).path })
        #expect(lists.statusListCredential(id: "https://example.org/status/1") != nil)
    }
}
