import CMECredentials
import Testing

@Test("The version is a semantic version")
func versionIsSemantic() {
    let parts = CMECredentials.version.split(separator: ".")
    #expect(parts.count == 3)
    #expect(parts.allSatisfy { Int($0) != nil })
}
