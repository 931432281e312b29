import CMECredentials
import Testing

@Suite("Allocator settings for batches")
struct BatchMemoryTests {
    #if canImport(Glibc)
        @Test("glibc takes the settings that keep freed memory for reuse")
        func glibcTakesThem() {
            #expect(BatchMemory.keepFreedMemory())
        }
    #endif
}
