/// The JSON Pointer of the value being expanded, for error locations.
///
/// Expansion visits every member of a document, but a location is only rendered when an error is thrown, so the
/// pointer is kept as a chain of parent links and rendered as text (with `~0` / `~1` escapes) on demand.
indirect enum ExpansionPath: Sendable, CustomStringConvertible {
    /// The document itself (the empty pointer).
    case root
    /// The member `key` of the object at the parent path.
    case member(ExpansionPath, String)
    /// The element `offset` of the array at the parent path.
    case element(ExpansionPath, Int)

    /// The path of the member named `key` below this one.
    func appending(_ key: String) -> ExpansionPath { .member(self, key) }

    /// The path of the array element at `offset` below this one.
    func appending(_ offset: Int) -> ExpansionPath { .element(self, offset) }

    /// The JSON Pointer text, such as `/credentialSubject/achievement/name`.
    var description: String {
        var components: [String] = []
        var current = self
        while true {
            switch current {
            case .root:
                return JSONPointer.pointer(components.reversed())
            case .member(let parent, let key):
                components.append(key)
                current = parent
            case .element(let parent, let offset):
                components.append(String(offset))
                current = parent
            }
        }
    }
}
