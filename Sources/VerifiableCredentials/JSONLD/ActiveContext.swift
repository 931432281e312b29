/// One term definition of an active context (JSON-LD 1.1 API §4.2).
///
/// A class, because expansion looks definitions up for every key and value it meets: a lookup then costs one
/// reference count instead of copying a dozen fields. Create Term Definition fills a new instance in; once it is
/// stored in an active context it is never changed (hence `@unchecked Sendable`).
final class TermDefinition: @unchecked Sendable, Equatable {
    /// The IRI mapping; `nil` when the term is explicitly mapped to `null`.
    var iri: String?
    var isPrefix = false
    var isProtected = false
    var isReverse = false
    var typeMapping: String?
    /// `nil`: no language mapping; `.some(nil)`: mapped to `null`.
    var language: String??
    /// `nil`: no direction mapping; `.some(nil)`: mapped to `null`.
    var direction: String??
    var container: ContainerMapping = []
    var index: String?
    var nest: String?
    /// The scoped (`@context`) value, with the base URL to resolve it against.
    var localContext: JSONValue?
    var baseURL: String?
    /// The interned identity of `localContext` in the processed-context cache (hashing it once, not per use).
    var localContextID: Int?

    init() {}

    /// Equal apart from the protected flag (for protected-term redefinition checks).
    func sameDefinition(as other: TermDefinition) -> Bool {
        iri == other.iri && isPrefix == other.isPrefix && isReverse == other.isReverse
            && typeMapping == other.typeMapping && language == other.language && direction == other.direction
            && container == other.container && index == other.index && nest == other.nest
            && localContext == other.localContext && baseURL == other.baseURL
            && localContextID == other.localContextID
    }

    static func == (lhs: TermDefinition, rhs: TermDefinition) -> Bool {
        lhs.isProtected == rhs.isProtected && lhs.sameDefinition(as: rhs)
    }
}

/// A processed JSON-LD context.
struct ActiveContext: Sendable {
    var terms: [String: TermDefinition] = [:]
    var baseIRI: String?
    var originalBaseURL: String?
    var vocab: String?
    var defaultLanguage: String?
    var defaultDirection: String?
    var previousContext: ContextBox?
    /// Identity for the processed-context cache; unique per processing result.
    var cacheID: Int

    init(base: String?, cacheID: Int) {
        self.baseIRI = base
        self.originalBaseURL = base
        self.cacheID = cacheID
    }

    var hasProtectedTerms: Bool { terms.values.contains { $0.isProtected } }
}

/// A reference holder so that an active context can point at its previous context.
final class ContextBox: Sendable {
    let context: ActiveContext
    init(_ context: ActiveContext) { self.context = context }
}

/// A term's `@container` mapping as a set of flags (checked on every expanded property, so no string sets).
struct ContainerMapping: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    init(rawValue: UInt8) { self.rawValue = rawValue }

    static let graph = ContainerMapping(rawValue: 1 << 0)
    static let id = ContainerMapping(rawValue: 1 << 1)
    static let index = ContainerMapping(rawValue: 1 << 2)
    static let language = ContainerMapping(rawValue: 1 << 3)
    static let list = ContainerMapping(rawValue: 1 << 4)
    static let set = ContainerMapping(rawValue: 1 << 5)
    static let type = ContainerMapping(rawValue: 1 << 6)

    /// The flag for a container keyword such as `@list`; `nil` for anything else.
    init?(keyword: String) {
        switch keyword {
        case "@graph": self = .graph
        case "@id": self = .id
        case "@index": self = .index
        case "@language": self = .language
        case "@list": self = .list
        case "@set": self = .set
        case "@type": self = .type
        default: return nil
        }
    }
}

/// A term's definition already looked up in the active context at hand, or not yet: expansion looks up the
/// same key several times per entry (its IRI, its property, its value), and each lookup hashes the key.
enum TermLookup {
    case unknown
    case known(TermDefinition?)

    /// The definition of `term` in `active`, looked up only when not known.
    func definition(of term: String?, in active: ActiveContext) -> TermDefinition? {
        switch self {
        case .known(let definition): return definition
        case .unknown: return term.flatMap { active.terms[$0] }
        }
    }
}
